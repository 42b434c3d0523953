package com.lendkeep.risk.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;
import com.lendkeep.risk.service.RiskService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** The four streams risk-service learns from; every message goes through the idempotent inbox. */
@ApplicationScoped
public class RiskEventsConsumer {

    private final EventInbox inbox;
    private final RiskService risk;

    public RiskEventsConsumer(EventInbox inbox, RiskService risk) {
        this.inbox = inbox;
        this.risk = risk;
    }

    @Incoming("repayment-events")
    @Blocking
    public void onRepaymentEvent(String message) {
        handle(message);
    }

    @Incoming("credit-score-events")
    @Blocking
    public void onCreditScoreEvent(String message) {
        handle(message);
    }

    @Incoming("contact-events")
    @Blocking
    public void onContactEvent(String message) {
        handle(message);
    }

    @Incoming("loan-events")
    @Blocking
    public void onLoanEvent(String message) {
        handle(message);
    }

    private void handle(String message) {
        inbox.process(message, event -> {
            Object data = payload(event);
            if (data != null) {
                risk.apply(event, data);
            }
        });
    }

    private Object payload(EventEnvelope event) {
        return switch (event.type()) {
            case PAYMENT_MISSED -> inbox.data(event, Payloads.PaymentMissed.class);
            case REPAYMENT_RECEIVED -> inbox.data(event, Payloads.RepaymentReceived.class);
            case CREDIT_SCORE_CHANGED -> inbox.data(event, Payloads.CreditScoreChanged.class);
            case CONTACT_LOGGED -> inbox.data(event, Payloads.ContactLogged.class);
            case LOAN_OPENED -> inbox.data(event, Payloads.LoanOpened.class);
            case LOAN_MODIFIED -> inbox.data(event, Payloads.LoanModified.class);
            case LOAN_CLOSED -> inbox.data(event, Payloads.LoanClosed.class);
            default -> null;
        };
    }
}
