package com.lendkeep.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.customer.service.LoanExposureService;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** repayment-events from loan-service or a core banking system: interest income and outstanding exposure. */
@ApplicationScoped
public class RepaymentEventsConsumer {

    private final EventInbox inbox;
    private final LoanExposureService exposure;

    public RepaymentEventsConsumer(EventInbox inbox, LoanExposureService exposure) {
        this.inbox = inbox;
        this.exposure = exposure;
    }

    @Incoming("repayment-events")
    @Blocking
    public void onRepaymentEvent(String message) {
        inbox.process(message, event -> {
            switch (event.type()) {
                case REPAYMENT_RECEIVED -> exposure.repaymentReceived(event.customerId(), event.occurredAt(),
                        inbox.data(event, Payloads.RepaymentReceived.class));
                case PAYMENT_MISSED -> exposure.paymentMissed(event.customerId(), inbox.data(event, Payloads.PaymentMissed.class));
                default -> {
                    // nothing else travels on this topic today
                }
            }
        });
    }
}
