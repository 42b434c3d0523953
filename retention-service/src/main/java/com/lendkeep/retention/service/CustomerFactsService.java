package com.lendkeep.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.retention.domain.CustomerProfile;
import com.lendkeep.retention.repository.CustomerProfileRepository;
import com.lendkeep.retention.rules.ContactPolicy;
import com.lendkeep.retention.rules.Playbook;

/** Keeps what customer-events say: tier and grade for the rules, contact preferences, erasure. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerFactsService {

    private final CustomerProfileRepository profiles;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CustomerFactsService(CustomerProfileRepository profiles, ObjectMapper mapper, Clock clock) {
        this.profiles = profiles;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void onRegistered(UUID customerId, Payloads.CustomerRegistered registered) {
        profile(customerId).customerType = registered.customerType();
    }

    public void onTierChanged(UUID customerId, Payloads.TierChanged changed) {
        profile(customerId).tier = changed.newTier().trim().toUpperCase(Locale.ROOT);
    }

    public void onGradeChanged(UUID customerId, Payloads.GradeChanged changed) {
        profile(customerId).grade = changed.newGrade().trim().toUpperCase(Locale.ROOT);
    }

    public void onPreferencesChanged(UUID customerId, Payloads.ContactPreferencesChanged changed) {
        CustomerProfile p = profile(customerId);
        if (p.erasedAt != null) {
            return;
        }
        p.preferencesKnown = true;
        p.doNotContact = changed.doNotContact();
        p.allowedChannels = String.join(",", changed.allowedChannels().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList());
        p.quietPeriods = json(changed.quietPeriods().stream().map(q -> new ContactPolicy.QuietPeriod(q.from(), q.to(), q.reason())).toList());
    }

    /** An erased customer is never contacted again; what we hold is not personal (ids, tier, grade are dropped too). */
    public void onErased(UUID customerId, Instant erasedAt) {
        CustomerProfile p = profile(customerId);
        p.erasedAt = erasedAt;
        p.tier = null;
        p.grade = null;
        p.customerType = null;
        p.preferencesKnown = true;
        p.doNotContact = true;
        p.allowedChannels = "";
        p.quietPeriods = "[]";
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Playbook.CustomerFacts facts(UUID customerId) {
        CustomerProfile p = profiles.findById(customerId);
        return p == null ? Playbook.CustomerFacts.UNKNOWN : new Playbook.CustomerFacts(p.tier, p.grade, p.erasedAt != null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactPolicy.Preferences preferences(UUID customerId) {
        CustomerProfile p = profiles.findById(customerId);
        return p == null ? ContactPolicy.Preferences.UNKNOWN : preferences(p);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerProfile find(UUID customerId) {
        return profiles.findById(customerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactPolicy.Preferences preferences(CustomerProfile p) {
        if (!p.preferencesKnown) {
            return ContactPolicy.Preferences.UNKNOWN;
        }
        List<String> channels = p.allowedChannels == null || p.allowedChannels.isBlank() ? List.of()
                : Arrays.asList(p.allowedChannels.split(","));
        return new ContactPolicy.Preferences(true, p.doNotContact, channels, quietPeriods(p));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactPolicy.QuietPeriod> quietPeriods(CustomerProfile p) {
        try {
            return mapper.readValue(p.quietPeriods == null ? "[]" : p.quietPeriods, new TypeReference<List<ContactPolicy.QuietPeriod>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quiet periods are unreadable", e);
        }
    }

    private CustomerProfile profile(UUID customerId) {
        CustomerProfile p = profiles.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            p = new CustomerProfile();
            p.customerId = customerId;
            p.allowedChannels = "";
            p.quietPeriods = "[]";
            p.updatedAt = clock.instant(); // before persist: Hibernate inserts the state of that moment
            profiles.persist(p);
        }
        p.updatedAt = clock.instant();
        return p;
    }

    private String json(Object value) {
        return StoredJson.write(mapper, value);
    }
}
