package com.lendkeep.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.customer.service.ChurnRiskService;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** churn-risk-alerts from risk-service: the latest churn risk per type, for the customer 360. */
@ApplicationScoped
public class ChurnAlertsConsumer {

    private final EventInbox inbox;
    private final ChurnRiskService risks;

    public ChurnAlertsConsumer(EventInbox inbox, ChurnRiskService risks) {
        this.inbox = inbox;
        this.risks = risks;
    }

    @Incoming("churn-risk-alerts")
    @Blocking
    public void onChurnAlert(String message) {
        inbox.process(message, event -> {
            switch (event.type()) {
                case CHURN_RISK_ALERT_RAISED -> risks.raised(event.customerId(), event.occurredAt(),
                        inbox.data(event, Payloads.ChurnRiskAlertRaised.class));
                case CHURN_RISK_ALERT_CLEARED -> risks.cleared(event.customerId(), event.occurredAt(),
                        inbox.data(event, Payloads.ChurnRiskAlertCleared.class));
                default -> {
                    // nothing else travels on this topic today
                }
            }
        });
    }
}
