package com.lendkeep.retention.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.rules.ContactPolicy;

/** The contact policy with this customer's facts (docs/retention.md, "Contact policy"): for offers, decisions and GET /customers. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContactPolicyService {

    private final InterventionRepository interventions;
    private final CustomerFactsService customers;
    private final RetentionConfig config;
    private final Clock clock;

    public ContactPolicyService(InterventionRepository interventions, CustomerFactsService customers, RetentionConfig config, Clock clock) {
        this.interventions = interventions;
        this.customers = customers;
        this.config = config;
        this.clock = clock;
    }

    /** What the contact policy says for an offer of this kind to this customer now. */
    public ContactPolicy.Decision decide(UUID customerId, InterventionKind kind, String channel) {
        return ContactPolicy.decide(customers.preferences(customerId), usableChannels(kind), channel, LocalDate.now(clock),
                offersInWindow(customerId), settings());
    }

    /** Why no channel the customer allows can carry this kind, or null (NextBestAction's CONTACT_POLICY). */
    public String noUsableChannel(UUID customerId, InterventionKind kind) {
        return ContactPolicy.noUsableChannel(customers.preferences(customerId), usableChannels(kind), settings());
    }

    /** The channels an offer of this kind can travel on: a relationship-manager call is a conversation. */
    public List<String> usableChannels(InterventionKind kind) {
        return kind == InterventionKind.RELATIONSHIP_MANAGER_CALL ? config.contact().conversationChannels()
                : config.contact().channelPreference();
    }

    public int offersInWindow(UUID customerId) {
        return (int) interventions.offersSince(customerId, clock.instant().minus(Duration.ofDays(config.contact().windowDays())));
    }

    public ContactPolicy.Settings settings() {
        return new ContactPolicy.Settings(config.contact().defaultChannels(), config.contact().channelPreference(),
                config.contact().maxOffers(), config.contact().windowDays());
    }
}
