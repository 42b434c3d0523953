package com.lendkeep.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.customer.service.LoanExposureService;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

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
                case LOAN_CLOSED -> exposure.closed(inbox.data(event, Payloads.LoanClosed.class));
                default -> {
                    // other loan events do not change what this service keeps
                }
            }
        });
    }
}
