package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContactPolicyTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-10");
    static final ContactPolicy.Settings SETTINGS = new ContactPolicy.Settings(List.of("EMAIL", "LETTER", "PHONE"),
            List.of("APP", "EMAIL", "SMS", "PHONE", "LETTER", "BRANCH"), 2, 30);
    static final List<String> ANY = SETTINGS.channelPreference();

    static ContactPolicy.Preferences prefs(boolean dnc, List<String> channels, ContactPolicy.QuietPeriod... quiet) {
        return new ContactPolicy.Preferences(true, dnc, channels, List.of(quiet));
    }

    @Test
    void theFirstAllowedChannelInPreferenceOrderCarriesTheOffer() {
        ContactPolicy.Decision d = ContactPolicy.decide(prefs(false, List.of("letter", "SMS")), ANY, null, TODAY, 0, SETTINGS);
        assertTrue(d.allowed());
        assertEquals("SMS", d.channel());
    }

    @Test
    void withoutPreferencesTheDefaultChannelsApply() {
        assertEquals("EMAIL", ContactPolicy.decide(ContactPolicy.Preferences.UNKNOWN, ANY, null, TODAY, 0, SETTINGS).channel());
    }

    @Test
    void doNotContactBlocksEverything() {
        ContactPolicy.Decision d = ContactPolicy.decide(prefs(true, List.of("EMAIL")), ANY, null, TODAY, 0, SETTINGS);
        assertFalse(d.allowed());
        assertEquals("contact policy: the customer asked not to be contacted (do-not-contact)", d.reason());
    }

    @Test
    void quietPeriodsIncludeBothEnds() {
        var quiet = new ContactPolicy.QuietPeriod(LocalDate.parse("2026-06-01"), TODAY, "bereavement");
        assertEquals("contact policy: quiet period 2026-06-01..2026-06-10 (bereavement)",
                ContactPolicy.decide(prefs(false, List.of("EMAIL"), quiet), ANY, null, TODAY, 0, SETTINGS).reason());
        assertTrue(ContactPolicy.decide(prefs(false, List.of("EMAIL"), quiet), ANY, null, TODAY.plusDays(1), 0, SETTINGS).allowed());
    }

    @Test
    void atMostNOffersPerWindow() {
        assertTrue(ContactPolicy.decide(prefs(false, List.of("EMAIL")), ANY, null, TODAY, 1, SETTINGS).allowed());
        assertEquals("contact policy: 2 offer(s) in the last 30 days, at most 2",
                ContactPolicy.decide(prefs(false, List.of("EMAIL")), ANY, null, TODAY, 2, SETTINGS).reason());
    }

    @Test
    void noAllowedChannelForTheOffer() {
        assertEquals("contact policy: no allowed channel for this offer (customer allows [], it needs one of " + ANY + ")",
                ContactPolicy.decide(prefs(false, List.of()), ANY, null, TODAY, 0, SETTINGS).reason());
        assertEquals("contact policy: no allowed channel for this offer (customer allows [EMAIL], it needs one of [PHONE, BRANCH])",
                ContactPolicy.decide(prefs(false, List.of("EMAIL")), List.of("PHONE", "BRANCH"), null, TODAY, 0, SETTINGS).reason(),
                "a relationship-manager call needs a conversation channel");
    }

    @Test
    void aRequestedChannelMustBeAllowed() {
        assertEquals("PHONE", ContactPolicy.decide(prefs(false, List.of("EMAIL", "PHONE")), ANY, "phone", TODAY, 0, SETTINGS).channel());
        assertEquals("contact policy: channel SMS is not allowed by the customer (allowed: [EMAIL])",
                ContactPolicy.decide(prefs(false, List.of("EMAIL")), ANY, "SMS", TODAY, 0, SETTINGS).reason());
    }

    @Test
    void onlyALastingChannelMismatchSuppressesACandidate() {
        ContactPolicy.Settings settings = new ContactPolicy.Settings(List.of("EMAIL", "LETTER", "PHONE"),
                List.of("APP", "EMAIL", "SMS", "PHONE", "LETTER", "BRANCH"), 2, 30);
        List<String> conversation = List.of("PHONE", "BRANCH");
        assertEquals("contact policy: no allowed channel for this offer (customer allows [LETTER], it needs one of [PHONE, BRANCH])",
                ContactPolicy.noUsableChannel(new ContactPolicy.Preferences(true, false, List.of("LETTER"), List.of()), conversation, settings));
        // do-not-contact (the demo's Eve: no channel at all) passes: the offer is BLOCKED and can go out once allowed
        org.junit.jupiter.api.Assertions.assertNull(ContactPolicy.noUsableChannel(new ContactPolicy.Preferences(true, true, List.of(), List.of()),
                conversation, settings));
        org.junit.jupiter.api.Assertions.assertNull(ContactPolicy.noUsableChannel(ContactPolicy.Preferences.UNKNOWN, conversation, settings),
                "the default channels include PHONE");
    }
}
