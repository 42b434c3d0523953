package com.lendkeep.customer.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of a loan, kept from loan-service's events. */
@Entity
@Table(name = "customer_loan")
public class CustomerLoan {
    @Id
    @Column(name = "loan_id")
    public UUID loanId;
    @Column(name = "customer_id")
    public UUID customerId;
    public BigDecimal principal;
    public String status;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "closed_on")
    public LocalDate closedOn;
}
