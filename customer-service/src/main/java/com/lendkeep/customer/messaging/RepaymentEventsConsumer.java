package com.lendkeep.customer.messaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.customer.service.AssessmentService;
import com.lendkeep.customer.service.BusinessDateService;
import com.lendkeep.customer.service.LoanExposureService;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * repayment-events from loan-service or a core banking system: interest income and outstanding
 * exposure. Taken in batches (up to max.poll.records): one transaction per batch, and one
 * re-assessment per repaid customer per batch instead of one per event.
 */
@ApplicationScoped
public class RepaymentEventsConsumer {

    private final EventInbox inbox;
    private final LoanExposureService exposure;
    private final AssessmentService assessments;
    private final BusinessDateService businessDate;

    public RepaymentEventsConsumer(EventInbox inbox, LoanExposureService exposure, AssessmentService assessments,
            BusinessDateService businessDate) {
        this.inbox = inbox;
        this.businessDate = businessDate;
        this.exposure = exposure;
        this.assessments = assessments;
    }

    @Incoming("repayment-events")
    @Blocking
    public void onRepaymentEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(EventInbox.Incoming.of(records), this::apply);
    }

    /**
     * Runs in the batch's transaction. Customers are taken in id order, so that two instances
     * lock the same customers in the same order (no deadlock); each customer's events keep their
     * order of arrival. The assessment reads the state after all of the customer's events.
     */
    void apply(List<EventEnvelope> events) {
        // the book's date first, before any customer lock (the order every transaction keeps)
        events.stream().map(EventEnvelope::businessDate).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .ifPresent(businessDate::observe);
        Map<UUID, List<EventEnvelope>> byCustomer = new TreeMap<>();
        for (EventEnvelope e : events) {
            if (EventEnvelope.SYSTEM_CUSTOMER_ID.equals(e.customerId())) {
                continue;
            }
            byCustomer.computeIfAbsent(e.customerId(), id -> new ArrayList<>()).add(e);
        }
        SortedSet<UUID> repaid = new TreeSet<>();
        byCustomer.forEach((customerId, theirs) -> {
            for (EventEnvelope e : theirs) {
                if (applyOne(e)) {
                    repaid.add(customerId);
                }
            }
        });
        repaid.forEach(assessments::reassess);
    }

    /** Applies one event; true if it moved an input of the customer's assessment. */
    private boolean applyOne(EventEnvelope event) {
        switch (event.type()) {
            case REPAYMENT_RECEIVED -> exposure.applyRepayment(event, inbox.data(event, Payloads.RepaymentReceived.class));
            case PAYMENT_MISSED -> exposure.paymentMissed(event, inbox.data(event, Payloads.PaymentMissed.class));
            case REPAYMENT_REVERSED -> exposure.repaymentReversed(event, inbox.data(event, Payloads.RepaymentReversed.class));
            default -> {
                return false; // nothing else travels on this topic today
            }
        }
        return true; // exposure or arrears moved: both are inputs of the tier and the grade
    }
}
