package com.lendkeep.customer.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.api.ContactPreferencesRequest;
import com.lendkeep.customer.domain.Contact;
import com.lendkeep.customer.domain.ContactPreference;
import com.lendkeep.customer.repository.ContactPreferenceRepository;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/** Contact preferences and consent; every effective change emits CONTACT_PREFERENCES_CHANGED for retention-service. */
@ApplicationScoped
@Transactional
public class ContactPreferenceService {

    private final ContactPreferenceRepository preferences;
    private final CustomerService customers;
    private final Outbox outbox;

    public ContactPreferenceService(ContactPreferenceRepository preferences, CustomerService customers, Outbox outbox) {
        this.preferences = preferences;
        this.customers = customers;
        this.outbox = outbox;
    }

    /** The customer's preferences, or the defaults (contact allowed on every channel) if never set. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactPreference get(UUID customerId) {
        customers.get(customerId);
        return current(customerId);
    }

    /** Replaces the preferences; a PUT that changes nothing emits nothing. */
    public ContactPreference replace(UUID customerId, ContactPreferencesRequest request) {
        customers.lockWritable(customerId);
        List<ContactPreferencesRequest.QuietPeriodRequest> periods = request.quietPeriods() == null ? List.of() : request.quietPeriods();
        for (int i = 0; i < periods.size(); i++) {
            var period = periods.get(i);
            if (period.from().isAfter(period.to())) {
                throw ApiException.badRequest("quietPeriods[" + i + "].to",
                        "quietPeriods[" + i + "]: to (" + period.to() + ") must not be before from (" + period.from() + ")");
            }
        }
        EnumSet<Contact.Channel> channels = EnumSet.noneOf(Contact.Channel.class);
        channels.addAll(request.allowedChannels());
        List<ContactPreference.QuietPeriod> quiet = new ArrayList<>();
        for (var period : periods) {
            quiet.add(new ContactPreference.QuietPeriod(period.from(), period.to(),
                    period.reason() == null || period.reason().isBlank() ? null : period.reason().strip()));
        }
        return store(customerId, request.doNotContact(), channels, quiet);
    }

    /** Used by erasure: no contact at all, and no quiet-period reasons (free text) kept. */
    ContactPreference withdrawAll(UUID customerId) {
        return store(customerId, true, EnumSet.noneOf(Contact.Channel.class), List.of());
    }

    private ContactPreference store(UUID customerId, boolean doNotContact, EnumSet<Contact.Channel> channels,
            List<ContactPreference.QuietPeriod> quiet) {
        ContactPreference current = current(customerId);
        if (current.doNotContact == doNotContact && current.channels().equals(channels) && same(current.quietPeriods, quiet)) {
            return current;
        }
        ContactPreference stored = preferences.findByIdOptional(customerId).orElse(null);
        boolean created = stored == null;
        if (created) {
            stored = ContactPreference.defaults(customerId);
        }
        stored.doNotContact = doNotContact;
        stored.channels(channels);
        stored.quietPeriods.clear();
        stored.quietPeriods.addAll(quiet);
        stored.updatedAt = Instant.now();
        if (created) {
            preferences.persist(stored); // once complete: Hibernate inserts the state it has at persist()
        }
        // Reasons stay here: they are free text, often sensitive (health, bereavement), and respecting a quiet period needs only its dates.
        outbox.publish(EventType.CONTACT_PREFERENCES_CHANGED, customerId, new Payloads.ContactPreferencesChanged(doNotContact,
                channels.stream().map(Enum::name).toList(),
                quiet.stream().map(q -> new Payloads.QuietPeriod(q.from, q.to, null)).toList()));
        return stored;
    }

    private ContactPreference current(UUID customerId) {
        return preferences.findByIdOptional(customerId).orElseGet(() -> ContactPreference.defaults(customerId));
    }

    private static boolean same(List<ContactPreference.QuietPeriod> a, List<ContactPreference.QuietPeriod> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            var x = a.get(i);
            var y = b.get(i);
            if (!x.from.equals(y.from) || !x.to.equals(y.to) || !Objects.equals(x.reason, y.reason)) {
                return false;
            }
        }
        return true;
    }
}
