package com.lendkeep.loan.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.lendkeep.loan.service.ModificationService;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.inbox.EventInbox;

import io.smallrye.reactive.messaging.annotations.Blocking;

@ApplicationScoped
public class RetentionEventsConsumer {

    private final EventInbox inbox;
    private final ModificationService modifications;

    public RetentionEventsConsumer(EventInbox inbox, ModificationService modifications) {
        this.inbox = inbox;
        this.modifications = modifications;
    }

    @Incoming("retention-events")
    @Blocking
    public void onRetentionEvent(String message) {
        inbox.process(message, event -> {
            if (event.type() == com.lendkeep.platform.events.EventType.INTERVENTION_ACCEPTED) {
                modifications.applyIntervention(event.customerId(), inbox.data(event, Payloads.InterventionAccepted.class));
            }
        });
    }
}
