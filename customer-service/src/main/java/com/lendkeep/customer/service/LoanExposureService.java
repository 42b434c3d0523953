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
import com.lendkeep.customer.domain.rules.Arrears;
import com.lendkeep.customer.repository.ArrearsLedger;
import com.lendkeep.customer.repository.CustomerLoanRepository;
import com.lendkeep.customer.repository.CustomerRepository;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.PoisonMessageException;

import io.quarkus.logging.Log;

/**
 * Keeps this service's view of each customer's loans from loan-service's loan and repayment events:
 * every event that moves exposure, arrears, rate or status. Loan and repayment events travel on
 * different topics, so they can arrive in either order; each loan's state therefore follows the time
 * the events happened ({@code occurredAt}), not their arrival: a snapshot field (outstanding, rate) is
 * only replaced by a newer event, and the arrears are re-folded from every arrears event of the loan
 * in event order ({@link Arrears}). A repayment for a loan not yet known creates the loan, which its
 * LOAN_OPENED completes later. Loan events re-assess the customer here; repayment events are
 * re-assessed by the caller, once per customer and batch.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LoanExposureService {

    private final CustomerLoanRepository loans;
    private final CustomerRepository customers;
    private final AssessmentService assessments;
    private final ArrearsLedger arrears;
    private final BusinessDateService businessDate;

    public LoanExposureService(CustomerLoanRepository loans, CustomerRepository customers, AssessmentService assessments,
            ArrearsLedger arrears, BusinessDateService businessDate) {
        this.loans = loans;
        this.customers = customers;
        this.assessments = assessments;
        this.arrears = arrears;
        this.businessDate = businessDate;
    }

    public void opened(EventEnvelope event, Payloads.LoanOpened data) {
        CustomerLoan loan = loanOf(event.customerId(), data.loanId());
        if (loan.principal != null) {
            return; // already opened: the same booking published again under a new event id
        }
        loan.principal = data.principal();
        if (loan.rateEventAt == null) { // a LOAN_MODIFIED's rate is newer than the booking's
            loan.annualRate = data.annualRate();
            loan.rateEventAt = event.occurredAt();
        }
        loan.termMonths = data.termMonths();
        loan.installmentAmount = data.installmentAmount();
        loan.openedOn = data.startDate();
        if (loan.maturityDate == null) {
            loan.maturityDate = data.startDate().plusMonths(data.termMonths());
        }
        if (loan.outstanding == null && loan.active()) {
            // the booking's figure is older than any repayment of the loan, whatever the clocks say: any repayment replaces it
            loan.outstanding = data.principal();
            loan.outstandingEventAt = null;
        }
        save(loan);
        assessments.reassess(event.customerId());
    }

    public void closed(EventEnvelope event, Payloads.LoanClosed data) {
        CustomerLoan loan = loanOf(event.customerId(), data.loanId());
        loan.status = data.closure();
        loan.closedOn = data.closedOn();
        loan.outstanding = BigDecimal.ZERO;
        loan.outstandingEventAt = event.occurredAt();
        loan.unrecoveredPrincipal = data.unrecoveredPrincipal();
        loan.unrecoveredInterest = data.unrecoveredInterest();
        save(loan);
        refold(event, loan, new Arrears.Entry(event.occurredAt(), Arrears.Kind.CLOSED, data.closedOn(), BigDecimal.ZERO, null));
        assessments.reassess(event.customerId());
    }

    /** The new schedule's maturity, forbearance and (when the event has it) the new rate, unless an older schedule version. */
    public void modified(EventEnvelope event, Payloads.LoanModified data) {
        CustomerLoan loan = known(event.customerId(), data.loanId());
        if (loan == null || data.scheduleVersion() < loan.scheduleVersion) {
            return;
        }
        loan.scheduleVersion = data.scheduleVersion();
        loan.lastModification = data.modificationType() + (data.description() == null ? "" : ": " + data.description());
        loan.forbearanceUntil = data.forbearanceUntil();
        if (data.annualRate() != null) {
            loan.annualRate = data.annualRate();
            loan.rateEventAt = event.occurredAt();
        }
        List<LocalDate> dueDates = data.remainingDueDates();
        if (dueDates != null && !dueDates.isEmpty()) {
            loan.maturityDate = dueDates.stream().max(LocalDate::compareTo).orElseThrow();
        }
        save(loan);
        assessments.reassess(event.customerId()); // rate and maturity move the lifetime value
    }

    public void delinquencyChanged(EventEnvelope event, Payloads.DelinquencyChanged data) {
        CustomerLoan loan = known(event.customerId(), data.loanId());
        if (loan == null) {
            return;
        }
        LocalDate oldest = dateOf(event).minusDays(data.daysPastDue());
        refold(event, loan, new Arrears.Entry(event.occurredAt(), Arrears.Kind.DELINQUENCY, oldest, data.overdueAmount(), data.newBucket()));
        assessments.reassess(event.customerId()); // the grade counts the customer's own arrears
    }

    public void recoveryReceived(EventEnvelope event, Payloads.LoanRecoveryReceived data) {
        CustomerLoan loan = known(event.customerId(), data.loanId());
        if (loan == null) {
            return;
        }
        loan.recovered = loan.recovered.max(data.totalRecovered()); // a running total: an older one is smaller
        save(loan);
        assessments.reassess(event.customerId());
    }

    /**
     * Interest paid adds to the interest income; the outstanding principal replaces the exposure
     * unless a newer event set it; the amount pays the oldest overdue installments. Does not
     * re-assess the customer: the caller does, once after all of a batch's repayments of that customer.
     */
    public void applyRepayment(EventEnvelope event, Payloads.RepaymentReceived data) {
        CustomerLoan loan = loanOf(event.customerId(), data.loanId());
        if (data.interestPaid() != null) {
            loan.interestPaid = loan.interestPaid.add(data.interestPaid());
        }
        loan.repayments++;
        if (loan.lastRepaymentOn == null || data.paidOn().isAfter(loan.lastRepaymentOn)) {
            loan.lastRepaymentOn = data.paidOn();
        }
        if (loan.active() && newer(loan, event.occurredAt())) {
            loan.outstanding = data.outstanding();
            loan.outstandingAsOf = data.paidOn();
            loan.outstandingEventAt = event.occurredAt();
            if (loan.openedOn == null && data.outstanding().signum() == 0) {
                // a loan known only from a core banking system's repayments: no LOAN_CLOSED will come
                loan.status = "REPAID";
                loan.closedOn = data.paidOn();
            }
        }
        refold(event, loan, new Arrears.Entry(event.occurredAt(), Arrears.Kind.REPAID, data.paidOn(), data.amountPaid(), null));
    }

    /** A missed installment becomes overdue (its amount, fees included, from its due date). */
    public void paymentMissed(EventEnvelope event, Payloads.PaymentMissed data) {
        CustomerLoan loan = known(event.customerId(), data.loanId());
        if (loan == null) {
            return;
        }
        loan.missedPayments++;
        refold(event, loan, new Arrears.Entry(event.occurredAt(), Arrears.Kind.MISSED, data.dueDate(), data.amountDue(), null));
    }

    /** A bounced repayment: owed again, overdue from the date its days past due imply. */
    public void repaymentReversed(EventEnvelope event, Payloads.RepaymentReversed data) {
        CustomerLoan loan = known(event.customerId(), data.loanId());
        if (loan == null) {
            return;
        }
        if (loan.active() && newer(loan, event.occurredAt())) {
            loan.outstanding = data.outstanding();
            loan.outstandingEventAt = event.occurredAt();
        }
        LocalDate oldest = data.daysPastDue() > 0 ? dateOf(event).minusDays(data.daysPastDue()) : null;
        refold(event, loan, new Arrears.Entry(event.occurredAt(), Arrears.Kind.REVERSED, oldest, data.amount(), null));
    }

    /** Records the event's arrears entry and folds the loan's entries again, in the order the events happened. */
    private void refold(EventEnvelope event, CustomerLoan loan, Arrears.Entry entry) {
        save(loan);
        arrears.add(event.eventId(), loan.loanId, entry);
        Arrears.State state = Arrears.fold(arrears.of(loan.loanId));
        loan.overdueAmount = state.overdue();
        loan.oldestOverdueOn = state.oldestOverdueOn();
        loan.delinquencyBucket = state.bucket();
        loan.daysPastDue = state.daysPastDue(businessDate.today().date());
        save(loan);
    }

    private LocalDate dateOf(EventEnvelope event) {
        return event.businessDate() != null ? event.businessDate() : businessDate.today().date();
    }

    private static boolean newer(CustomerLoan loan, Instant occurredAt) {
        return loan.outstandingEventAt == null || !occurredAt.isBefore(loan.outstandingEventAt);
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

    /**
     * Every change of one customer's loans takes the customer's row lock first (the same order as
     * the REST side), then the loan's: loan and repayment events are consumed on separate threads,
     * and an update writes the whole row, so two unserialized changes of one loan lose one of them.
     */
    private CustomerLoan known(UUID customerId, UUID loanId) {
        customers.lock(customerId);
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
