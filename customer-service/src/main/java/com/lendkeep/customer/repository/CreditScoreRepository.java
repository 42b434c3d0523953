package com.lendkeep.customer.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.customer.domain.CreditScore;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CreditScoreRepository implements PanacheRepositoryBase<CreditScore, UUID> {

    public List<CreditScore> history(UUID customerId) {
        return list("customerId", Sort.descending("scoreDate", "receivedAt"), customerId);
    }

    /** The newest score by score date (not by arrival: bureaus can report late). */
    public Optional<CreditScore> latest(UUID customerId) {
        return find("customerId", Sort.descending("scoreDate", "receivedAt"), customerId).firstResultOptional();
    }

    /** The newest score of one bureau, by score date. */
    public Optional<CreditScore> latest(UUID customerId, String bureau) {
        return find("customerId = ?1 and bureau = ?2", Sort.descending("scoreDate", "receivedAt"), customerId, bureau).firstResultOptional();
    }

    public Optional<CreditScore> find(UUID customerId, String bureau, LocalDate scoreDate) {
        return find("customerId = ?1 and bureau = ?2 and scoreDate = ?3", customerId, bureau, scoreDate).firstResultOptional();
    }
}
