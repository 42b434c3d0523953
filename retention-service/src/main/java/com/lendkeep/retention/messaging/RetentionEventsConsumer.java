package com.lendkeep.retention.messaging;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;
import com.lendkeep.retention.service.BusinessDateService;
import com.lendkeep.retention.service.CustomerFactsService;
import com.lendkeep.retention.service.InterventionService;
import com.lendkeep.retention.service.LoanFactsService;
import com.lendkeep.retention.service.LoanStatusService;
import com.lendkeep.retention.service.ProposalService;
import com.lendkeep.retention.service.TaskService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The four topics retention-service reads; each event's effect runs in the inbox's transaction, once.
 * Every event's businessDate moves the business date forward (BusinessDateService).
 */
@ApplicationScoped
public class RetentionEventsConsumer {

    private final EventInbox inbox;
    private final ProposalService proposals;
    private final InterventionService interventions;
    private final com.lendkeep.retention.service.LoanAnswerService answers;
    private final LoanFactsService loans;
    private final LoanStatusService statuses;
    private final CustomerFactsService customers;
    private final TaskService tasks;
    private final BusinessDateService businessDate;

    public RetentionEventsConsumer(EventInbox inbox, ProposalService proposals, InterventionService interventions,
            com.lendkeep.retention.service.LoanAnswerService answers, LoanFactsService loans,
            LoanStatusService statuses, CustomerFactsService customers, TaskService tasks, BusinessDateService businessDate) {
        this.inbox = inbox;
        this.proposals = proposals;
        this.interventions = interventions;
        this.answers = answers;
        this.loans = loans;
        this.statuses = statuses;
        this.customers = customers;
        this.tasks = tasks;
        this.businessDate = businessDate;
    }

    /** The event's date on the loan book's calendar: its businessDate, else its occurredAt's UTC date. */
    static LocalDate dateOf(EventEnvelope event) {
        return event.businessDate() != null ? event.businessDate() : LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
    }

    @Incoming("churn-risk-alerts")
    @Blocking
    public void onAlert(String message) {
        inbox.process(message, event -> {
            businessDate.observe(event.businessDate());
            switch (event.type()) {
                case CHURN_RISK_ALERT_RAISED -> proposals.onAlert(event.customerId(),
                        inbox.data(event, Payloads.ChurnRiskAlertRaised.class), event.occurredAt(), dateOf(event));
                case CHURN_RISK_ALERT_UPDATED -> proposals.onAlertUpdated(event.customerId(),
                        inbox.data(event, Payloads.ChurnRiskAlertUpdated.class), event.occurredAt(), dateOf(event));
                case CHURN_RISK_ALERT_CLEARED -> proposals.onAlertCleared(inbox.data(event, Payloads.ChurnRiskAlertCleared.class),
                        event.occurredAt());
                default -> {
                    // nothing else travels on this topic
                }
            }
        });
    }

    @Incoming("loan-events")
    @Blocking
    public void onLoanEvent(String message) {
        inbox.process(message, event -> {
            businessDate.observe(event.businessDate());
            if (EventEnvelope.SYSTEM_CUSTOMER_ID.equals(event.customerId())) {
                if (event.type() == com.lendkeep.platform.events.EventType.BUSINESS_DATE_CHANGED) {
                    businessDate.observe(inbox.data(event, Payloads.BusinessDateChanged.class).businessDate());
                }
                return; // system-wide: no customer state
            }
            LocalDate on = dateOf(event);
            switch (event.type()) {
                case LOAN_OPENED -> {
                    Payloads.LoanOpened opened = inbox.data(event, Payloads.LoanOpened.class);
                    if (loans.onOpened(event.customerId(), opened)) {
                        proposals.evaluateWaitingFor(opened.loanId());
                    }
                }
                case LOAN_MODIFIED -> {
                    Payloads.LoanModified modified = inbox.data(event, Payloads.LoanModified.class);
                    statuses.onModified(event.customerId(), modified, on, loans.terms(modified.loanId()));
                    loans.onModified(modified, answers.onLoanModified(modified));
                }
                case LOAN_MODIFICATION_REJECTED -> answers.onModificationRejected(
                        inbox.data(event, Payloads.LoanModificationRejected.class));
                case LOAN_CLOSED -> {
                    Payloads.LoanClosed closed = inbox.data(event, Payloads.LoanClosed.class);
                    loans.onClosed(event.customerId(), closed, event.occurredAt(), event.businessDate());
                    interventions.withdrawOpen("loanId", closed.loanId(), "the loan was closed (" + closed.closure() + ")", true);
                }
                case DELINQUENCY_CHANGED -> {
                    Payloads.DelinquencyChanged changed = inbox.data(event, Payloads.DelinquencyChanged.class);
                    loans.onDelinquencyChanged(changed);
                    statuses.onDelinquencyChanged(event.customerId(), changed, on);
                }
                default -> {
                    // applications are pre-loan; payoff quotes and recoveries change no retention decision here
                }
            }
        });
    }

    /** Repayment events name the loan: days past due for outcomes, fees for eligibility, the balance for loans known only from them. */
    @Incoming("repayment-events")
    @Blocking
    public void onRepaymentEvent(String message) {
        inbox.process(message, event -> {
            businessDate.observe(event.businessDate());
            if (EventEnvelope.SYSTEM_CUSTOMER_ID.equals(event.customerId())) {
                return;
            }
            LocalDate on = dateOf(event);
            switch (event.type()) {
                case REPAYMENT_RECEIVED -> statuses.onRepayment(event.customerId(), inbox.data(event, Payloads.RepaymentReceived.class), on);
                case PAYMENT_MISSED -> statuses.onPaymentMissed(event.customerId(), inbox.data(event, Payloads.PaymentMissed.class), on);
                case REPAYMENT_REVERSED -> statuses.onRepaymentReversed(event.customerId(),
                        inbox.data(event, Payloads.RepaymentReversed.class), on);
                default -> {
                    // nothing else travels on this topic
                }
            }
        });
    }

    @Incoming("customer-events")
    @Blocking
    public void onCustomerEvent(String message) {
        inbox.process(message, event -> {
            businessDate.observe(event.businessDate());
            if (EventEnvelope.SYSTEM_CUSTOMER_ID.equals(event.customerId())) {
                return;
            }
            switch (event.type()) {
                case CUSTOMER_REGISTERED -> customers.onRegistered(event.customerId(), inbox.data(event, Payloads.CustomerRegistered.class));
                case TIER_CHANGED -> customers.onTierChanged(event.customerId(), inbox.data(event, Payloads.TierChanged.class));
                case GRADE_CHANGED -> customers.onGradeChanged(event.customerId(), inbox.data(event, Payloads.GradeChanged.class));
                case CONTACT_PREFERENCES_CHANGED -> customers.onPreferencesChanged(event.customerId(),
                        inbox.data(event, Payloads.ContactPreferencesChanged.class));
                case CUSTOMER_ERASED -> {
                    Payloads.CustomerErased erased = inbox.data(event, Payloads.CustomerErased.class);
                    customers.onErased(event.customerId(), erased.erasedAt());
                    interventions.withdrawOpen("customerId", event.customerId(), "the customer was erased", true);
                    tasks.cancelOpenFor(event.customerId(), "the customer was erased");
                }
                default -> {
                    // nothing else travels on this topic
                }
            }
        });
    }
}
