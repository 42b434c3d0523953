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
    @Column(name = "principal_paid")
    public BigDecimal principalPaid = BigDecimal.ZERO;
    @Column(name = "interest_paid")
    public BigDecimal interestPaid = BigDecimal.ZERO;
    @Enumerated(EnumType.STRING)
    public InstallmentStatus status;

    public BigDecimal principalUnpaid() {
        return principalDue.subtract(principalPaid);
    }

    public BigDecimal interestUnpaid() {
        return interestDue.subtract(interestPaid);
    }

    public BigDecimal amountDue() {
        return principalDue.add(interestDue);
    }

    public BigDecimal amountUnpaid() {
        return principalUnpaid().add(interestUnpaid());
    }
}
