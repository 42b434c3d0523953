package com.lendkeep.customer.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.domain.CustomerLoan;
import com.lendkeep.customer.repository.CustomerLoanRepository;
import com.lendkeep.customer.repository.CustomerRepository;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.PoisonMessageException;

import io.quarkus.logging.Log;

/**
 * Keeps this service's view of each customer's loans from loan-service's loan and repayment
 * events, and re-assesses the customer in the same transaction when exposure, interest or products
 * move (after repayments, which arrive in batches, the caller re-assesses: once per customer and
 * batch). Loan and repayment events travel on different topics, so they can arrive in either order:
 * a repayment for a loan not yet known creates the loan, which its LOAN_OPENED completes later.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoanExposureService {

    private final CustomerLoanRepository loans;
    private final CustomerRepository customers;
    private final AssessmentService assessments;

    public LoanExposureService(CustomerLoanRepository loans, CustomerRepository customers, AssessmentService assessments) {
        this.loans = loans;
        this.customers = customers;
        this.assessments = assessments;
    }

    public void opened(UUID customerId, Payloads.LoanOpened event) {
        lockCustomer(customerId);
        CustomerLoan loan = loanOf(customerId, event.loanId());
        if (loan.principal != null) {
            return; // already opened: the same booking published again under a new event id
        }
        loan.principal = event.principal();
        loan.annualRate = event.annualRate();
        loan.termMonths = event.termMonths();
        loan.installmentAmount = event.installmentAmount();
        loan.openedOn = event.startDate();
        if (loan.maturityDate == null) {
            loan.maturityDate = event.startDate().plusMonths(event.termMonths());
        }
        if (loan.outstanding == null && loan.active()) {
            loan.outstanding = event.principal(); // a repayment that arrived first knows better
        }
        save(loan);
        assessments.reassess(customerId);
    }

    public void closed(UUID customerId, Payloads.LoanClosed event) {
        lockCustomer(customerId);
        CustomerLoan loan = loanOf(customerId, event.loanId());
        loan.status = event.closure();
        loan.closedOn = event.closedOn();
        loan.outstanding = BigDecimal.ZERO;
        loan.unrecoveredPrincipal = event.unrecoveredPrincipal();
        loan.delinquencyBucket = null;
        loan.daysPastDue = 0;
        loan.overdueAmount = BigDecimal.ZERO;
        save(loan);
        assessments.reassess(customerId);
    }

    public void modified(UUID customerId, Payloads.LoanModified event) {
        lockCustomer(customerId);
        CustomerLoan loan = known(customerId, event.loanId());
        if (loan == null || event.scheduleVersion() < loan.scheduleVersion) {
            return;
        }
        loan.scheduleVersion = event.scheduleVersion();
        loan.lastModification = event.modificationType() + (event.description() == null ? "" : ": " + event.description());
        loan.forbearanceUntil = event.forbearanceUntil();
        List<LocalDate> dueDates = event.remainingDueDates();
        if (dueDates != null && !dueDates.isEmpty()) {
            loan.maturityDate = dueDates.stream().max(LocalDate::compareTo).orElseThrow();
        }
        save(loan);
        assessments.reassess(customerId); // a new maturity moves the lifetime value
    }

    public void delinquencyChanged(UUID customerId, Payloads.DelinquencyChanged event) {
        lockCustomer(customerId);
        CustomerLoan loan = known(customerId, event.loanId());
        if (loan == null || !loan.active()) {
            return;
        }
        loan.delinquencyBucket = event.newBucket();
        loan.daysPastDue = event.daysPastDue();
        loan.overdueAmount = event.overdueAmount();
        save(loan);
    }

    /**
     * Interest paid adds to the interest income; the outstanding principal replaces the exposure unless an older repayment.
     * Does not re-assess the customer: the caller does, once after all of a batch's repayments of that customer.
     */
    public void applyRepayment(UUID customerId, Instant occurredAt, Payloads.RepaymentReceived event) {
        lockCustomer(customerId);
        CustomerLoan loan = loanOf(customerId, event.loanId());
        if (event.interestPaid() != null) {
            loan.interestPaid = loan.interestPaid.add(event.interestPaid());
        }
        loan.repayments++;
        if (loan.lastRepaymentOn == null || event.paidOn().isAfter(loan.lastRepaymentOn)) {
            loan.lastRepaymentOn = event.paidOn();
        }
        if (loan.active() && newer(loan, event.paidOn(), occurredAt)) {
            loan.outstanding = event.outstanding();
            loan.outstandingAsOf = event.paidOn();
            loan.outstandingEventAt = occurredAt;
            if (loan.openedOn == null && event.outstanding().signum() == 0) {
                // a loan known only from a core banking system's repayments: no LOAN_CLOSED will come
                loan.status = "REPAID";
                loan.closedOn = event.paidOn();
            }
        }
        save(loan);
    }

    public void paymentMissed(UUID customerId, Payloads.PaymentMissed event) {
        lockCustomer(customerId);
        CustomerLoan loan = known(customerId, event.loanId());
        if (loan == null) {
            return;
        }
        loan.missedPayments++;
        save(loan);
    }

    private static boolean newer(CustomerLoan loan, LocalDate paidOn, Instant occurredAt) {
        if (loan.outstandingAsOf == null || paidOn.isAfter(loan.outstandingAsOf)) {
            return true;
        }
        return paidOn.isEqual(loan.outstandingAsOf) && (loan.outstandingEventAt == null || !occurredAt.isBefore(loan.outstandingEventAt));
    }

    /**
     * Every change of one customer's loans takes the customer's row lock first (the same order as
     * the REST side), then the loan's: loan and repayment events are consumed on separate threads,
     * and an update writes the whole row, so two unserialized changes of one loan lose one of them.
     */
    private void lockCustomer(UUID customerId) {
        customers.lock(customerId);
    }

    /** The known loan, or a new one that {@link #save} persists once filled (Hibernate inserts the state it has at persist()). */
    private CustomerLoan loanOf(UUID customerId, UUID loanId) {
        CustomerLoan loan = known(customerId, loanId);
        if (loan != null) {
            return loan;
        }
        loan = new CustomerLoan();
        loan.loanId = loanId;
        loan.customerId = customerId;
        loan.status = CustomerLoan.ACTIVE;
        return loan;
    }

    private void save(CustomerLoan loan) {
        loan.updatedAt = Instant.now();
        if (!loans.getEntityManager().contains(loan)) {
            loans.persist(loan);
        }
    }

    private CustomerLoan known(UUID customerId, UUID loanId) {
        CustomerLoan loan = loans.findById(loanId, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null) {
            Log.debugf("loan %s of customer %s not known yet", loanId, customerId);
            return null;
        }
        if (!loan.customerId.equals(customerId)) {
            throw new PoisonMessageException("loan " + loanId + " belongs to customer " + loan.customerId + ", not " + customerId);
        }
        return loan;
    }

}
