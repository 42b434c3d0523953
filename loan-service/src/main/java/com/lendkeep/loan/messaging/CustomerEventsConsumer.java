package com.lendkeep.loan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.loan.service.KnownCustomers;
import com.lendkeep.platform.events.EventEnvelope;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps {@link KnownCustomers} from customer-service's events; every other type is ignored. */
@ApplicationScoped
public class CustomerEventsConsumer {

    private final EventInbox inbox;
    private final KnownCustomers customers;

    public CustomerEventsConsumer(EventInbox inbox, KnownCustomers customers) {
        this.inbox = inbox;
        this.customers = customers;
    }

    @Incoming("customer-events")
    @Blocking
    public void onCustomerEvent(String message) {
        inbox.process(message, event -> {
            if (EventEnvelope.SYSTEM_CUSTOMER_ID.equals(event.customerId())) {
                return;
            }
            switch (event.type()) {
                case CUSTOMER_REGISTERED -> customers.onRegistered(event.customerId(), event.occurredAt());
                case CUSTOMER_ERASED -> customers.onErased(event.customerId(),
                        inbox.data(event, Payloads.CustomerErased.class).erasedAt());
                default -> {
                    // tiers, grades, scores and contacts do not decide whether a loan can be booked
                }
            }
        });
    }
}
