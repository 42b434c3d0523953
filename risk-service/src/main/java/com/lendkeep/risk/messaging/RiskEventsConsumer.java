package com.lendkeep.risk.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;
import com.lendkeep.risk.ops.ScoringMetrics;
import com.lendkeep.risk.service.RiskService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The streams risk-service learns from, taken in batches (up to max.poll.records): one
 * transaction and one scoring per customer per batch, instead of per event.
 */
@ApplicationScoped
public class RiskEventsConsumer {

    private final EventInbox inbox;
    private final RiskService risk;
    private final ScoringMetrics metrics;

    public RiskEventsConsumer(EventInbox inbox, RiskService risk, ScoringMetrics metrics) {
        this.inbox = inbox;
        this.risk = risk;
        this.metrics = metrics;
    }

    @Incoming("repayment-events")
    @Blocking
    public void onRepaymentEvents(ConsumerRecords<String, String> records) {
        handle(records);
    }

    @Incoming("credit-score-events")
    @Blocking
    public void onCreditScoreEvents(ConsumerRecords<String, String> records) {
        handle(records);
    }

    @Incoming("contact-events")
    @Blocking
    public void onContactEvents(ConsumerRecords<String, String> records) {
        handle(records);
    }

    @Incoming("loan-events")
    @Blocking
    public void onLoanEvents(ConsumerRecords<String, String> records) {
        handle(records);
    }

    @Incoming("customer-events")
    @Blocking
    public void onCustomerEvents(ConsumerRecords<String, String> records) {
        handle(records);
    }

    private void handle(ConsumerRecords<String, String> records) {
        inbox.processBatch(EventInbox.Incoming.of(records), events -> {
            // every event goes in, also of types risk-service does not use (data null): each carries the business date
            List<RiskService.Change> changes = new ArrayList<>(events.size());
            for (EventEnvelope e : events) {
                changes.add(new RiskService.Change(e, payload(e)));
            }
            if (!changes.isEmpty()) {
                metrics.timeBatch(() -> risk.apply(changes));
            }
        });
    }

    private Object payload(EventEnvelope event) {
        return switch (event.type()) {
            case PAYMENT_MISSED -> inbox.data(event, Payloads.PaymentMissed.class);
            case REPAYMENT_RECEIVED -> inbox.data(event, Payloads.RepaymentReceived.class);
            case REPAYMENT_REVERSED -> inbox.data(event, Payloads.RepaymentReversed.class);
            case PAYOFF_QUOTED -> inbox.data(event, Payloads.PayoffQuoted.class);
            case BUSINESS_DATE_CHANGED -> inbox.data(event, Payloads.BusinessDateChanged.class);
            case DELINQUENCY_CHANGED -> inbox.data(event, Payloads.DelinquencyChanged.class);
            case CREDIT_SCORE_CHANGED -> inbox.data(event, Payloads.CreditScoreChanged.class);
            case CONTACT_LOGGED -> inbox.data(event, Payloads.ContactLogged.class);
            case LOAN_OPENED -> inbox.data(event, Payloads.LoanOpened.class);
            case LOAN_MODIFIED -> inbox.data(event, Payloads.LoanModified.class);
            case LOAN_CLOSED -> inbox.data(event, Payloads.LoanClosed.class);
            case TIER_CHANGED -> inbox.data(event, Payloads.TierChanged.class);
            case GRADE_CHANGED -> inbox.data(event, Payloads.GradeChanged.class);
            default -> null; // other types carry nothing for risk (and CUSTOMER_ERASED: risk-service holds no personal data)
        };
    }
}
