package com.lendkeep.retention.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.rest.IfMatch;
import com.lendkeep.retention.domain.PlaybookChange;
import com.lendkeep.retention.domain.PlaybookRuleRecord;
import com.lendkeep.retention.repository.PlaybookRepository;
import com.lendkeep.retention.rules.PlaybookRule;
import com.lendkeep.retention.rules.PlaybookValidator;
import com.lendkeep.retention.rules.Violation;

/**
 * The playbook: validated edits, each one a new version recorded with who, when, what changed
 * and the whole rule set after it, so that any proposal can be traced to the rules it ran on.
 */
@ApplicationScoped
@Transactional
public class PlaybookService {

    /** The rules in force and the version they make. */
    public record Current(int version, Instant changedAt, String changedBy, List<PlaybookRule> rules) {
    }

    /** A rule and its own version (its ETag): the playbook version that last created or replaced it. */
    public record VersionedRule(PlaybookRule rule, int version) {
    }

    /** A change to one rule: the playbook after it and the rule's version after it (null when removed). */
    public record RuleChange(Current playbook, Integer ruleVersion) {
    }

    /**
     * What a change to an existing rule was made against; at least one is given (the resource answers
     * 428 otherwise).
     *
     * @param ifMatch         sent as If-Match: the rule's version (a mismatch is 412); null for {@code *} (any)
     * @param ifMatchSent     whether If-Match was sent
     * @param expectedVersion the playbook version the change was made against (a mismatch is 409), or null
     */
    public record Precondition(Long ifMatch, boolean ifMatchSent, Integer expectedVersion) {
    }

    private final PlaybookRepository repository;
    private final Locks locks;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PlaybookService(PlaybookRepository repository, Locks locks, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.locks = locks;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Current current() {
        PlaybookChange latest = repository.latest().orElseThrow(() -> new IllegalStateException("the playbook has no version"));
        return new Current(latest.version, latest.changedAt, latest.changedBy, repository.rules().stream().map(r -> read(r.definition)).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionedRule rule(String id) {
        PlaybookRuleRecord record = repository.rule(id).orElseThrow(() -> ApiException.notFound("playbook rule", id));
        return new VersionedRule(read(record.definition), repository.ruleVersion(id));
    }

    public Current create(PlaybookRule rule, String user, String comment, Integer expectedVersion) {
        PlaybookRule clean = validated(rule);
        locks.playbook();
        checkVersion(expectedVersion);
        if (repository.rule(clean.id()).isPresent()) {
            throw ApiException.conflict("playbook rule " + clean.id() + " already exists: change it with PUT /playbook/rules/" + clean.id());
        }
        PlaybookRuleRecord record = new PlaybookRuleRecord();
        record.id = clean.id();
        write(record, clean, user);
        repository.persist(record);
        return record("CREATE", clean.id(), null, clean, user, comment);
    }

    public RuleChange update(String id, PlaybookRule rule, String user, String comment, Precondition precondition) {
        // a changed id is one more invalid field, answered with every other one
        List<Violation> idChange = rule != null && rule.id() != null && !rule.id().equals(id)
                ? List.of(new Violation("id", "rule.id " + rule.id() + " differs from the path's " + id + " (ids cannot change)"))
                : List.of();
        PlaybookRule clean = validated(rule == null ? null
                : new PlaybookRule(id, rule.description(), rule.priority(), rule.enabled(), rule.when(), rule.propose()), idChange);
        locks.playbook();
        PlaybookRuleRecord record = checked(id, precondition);
        PlaybookRule before = read(record.definition);
        if (before.equals(clean)) {
            return new RuleChange(current(), repository.ruleVersion(id));
        }
        write(record, clean, user);
        Current after = record("UPDATE", id, before, clean, user, comment);
        return new RuleChange(after, after.version());
    }

    public RuleChange delete(String id, String user, String comment, Precondition precondition) {
        locks.playbook();
        PlaybookRuleRecord record = checked(id, precondition);
        PlaybookRule before = read(record.definition);
        repository.remove(record);
        return new RuleChange(record("DELETE", id, before, null, user, comment), null);
    }

    /** The rule to change, once the version it was read at is the current one (under the playbook lock). */
    private PlaybookRuleRecord checked(String id, Precondition precondition) {
        checkVersion(precondition.expectedVersion());
        PlaybookRuleRecord record = repository.rule(id).orElseThrow(() -> ApiException.notFound("playbook rule", id));
        if (precondition.ifMatchSent() && precondition.ifMatch() != null) {
            int current = repository.ruleVersion(id);
            if (precondition.ifMatch() != current) {
                throw IfMatch.stale(precondition.ifMatch(), current, "playbook rule " + id);
            }
        }
        return record;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlaybookChange> versions(int page, int size) {
        return repository.versions(page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlaybookChange version(int version) {
        return repository.version(version).orElseThrow(() -> ApiException.notFound("playbook version", version));
    }

    public PlaybookRule read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, PlaybookRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored playbook rule is unreadable", e);
        }
    }

    public List<PlaybookRule> readAll(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<PlaybookRule>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored playbook snapshot is unreadable", e);
        }
    }

    private Current record(String action, String ruleId, PlaybookRule before, PlaybookRule after, String user, String comment) {
        // the query below flushes the rule change first (Hibernate auto-flush), so the snapshot includes it
        int version = repository.latest().map(c -> c.version).orElse(0) + 1;
        List<PlaybookRule> rules = new ArrayList<>(repository.rules().stream().map(r -> read(r.definition)).toList());
        if ("DELETE".equals(action)) {
            rules.removeIf(r -> r.id().equals(ruleId));
        }
        PlaybookChange change = new PlaybookChange();
        change.version = version;
        change.changedAt = clock.instant();
        change.changedBy = user;
        change.action = action;
        change.ruleId = ruleId;
        change.before = json(before);
        change.after = json(after);
        change.comment = comment;
        change.snapshot = json(rules);
        repository.persist(change);
        return new Current(version, change.changedAt, user, rules);
    }

    private void checkVersion(Integer expected) {
        if (expected == null) {
            return;
        }
        int current = repository.latest().map(c -> c.version).orElse(0);
        if (current != expected) {
            throw new ApiException(409, "Conflict", "expectedVersion " + expected + " is not current: the playbook is at version " + current
                    + "; reload it and apply the change again", "expectedVersion");
        }
    }

    private static PlaybookRule validated(PlaybookRule rule) {
        return validated(rule, List.of());
    }

    private static PlaybookRule validated(PlaybookRule rule, List<Violation> more) {
        List<Violation> violations = new ArrayList<>(more);
        violations.addAll(PlaybookValidator.validate(rule));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        PlaybookRule.Conditions w = rule.when() == null ? PlaybookRule.Conditions.none() : rule.when();
        PlaybookRule.Conditions when = new PlaybookRule.Conditions(upper(w.churnTypes()), upper(w.levels()), w.reasonsAny(),
                upper(w.tiers()), upper(w.grades()), w.loanStates(), w.minScore());
        return new PlaybookRule(rule.id(), rule.description().trim(), rule.priority(), rule.enabled() == null || rule.enabled(), when,
                rule.propose());
    }

    private static List<String> upper(List<String> values) {
        return values == null || values.isEmpty() ? null : values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).toList();
    }

    private void write(PlaybookRuleRecord record, PlaybookRule rule, String user) {
        record.priority = rule.priority();
        record.definition = json(rule);
        record.updatedAt = clock.instant();
        record.updatedBy = user;
    }

    private String json(Object value) {
        return value == null ? null : StoredJson.write(mapper, value);
    }
}
