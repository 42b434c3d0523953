package com.lendkeep.risk.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What was due in one period of one loan, what was paid, and how late. */
@Entity
@Table(name = "repayment_period")
@IdClass(RepaymentPeriod.Key.class)
public class RepaymentPeriod {
    public record Key(UUID customerId, LocalDate periodDate, UUID loanId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "customer_id")
    public UUID customerId;
    @Id
    @Column(name = "period_date")
    public LocalDate periodDate;
    @Id
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "days_past_due")
    public int daysPastDue;
    @Column(name = "amount_due")
    public BigDecimal amountDue = BigDecimal.ZERO;
    @Column(name = "amount_paid")
    public BigDecimal amountPaid = BigDecimal.ZERO;
    public BigDecimal outstanding = BigDecimal.ZERO;
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;
}
