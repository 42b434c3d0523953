package com.lendkeep.loan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

@Entity
public class Loan {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    public BigDecimal principal;
    @Column(name = "annual_rate")
    public BigDecimal annualRate;
    /** The term booked; modifications do not change it (see {@link #currentTermMonths()}). */
    @Column(name = "term_months")
    public int termMonths;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Enumerated(EnumType.STRING)
    public RepaymentMethod method;
    @Enumerated(EnumType.STRING)
    public LoanStatus status;
    @Column(name = "schedule_version")
    public int scheduleVersion;
    @Column(name = "forbearance_until")
    public LocalDate forbearanceUntil;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "closure_reason")
    public String closureReason;
    @Column(name = "closed_by")
    public String closedBy;
    /** Bucket as of the business date (null: current); moved by close of business, repayments and modifications. */
    @Column(name = "delinquency_bucket")
    public String delinquencyBucket;
    @Column(name = "late_fee")
    public BigDecimal lateFee = BigDecimal.ZERO.setScale(2);
    /** Received above what the loan owed (an overpayment): the customer's money, refunded through the API. */
    @Column(name = "credit_balance")
    public BigDecimal creditBalance = ZERO;
    /** Cash recovered after a charge-off. */
    public BigDecimal recovered = ZERO;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "loan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    public List<Installment> installments = new ArrayList<>();

    public BigDecimal outstandingPrincipal() {
        return installments.stream().map(Installment::principalUnpaid).reduce(ZERO, BigDecimal::add);
    }

    public BigDecimal outstandingInterest() {
        return installments.stream().map(Installment::interestUnpaid).reduce(ZERO, BigDecimal::add);
    }

    public BigDecimal outstandingFees() {
        return installments.stream().map(Installment::feeUnpaid).reduce(ZERO, BigDecimal::add);
    }

    public List<Installment> unpaidInstallments() {
        return installments.stream().filter(i -> i.status != InstallmentStatus.PAID).toList();
    }

    public LocalDate maturityDate() {
        return installments.isEmpty() ? startDate : installments.get(installments.size() - 1).dueDate;
    }

    /** Months from the start to the last due date, a started month counting as one: the term after modifications. */
    public int currentTermMonths() {
        LocalDate last = maturityDate();
        java.time.Period p = java.time.Period.between(startDate, last);
        int months = (int) p.toTotalMonths();
        return p.getDays() > 0 ? months + 1 : months;
    }

    public int nextSeq() {
        return installments.stream().mapToInt(i -> i.seq).max().orElse(0) + 1;
    }
}
