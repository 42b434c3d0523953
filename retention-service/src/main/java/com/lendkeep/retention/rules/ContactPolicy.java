package com.lendkeep.retention.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** May an offer reach the customer now, and on which channel (docs/retention.md, "Contact policy"). */
public final class ContactPolicy {
    private ContactPolicy() {
    }

    public record QuietPeriod(LocalDate from, LocalDate to, String reason) {
    }

    /** @param known false until customer-service sent CONTACT_PREFERENCES_CHANGED: the default channels apply */
    public record Preferences(boolean known, boolean doNotContact, List<String> allowedChannels, List<QuietPeriod> quietPeriods) {
        public static final Preferences UNKNOWN = new Preferences(false, false, List.of(), List.of());
    }

    public record Settings(List<String> defaultChannels, List<String> channelPreference, int maxOffers, int windowDays) {
    }

    /** @param channel the channel to use when allowed; reason why not otherwise */
    public record Decision(boolean allowed, String channel, String reason) {
        static Decision no(String reason) {
            return new Decision(false, null, reason);
        }
    }

    /**
     * @param usableChannels   channels this kind of offer can travel on
     * @param requestedChannel a channel asked for by the person offering, or null to pick one
     * @param offersInWindow   offers made to the customer in the last {@code windowDays} days
     */
    public static Decision decide(Preferences prefs, List<String> usableChannels, String requestedChannel, LocalDate today,
            int offersInWindow, Settings settings) {
        if (prefs.doNotContact()) {
            return Decision.no("contact policy: the customer asked not to be contacted (do-not-contact)");
        }
        for (QuietPeriod q : prefs.quietPeriods()) {
            if (!today.isBefore(q.from()) && !today.isAfter(q.to())) {
                return Decision.no("contact policy: quiet period " + q.from() + ".." + q.to()
                        + (q.reason() == null || q.reason().isBlank() ? "" : " (" + q.reason() + ")"));
            }
        }
        if (offersInWindow >= settings.maxOffers()) {
            return Decision.no("contact policy: " + offersInWindow + " offer(s) in the last " + settings.windowDays()
                    + " days, at most " + settings.maxOffers());
        }
        List<String> allowed = upper(prefs.known() ? prefs.allowedChannels() : settings.defaultChannels());
        List<String> usable = upper(usableChannels);
        if (requestedChannel != null) {
            String channel = requestedChannel.toUpperCase(Locale.ROOT);
            if (!allowed.contains(channel)) {
                return Decision.no("contact policy: channel " + channel + " is not allowed by the customer (allowed: " + allowed + ")");
            }
            if (!usable.contains(channel)) {
                return Decision.no("contact policy: this offer cannot travel on " + channel + " (needs one of " + usable + ")");
            }
            return new Decision(true, channel, null);
        }
        for (String channel : upper(settings.channelPreference())) {
            if (allowed.contains(channel) && usable.contains(channel)) {
                return new Decision(true, channel, null);
            }
        }
        return Decision.no("contact policy: no allowed channel for this offer (customer allows " + allowed + ", it needs one of "
                + usable + ")");
    }

    /**
     * Why no channel the customer allows can ever carry this kind of offer (a lasting mismatch, unlike a
     * quiet period or the offers per window, which pass), or null when one can.
     */
    public static String noUsableChannel(Preferences prefs, List<String> usableChannels, Settings settings) {
        if (prefs.doNotContact()) {
            return null; // a refusal that can pass (and is reported on the offer, BLOCKED), whatever channels it lists
        }
        List<String> allowed = upper(prefs.known() ? prefs.allowedChannels() : settings.defaultChannels());
        List<String> usable = upper(usableChannels);
        if (allowed.stream().anyMatch(usable::contains)) {
            return null;
        }
        return "contact policy: no allowed channel for this offer (customer allows " + allowed + ", it needs one of " + usable + ")";
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).toList();
    }
}
