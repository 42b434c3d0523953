package com.lendkeep.platform.inbox;

import com.lendkeep.platform.events.EventEnvelope;

/** Applies one event's effect. Runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope event);
}
