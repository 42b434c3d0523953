package com.lendkeep.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.customer.service.BusinessDateService;
import com.lendkeep.customer.service.LoanExposureService;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * loan-events from loan-service: the loans' status, exposure and maturity, and the loan book's
 * business date (on every event, and BUSINESS_DATE_CHANGED when it moves).
 */
@ApplicationScoped
public class LoanEventsConsumer {

    private final EventInbox inbox;
    private final LoanExposureService exposure;
    private final BusinessDateService businessDate;

    public LoanEventsConsumer(EventInbox inbox, LoanExposureService exposure, BusinessDateService businessDate) {
        this.inbox = inbox;
        this.exposure = exposure;
        this.businessDate = businessDate;
    }

    @Incoming("loan-events")
    @Blocking
    public void onLoanEvent(String message) {
        inbox.process(message, event -> {
            businessDate.observe(event.businessDate());
            if (EventEnvelope.SYSTEM_CUSTOMER_ID.equals(event.customerId())) {
                if (event.type() == EventType.BUSINESS_DATE_CHANGED) {
                    businessDate.observe(inbox.data(event, Payloads.BusinessDateChanged.class).businessDate());
                }
                return; // system-wide: no customer state
            }
            switch (event.type()) {
                case LOAN_OPENED -> exposure.opened(event, inbox.data(event, Payloads.LoanOpened.class));
                case LOAN_CLOSED -> exposure.closed(event, inbox.data(event, Payloads.LoanClosed.class));
                case LOAN_MODIFIED -> exposure.modified(event, inbox.data(event, Payloads.LoanModified.class));
                case DELINQUENCY_CHANGED -> exposure.delinquencyChanged(event, inbox.data(event, Payloads.DelinquencyChanged.class));
                case LOAN_RECOVERY_RECEIVED -> exposure.recoveryReceived(event, inbox.data(event, Payloads.LoanRecoveryReceived.class));
                default -> {
                    // applications, payoff quotes and rejected modifications do not change what this service keeps
                }
            }
        });
    }
}
