package com.lendkeep.loan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

@Entity
public class Installment {
    @Id
    public UUID id;
    @ManyToOne
    @JoinColumn(name = "loan_id")
    public Loan loan;
    public int seq;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "principal_due")
    public BigDecimal principalDue;
    @Column(name = "interest_due")
    public BigDecimal interestDue;
    @Column(name = "fee_due")
    public BigDecimal feeDue = BigDecimal.ZERO.setScale(2);
    @Column(name = "principal_paid")
    public BigDecimal principalPaid = BigDecimal.ZERO.setScale(2);
    @Column(name = "interest_paid")
    public BigDecimal interestPaid = BigDecimal.ZERO.setScale(2);
    @Column(name = "fee_paid")
    public BigDecimal feePaid = BigDecimal.ZERO.setScale(2);
    /**
     * Interest already earned and carried on this installment while it is not yet due (arrears
     * interest deferred by an extension, interest accrued before a re-pricing): owed in a payoff on
     * any date. Part of {@link #interestDue}; the rest accrues by day (see {@link #accrualStart}).
     */
    @Column(name = "interest_earned")
    public BigDecimal interestEarned = BigDecimal.ZERO.setScale(2);
    /** Where the per-diem accrual of the rest of the interest starts; null: the previous due date (or the loan's start). */
    @Column(name = "accrual_start")
    public LocalDate accrualStart;
    @Enumerated(EnumType.STRING)
    public InstallmentStatus status;
    @Version
    public long version;

    public BigDecimal principalUnpaid() {
        return principalDue.subtract(principalPaid);
    }

    public BigDecimal interestUnpaid() {
        return interestDue.subtract(interestPaid);
    }

    public BigDecimal feeUnpaid() {
        return feeDue.subtract(feePaid);
    }

    /** Principal plus interest as scheduled (fees are charged separately, when missed). */
    public BigDecimal amountDue() {
        return principalDue.add(interestDue);
    }

    public BigDecimal amountUnpaid() {
        return principalUnpaid().add(interestUnpaid()).add(feeUnpaid());
    }

    public boolean isDueBy(LocalDate date) {
        return !dueDate.isAfter(date);
    }

    /**
     * The one definition of an installment a re-computation may replace (prepayment, rate change,
     * restructuring, term extension, payment holiday): still PENDING, nothing paid on it, and due
     * after {@code asOf}. Overdue, partly paid and already due installments keep their amounts.
     */
    public boolean isUntouched(LocalDate asOf) {
        return status == InstallmentStatus.PENDING && principalPaid.signum() == 0 && interestPaid.signum() == 0
                && feePaid.signum() == 0 && dueDate.isAfter(asOf);
    }
}
