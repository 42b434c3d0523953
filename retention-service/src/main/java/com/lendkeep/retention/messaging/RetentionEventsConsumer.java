package com.lendkeep.retention.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;
import com.lendkeep.retention.service.InterventionService;

import io.smallrye.reactive.messaging.annotations.Blocking;

@ApplicationScoped
public class RetentionEventsConsumer {

    private final EventInbox inbox;
    private final InterventionService interventions;

    public RetentionEventsConsumer(EventInbox inbox, InterventionService interventions) {
        this.inbox = inbox;
        this.interventions = interventions;
    }

    @Incoming("churn-risk-alerts")
    @Blocking
    public void onAlert(String message) {
        inbox.process(message, event -> {
            switch (event.type()) {
                case CHURN_RISK_ALERT_RAISED -> interventions.onAlert(event.customerId(), inbox.data(event, Payloads.ChurnRiskAlertRaised.class));
                default -> {
                    // a cleared alert leaves proposed interventions as they are: an advisor decides
                }
            }
        });
    }

    @Incoming("loan-events")
    @Blocking
    public void onLoanEvent(String message) {
        inbox.process(message, event -> {
            switch (event.type()) {
                case LOAN_MODIFIED -> interventions.onLoanModified(inbox.data(event, Payloads.LoanModified.class));
                case LOAN_MODIFICATION_REJECTED -> interventions.onModificationRejected(inbox.data(event, Payloads.LoanModificationRejected.class));
                default -> {
                    // closures feed the outcome report (see issue on outcomes)
                }
            }
        });
    }
}
