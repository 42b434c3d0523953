package com.lendkeep.retention.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;
import com.lendkeep.retention.service.CustomerFactsService;
import com.lendkeep.retention.service.InterventionService;
import com.lendkeep.retention.service.LoanFactsService;
import com.lendkeep.retention.service.ProposalService;
import com.lendkeep.retention.service.TaskService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** The three topics retention-service reads; each event's effect runs in the inbox's transaction, once. */
@ApplicationScoped
public class RetentionEventsConsumer {

    private final EventInbox inbox;
    private final ProposalService proposals;
    private final InterventionService interventions;
    private final LoanFactsService loans;
    private final CustomerFactsService customers;
    private final TaskService tasks;

    public RetentionEventsConsumer(EventInbox inbox, ProposalService proposals, InterventionService interventions, LoanFactsService loans,
            CustomerFactsService customers, TaskService tasks) {
        this.inbox = inbox;
        this.proposals = proposals;
        this.interventions = interventions;
        this.loans = loans;
        this.customers = customers;
        this.tasks = tasks;
    }

    @Incoming("churn-risk-alerts")
    @Blocking
    public void onAlert(String message) {
        inbox.process(message, event -> {
            switch (event.type()) {
                case CHURN_RISK_ALERT_RAISED -> proposals.onAlert(event.customerId(),
                        inbox.data(event, Payloads.ChurnRiskAlertRaised.class), event.occurredAt());
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
            switch (event.type()) {
                case LOAN_OPENED -> {
                    Payloads.LoanOpened opened = inbox.data(event, Payloads.LoanOpened.class);
                    if (loans.onOpened(event.customerId(), opened)) {
                        proposals.evaluateWaitingFor(opened.loanId());
                    }
                }
                case LOAN_MODIFIED -> {
                    Payloads.LoanModified modified = inbox.data(event, Payloads.LoanModified.class);
                    loans.onModified(modified, interventions.onLoanModified(modified));
                }
                case LOAN_MODIFICATION_REJECTED -> interventions.onModificationRejected(
                        inbox.data(event, Payloads.LoanModificationRejected.class));
                case LOAN_CLOSED -> {
                    Payloads.LoanClosed closed = inbox.data(event, Payloads.LoanClosed.class);
                    loans.onClosed(event.customerId(), closed, event.occurredAt());
                    interventions.withdrawOpen("loanId", closed.loanId(), "the loan was closed (" + closed.closure() + ")", true);
                }
                case DELINQUENCY_CHANGED -> loans.onDelinquencyChanged(inbox.data(event, Payloads.DelinquencyChanged.class));
                default -> {
                    // applications are pre-loan: nothing to retain yet
                }
            }
        });
    }

    @Incoming("customer-events")
    @Blocking
    public void onCustomerEvent(String message) {
        inbox.process(message, event -> {
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
