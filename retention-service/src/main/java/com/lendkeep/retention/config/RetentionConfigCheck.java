package com.lendkeep.retention.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.lendkeep.retention.domain.InterventionKind;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start on retention settings that make no sense, rather than misbehaving later. */
@ApplicationScoped
public class RetentionConfigCheck {

    private static final Set<String> CHANNELS = Set.of("PHONE", "EMAIL", "SMS", "APP", "LETTER", "BRANCH");

    void onStart(@Observes StartupEvent event, RetentionConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid retention configuration: " + String.join("; ", problems));
        }
    }

    static List<String> problems(RetentionConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.approval().threshold().signum() < 0) {
            problems.add("retention.approval.threshold must be >= 0");
        }
        if (config.budget().limit().signum() < 0) {
            problems.add("retention.budget.limit must be >= 0");
        }
        if (config.eligibility().reliefPerCustomerPerYear() < 0) {
            problems.add("retention.eligibility.relief-per-customer-per-year must be >= 0");
        }
        config.eligibility().perKindPerYear().keySet().forEach(k -> kind(problems, "retention.eligibility.per-kind-per-year." + k, k));
        config.tasks().owner().keySet().forEach(k -> kind(problems, "retention.tasks.owner." + k, k));
        channels(problems, "retention.contact.default-channels", config.contact().defaultChannels());
        channels(problems, "retention.contact.channel-preference", config.contact().channelPreference());
        channels(problems, "retention.contact.conversation-channels", config.contact().conversationChannels());
        if (config.contact().maxOffers() < 0 || config.contact().windowDays() < 1) {
            problems.add("retention.contact.max-offers must be >= 0 and window-days >= 1");
        }
        if (config.offers().validityDays() < 1 || config.tasks().dueDays() < 0 || config.outcomes().involuntaryWindowDays() < 1
                || config.outcomes().voluntaryWindowDays() < 1 || config.outcomes().defaultDaysPastDue() < 1
                || config.outcomes().renewalDays() < 0 || config.report().minimumGroup() < 1) {
            problems.add("retention.offers.validity-days, retention.outcomes.*-window-days, retention.outcomes.default-days-past-due and "
                    + "retention.report.minimum-group must be >= 1, retention.tasks.due-days and retention.outcomes.renewal-days >= 0");
        }
        return problems;
    }

    private static void kind(List<String> problems, String key, String kind) {
        try {
            InterventionKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + kind + " is not an intervention kind");
        }
    }

    private static void channels(List<String> problems, String key, List<String> values) {
        values.stream().filter(v -> !CHANNELS.contains(v.trim().toUpperCase())).forEach(v -> problems.add(key + ": unknown channel " + v));
    }
}
