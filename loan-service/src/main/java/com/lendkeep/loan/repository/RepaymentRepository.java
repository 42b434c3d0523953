package com.lendkeep.loan.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import com.lendkeep.loan.domain.Repayment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RepaymentRepository implements PanacheRepositoryBase<Repayment, UUID> {

    public List<Repayment> forLoan(UUID loanId) {
        return list("loanId", Sort.ascending("paidOn", "recordedAt"), loanId);
    }

    /** The value date of the loan's latest repayment and the business date of its latest modification (null: none). */
    public record LatestDates(LocalDate lastPaidOn, LocalDate lastModifiedOn) {
    }

    private static final String LATEST_DATES_SQL = "SELECT (SELECT max(paid_on) FROM repayment WHERE loan_id = ? AND reversed_on IS NULL), "
            + "(SELECT max(applied_on) FROM loan_modification WHERE loan_id = ?)";

    /**
     * Both dates in one statement, straight on the transaction's connection: a JPQL query would make
     * Hibernate flush first (dirty-checking the loan and every installment in the session) once per
     * query. So it does not see repayments or modifications persisted but not yet flushed in this
     * transaction: call it before changing anything (as a repayment's value-date check does).
     */
    public LatestDates latestDates(UUID loanId) {
        return getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement(LATEST_DATES_SQL)) {
                select.setObject(1, loanId);
                select.setObject(2, loanId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return new LatestDates(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class));
                }
            }
        });
    }
}
