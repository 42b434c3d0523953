package com.lendkeep.customer.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.domain.CustomerLoan;
import com.lendkeep.customer.repository.CustomerLoanRepository;
import com.lendkeep.platform.events.Payloads;

/** Keeps this service's view of each customer's loans from loan-service's events. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoanExposureService {

    private final CustomerLoanRepository loans;

    public LoanExposureService(CustomerLoanRepository loans) {
        this.loans = loans;
    }

    public void opened(UUID customerId, Payloads.LoanOpened event) {
        if (loans.findByIdOptional(event.loanId()).isPresent()) {
            return;
        }
        CustomerLoan loan = new CustomerLoan();
        loan.loanId = event.loanId();
        loan.customerId = customerId;
        loan.principal = event.principal();
        loan.status = "ACTIVE";
        loan.openedOn = event.startDate();
        loans.persist(loan);
    }

    public void closed(Payloads.LoanClosed event) {
        loans.findByIdOptional(event.loanId()).ifPresent(loan -> {
            loan.status = event.closure();
            loan.closedOn = event.closedOn();
        });
    }
}
