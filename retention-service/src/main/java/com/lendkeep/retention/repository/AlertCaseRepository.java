package com.lendkeep.retention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.domain.CaseEvaluation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AlertCaseRepository implements PanacheRepositoryBase<AlertCase, UUID> {

    public List<AlertCase> waitingForLoan(UUID loanId) {
        return list("loanId = ?1 and evaluation in ?2", Sort.ascending("alertedAt"), loanId,
                List.of(CaseEvaluation.WAITING_FOR_LOAN, CaseEvaluation.LOAN_TERMS_MISSING));
    }

    /** Cases still waiting for their loan that were received before {@code before}: their wait is over. */
    public List<AlertCase> waitingSince(java.time.Instant before, int limit) {
        return find("evaluation = ?1 and receivedAt < ?2", Sort.ascending("receivedAt"), CaseEvaluation.WAITING_FOR_LOAN, before)
                .page(Page.ofSize(limit)).list();
    }

    public List<AlertCase> search(UUID customerId, int page, int size) {
        if (customerId == null) {
            return findAll(Sort.descending("alertedAt")).page(Page.of(page, size)).list();
        }
        return find("customerId", Sort.descending("alertedAt"), customerId).page(Page.of(page, size)).list();
    }

    /** Cases whose alert's business date is in [from, to]. */
    public List<AlertCase> alertedOnBetween(java.time.LocalDate from, java.time.LocalDate to) {
        return list("alertedOn >= ?1 and alertedOn <= ?2", Sort.ascending("alertedOn"), from, to);
    }
}
