package com.lendkeep.platform.inbox;

import java.util.List;

import com.lendkeep.platform.events.EventEnvelope;

/**
 * Applies the effects of several events at once, in their order of arrival. Runs in the transaction
 * that records them as processed; receives only events not processed before.
 */
@FunctionalInterface
public interface BatchEventHandler {
    void handle(List<EventEnvelope> events);
}
