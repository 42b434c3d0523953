package com.lendkeep.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The churn-risk alerts of a scenario as their chains on the topic: per alertId, one
 * CHURN_RISK_ALERT_RAISED, then CHURN_RISK_ALERT_UPDATED each naming as its previous level the level
 * the chain had and changing the level or the top reason, then at most one CHURN_RISK_ALERT_CLEARED,
 * last. Alerts are keyed by customer, so a customer's events keep their order on the topic (one
 * partition). An update published twice (an effect applied twice), or one lost, breaks its chain.
 */
final class AlertChains {

    /** One alert's events in topic order. */
    record Chain(UUID alertId, UUID customerId, String churnType, List<Reconciler.Event> events) {
        boolean cleared() {
            return events.stream().anyMatch(e -> e.type().equals("CHURN_RISK_ALERT_CLEARED"));
        }
    }

    final Map<UUID, Chain> chains = new LinkedHashMap<>();
    /** Why a chain is broken, one line per broken chain. */
    final List<String> broken = new ArrayList<>();
    long raised;
    long updated;
    long clearedEvents;

    AlertChains(Iterable<Reconciler.Event> alertEvents) {
        for (Reconciler.Event e : alertEvents) {
            UUID alertId = UUID.fromString(e.data().get("alertId").asText());
            Chain chain = chains.computeIfAbsent(alertId, id -> new Chain(id, e.customerId(), e.data().path("churnType").asText(), new ArrayList<>()));
            chain.events().add(e);
            switch (e.type()) {
                case "CHURN_RISK_ALERT_RAISED" -> raised++;
                case "CHURN_RISK_ALERT_UPDATED" -> updated++;
                case "CHURN_RISK_ALERT_CLEARED" -> clearedEvents++;
                default -> throw new IllegalStateException("not an alert event: " + e.type());
            }
        }
        chains.values().forEach(this::walk);
    }

    private void walk(Chain c) {
        List<Reconciler.Event> ev = c.events();
        if (!ev.get(0).type().equals("CHURN_RISK_ALERT_RAISED")) {
            broken.add(c.alertId() + ": starts with " + ev.get(0).type());
            return;
        }
        String level = ev.get(0).data().path("level").asText();
        String top = topReason(ev.get(0).data());
        for (int i = 1; i < ev.size(); i++) {
            Reconciler.Event e = ev.get(i);
            JsonNode d = e.data();
            if (!c.customerId().equals(e.customerId()) || !c.churnType().equals(d.path("churnType").asText())) {
                broken.add(c.alertId() + ": event " + i + " names another customer or churn type");
                return;
            }
            switch (e.type()) {
                case "CHURN_RISK_ALERT_RAISED" -> {
                    broken.add(c.alertId() + ": raised a second time (event " + i + ")");
                    return;
                }
                case "CHURN_RISK_ALERT_CLEARED" -> {
                    if (i != ev.size() - 1) {
                        broken.add(c.alertId() + ": " + (ev.size() - 1 - i) + " event(s) after it was cleared");
                        return;
                    }
                }
                default -> {
                    String previous = d.path("previousLevel").asText();
                    String next = d.path("level").asText();
                    String nextTop = topReason(d);
                    if (!previous.equals(level)) {
                        broken.add(c.alertId() + ": update " + i + " says it was " + previous + ", the chain was " + level);
                        return;
                    }
                    if (next.equals(level) && Objects.equals(nextTop, top)) {
                        broken.add(c.alertId() + ": update " + i + " changes neither level (" + level + ") nor top reason");
                        return;
                    }
                    level = next;
                    top = nextTop;
                }
            }
        }
    }

    private static String topReason(JsonNode data) {
        JsonNode reasons = data.path("reasons");
        return reasons.isArray() && !reasons.isEmpty() ? reasons.get(0).asText() : null;
    }
}
