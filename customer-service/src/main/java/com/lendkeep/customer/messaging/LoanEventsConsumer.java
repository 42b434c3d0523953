package com.lendkeep.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.customer.service.LoanExposureService;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** loan-events from loan-service: the loans' status, exposure and maturity. */
@ApplicationScoped
public class LoanEventsConsumer {

    private final EventInbox inbox;
    private final LoanExposureService exposure;

    public LoanEventsConsumer(EventInbox inbox, LoanExposureService exposure) {
        this.inbox = inbox;
        this.exposure = exposure;
    }

    @Incoming("loan-events")
    @Blocking
    public void onLoanEvent(String message) {
        inbox.process(message, event -> {
            switch (event.type()) {
                case LOAN_OPENED -> exposure.opened(event.customerId(), inbox.data(event, Payloads.LoanOpened.class));
                case LOAN_CLOSED -> exposure.closed(event.customerId(), inbox.data(event, Payloads.LoanClosed.class));
                case LOAN_MODIFIED -> exposure.modified(event.customerId(), inbox.data(event, Payloads.LoanModified.class));
                case DELINQUENCY_CHANGED -> exposure.delinquencyChanged(event.customerId(),
                        inbox.data(event, Payloads.DelinquencyChanged.class));
                default -> {
                    // applications and rejected modifications do not change what this service keeps
                }
            }
        });
    }
}
