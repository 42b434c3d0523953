package com.lendkeep.fault;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.lendkeep.infra.KafkaTestClient;
import com.lendkeep.infra.LoanBookConsistency;

/**
 * Compares what every service holds with what was sent, for one scenario's customers: what each
 * service stored from the REST writes it accepted, what its outbox published, what each consumer
 * recorded as processed, and the effects of the events (counters, rows) against the distinct
 * events on the topics. Each comparison counts the effects missing (lost) and the effects applied
 * more than once (duplicates).
 */
final class Reconciler {

    /** An event as it is on a topic. */
    record Event(UUID eventId, String type, String source, UUID customerId, JsonNode data, String topic) {
    }

    /**
     * One comparison: the expected number of things against the number found; missing ones are
     * lost, extra ones are duplicates (effects applied twice).
     */
    record Check(String name, long expected, long actual, long lost, long duplicates) {
        Check(String name, long expected, long actual) {
            this(name, expected, actual, Math.max(0, expected - actual), Math.max(0, actual - expected));
        }

        boolean ok() {
            return lost == 0 && duplicates == 0 && expected == actual;
        }

        @Override
        public String toString() {
            return name + ": expected " + expected + ", found " + actual + (lost > 0 ? ", lost " + lost : "")
                    + (duplicates > 0 ? ", duplicates " + duplicates : "");
        }
    }

    /** A comparison of sets: lost are the expected ids not found. */
    static Check contains(String name, Collection<UUID> expected, Set<UUID> found) {
        long hit = expected.stream().filter(found::contains).count();
        return new Check(name, expected.size(), hit);
    }

    static final class Result {
        final String scenario;
        String label;
        Map<String, List<ConsumerRecord<String, String>>> deadLetters = Map.of();
        final List<Check> checks = new ArrayList<>();
        final Map<String, String> notes = new LinkedHashMap<>();
        long sent;
        long restWrites;
        long coreBanking;
        long events;
        long copies;
        long stored;
        long storedExpected;
        long alerts;
        long interventions;
        long deadLettered;
        long consistencyCustomers;
        long consistencyLoans;
        long consistencyDifferences;

        Result(String scenario) {
            this.scenario = scenario;
            this.label = scenario;
        }

        long lost() {
            return checks.stream().mapToLong(Check::lost).sum();
        }

        long duplicates() {
            return checks.stream().mapToLong(Check::duplicates).sum();
        }

        List<Check> failed() {
            return checks.stream().filter(c -> !c.ok()).toList();
        }

        String line() {
            return String.format("| %-40s | %,7d | %,7d | %,8d | %,7d | %17s | %,6d | %,13d | %,6d | %,10d | %,4d |", label, sent, events, copies,
                    deadLettered, String.format("%,d/%,d", stored, storedExpected), alerts, interventions, checks.size(), duplicates(),
                    lost());
        }

        static String header() {
            return "| scenario                                 |    sent |  events | redelivered | dead-lettered | stored/expected | alerts | interventions | checks | duplicates | lost |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
        }
    }

    private final Stack stack;
    private final Workload stream;
    private final Set<UUID> coreBankingSent;
    private final Map<TopicPartition, Long> from;

    /**
     * @param from where the scenario started on every topic (business and dead-letter); poison
     *             messages planted on purpose carry {@link Poison#MARKER_FIELD}, any other dead letter
     *             of the scenario's customers is a lost event
     */
    Reconciler(Stack stack, Workload stream, Set<UUID> coreBankingSent, Map<TopicPartition, Long> from) {
        this.stack = stack;
        this.stream = stream;
        this.coreBankingSent = coreBankingSent;
        this.from = from;
    }

    Result reconcile() throws Exception {
        Result r = new Result(stream.scenario);
        List<Workload.Customer> all = stream.customers;
        Set<UUID> customerIds = all.stream().map(c -> c.id).collect(Collectors.toSet());
        Set<String> keys = customerIds.stream().map(UUID::toString).collect(Collectors.toSet());
        List<UUID> ids = List.copyOf(customerIds);
        List<String> idStrings = List.copyOf(keys);
        long loans = all.stream().filter(c -> c.loanId != null).count();
        long voluntary = stream.count(Workload.Profile.VOLUNTARY);
        long distressed = stream.count(Workload.Profile.DISTRESSED);
        Workload.Ledger ledger = stream.ledger;

        // --- what is on the topics, for these customers ------------------------------------------
        Map<String, List<ConsumerRecord<String, String>>> records = TopicReader.read(stack.bootstrap(), from);
        Map<String, Map<UUID, Event>> byTopic = new LinkedHashMap<>();
        Map<UUID, Event> events = new HashMap<>();
        long recordCount = 0;
        for (String topic : Stack.BUSINESS_TOPICS) {
            Map<UUID, Event> distinct = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> rec : records.getOrDefault(topic, List.of())) {
                if (!keys.contains(rec.key()) || isPoison(rec.value())) {
                    continue;
                }
                recordCount++;
                JsonNode v = Api.JSON.readTree(rec.value());
                Event e = new Event(UUID.fromString(v.get("eventId").asText()), v.get("type").asText(), v.path("source").asText(),
                        UUID.fromString(v.get("customerId").asText()), v.get("data"), topic);
                distinct.putIfAbsent(e.eventId(), e);
                events.putIfAbsent(e.eventId(), e);
            }
            byTopic.put(topic, distinct);
        }
        r.events = events.size();
        r.copies = recordCount - events.size();

        // --- REST writes accepted: stored once by the service that owns them, and announced once --
        r.restWrites = ledger.restWrites();
        r.coreBanking = coreBankingSent.size();
        r.sent = r.restWrites + r.coreBanking;
        r.checks.add(new Check("customer-service: customers stored", ledger.customers.sum(),
                stack.count("SELECT count(*) FROM customer.customer WHERE id = ANY (?)", ids)));
        r.checks.add(new Check("customer-events: CUSTOMER_REGISTERED", ledger.customers.sum(), count(byTopic, "customer-events", "CUSTOMER_REGISTERED")));
        r.checks.add(new Check("customer-service: credit scores stored", ledger.creditScores.sum(),
                stack.count("SELECT count(*) FROM customer.credit_score WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("credit-score-events: CREDIT_SCORE_CHANGED", ledger.creditScores.sum(),
                count(byTopic, "credit-score-events", "CREDIT_SCORE_CHANGED")));
        r.checks.add(new Check("customer-service: contacts stored", ledger.contacts.sum(),
                stack.count("SELECT count(*) FROM customer.contact WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("contact-events: CONTACT_LOGGED", ledger.contacts.sum(), count(byTopic, "contact-events", "CONTACT_LOGGED")));
        r.checks.add(new Check("loan-service: loans stored", ledger.loans.sum(),
                stack.count("SELECT count(*) FROM loan.loan WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("loan-events: LOAN_OPENED", ledger.loans.sum(), count(byTopic, "loan-events", "LOAN_OPENED")));
        r.checks.add(new Check("loan-service: repayments stored", ledger.repayments.sum(),
                stack.count("SELECT count(*) FROM loan.repayment p JOIN loan.loan l ON l.id = p.loan_id WHERE l.customer_id = ANY (?)", ids)));
        r.checks.add(new Check("repayment-events: REPAYMENT_RECEIVED by loan-service", ledger.repayments.sum(),
                byTopic.get("repayment-events").values().stream()
                        .filter(e -> e.type().equals("REPAYMENT_RECEIVED") && e.source().equals("loan-service")).count()));
        r.checks.add(contains("repayment-events: REPAYMENT_RECEIVED by core banking", coreBankingSent,
                byTopic.get("repayment-events").keySet()));
        r.checks.add(new Check("repayment-events: no core-banking event that was not sent", 0,
                byTopic.get("repayment-events").values().stream()
                        .filter(e -> e.source().equals(CoreBanking.SOURCE) && !coreBankingSent.contains(e.eventId())).count()));
        // one PAYMENT_MISSED per installment the workload left unpaid past its due date (from the schedules and the dates it
        // closed the business day to), never two for one installment
        Set<String> missedExpected = stream.expectedMissedInstallments();
        List<String> missedFound = ofType(byTopic, "repayment-events", "PAYMENT_MISSED").stream()
                .map(e -> e.data().get("loanId").asText() + ":" + e.data().get("installmentNumber").asInt()).toList();
        r.checks.add(new Check("repayment-events: PAYMENT_MISSED (one per installment left unpaid past its due date)", missedExpected.size(),
                missedFound.size()));
        r.checks.add(new Check("repayment-events: PAYMENT_MISSED for exactly those installments", missedExpected.size(),
                missedFound.stream().distinct().filter(missedExpected::contains).count()));
        r.checks.add(new Check("loan-events: LOAN_CLOSED (every loan paid off)", loans, count(byTopic, "loan-events", "LOAN_CLOSED")));
        r.checks.add(new Check("loan-service: loans closed", loans,
                stack.count("SELECT count(*) FROM loan.loan WHERE customer_id = ANY (?) AND status <> 'ACTIVE'", ids)));

        // --- alerts and interventions ------------------------------------------------------------
        AlertChains alerts = new AlertChains(byTopic.get("churn-risk-alerts").values());
        long expectedAlerts = 0;
        long foundExpected = 0;
        for (Workload.Customer c : all) {
            String expected = switch (c.profile) {
                case VOLUNTARY -> "VOLUNTARY";
                case DISTRESSED -> "INVOLUNTARY";
                case HEALTHY -> null;
            };
            if (expected != null) {
                expectedAlerts++;
                foundExpected += alerts.chains.values().stream().anyMatch(a -> a.customerId().equals(c.id) && a.churnType().equals(expected)) ? 1 : 0;
            }
        }
        long distinctAlerts = alerts.chains.size();
        r.alerts = distinctAlerts;
        r.checks.add(new Check("churn-risk-alerts: expected alerts raised (voluntary + distressed customers)", expectedAlerts, foundExpected));
        r.checks.add(new Check("churn-risk-alerts: distinct alerts (no second alert, none for healthy customers)", expectedAlerts, distinctAlerts));
        // an escalation or a new top reason is CHURN_RISK_ALERT_UPDATED of the same alert now, never a second RAISED
        r.checks.add(new Check("churn-risk-alerts: CHURN_RISK_ALERT_RAISED (one per alert)", expectedAlerts, alerts.raised));
        r.checks.add(new Check("churn-risk-alerts: chains RAISED, UPDATED (each from the level before), at most one CLEARED last",
                distinctAlerts, distinctAlerts - alerts.broken.size()));
        if (!alerts.broken.isEmpty()) {
            r.notes.put("broken alert chains", String.join("; ", alerts.broken.stream().limit(5).toList()));
        }
        long clearedAlerts = alerts.chains.values().stream().filter(AlertChains.Chain::cleared).count();
        r.notes.put("alert events", "RAISED " + alerts.raised + ", UPDATED " + alerts.updated + ", CLEARED " + alerts.clearedEvents
                + " (cleared: " + clearedByProfile(alerts, all) + ")");
        r.checks.add(new Check("churn-risk-alerts: CHURN_RISK_ALERT_CLEARED (at most one per alert)", clearedAlerts, alerts.clearedEvents));
        // No alert of the workload falls back below clear-below (0.20) within its scenario: a distressed customer's loan is
        // under forbearance probation once the extension is applied (risk-service does not clear before probation ends,
        // 24 months after, by the business date); a voluntary customer's three competitor mentions are dated on the
        // business date, which moves one day afterwards (half-life 60 days), and the payoff quote of WIND_DOWN is itself a
        // voluntary signal. Alerts falling are exercised by risk-service's and e2e-tests' own tests, not by this stream.
        r.checks.add(new Check("churn-risk-alerts: alerts cleared (none fall within the scenario)", 0, clearedAlerts));
        r.checks.add(new Check("risk-service: alerts stored", expectedAlerts,
                stack.count("SELECT count(*) FROM risk.churn_alert WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("risk-service: alerts cleared (as on the topic)", clearedAlerts,
                stack.count("SELECT count(*) FROM risk.churn_alert WHERE customer_id = ANY (?) AND status <> 'OPEN'", ids)));
        r.checks.add(new Check("retention-service: alert cases", expectedAlerts,
                stack.count("SELECT count(*) FROM retention.alert_case WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("customer-service: churn risks", expectedAlerts,
                stack.count("SELECT count(*) FROM customer.churn_risk WHERE customer_id = ANY (?)", ids)));
        long interventions = stack.count("SELECT count(*) FROM retention.intervention WHERE customer_id = ANY (?)", ids);
        r.interventions = interventions;
        r.checks.add(new Check("retention-service: interventions (one per alert)", voluntary + distressed, interventions));
        r.checks.add(new Check("retention-service: interventions offered and accepted", voluntary + distressed, ledger.accepted.size()));
        if (!ledger.notOffered.isEmpty()) {
            r.notes.put("not offered", ledger.notOffered.stream().limit(5).collect(Collectors.joining("; ")));
        }
        // forbearance (extension, holiday, restructuring) waits for a person: each was approved by the manager, not by system
        String forbearance = "kind IN ('PAYMENT_EXTENSION', 'PAYMENT_HOLIDAY', 'RESTRUCTURING')";
        r.checks.add(new Check("retention-service: forbearance approved by the retention manager (four eyes)",
                stack.count("SELECT count(*) FROM retention.intervention WHERE customer_id = ANY (?) AND " + forbearance, ids),
                stack.count("SELECT count(*) FROM retention.intervention WHERE customer_id = ANY (?) AND " + forbearance
                        + " AND approved_by = ?", ids, Stack.MANAGER)));
        r.checks.add(new Check("retention-service: approvals sent and recorded", ledger.approved.size(),
                stack.count("SELECT count(*) FROM retention.intervention WHERE customer_id = ANY (?) AND approved_by = ?", ids, Stack.MANAGER)));
        r.checks.add(new Check("retention-events: INTERVENTION_ACCEPTED", ledger.accepted.size(),
                count(byTopic, "retention-events", "INTERVENTION_ACCEPTED")));
        r.checks.add(new Check("loan-service: modifications applied", ledger.accepted.size(),
                stack.count("SELECT count(*) FROM loan.loan_modification m JOIN loan.loan l ON l.id = m.loan_id WHERE l.customer_id = ANY (?)", ids)));
        // LOAN_MODIFIED on every schedule change: each accepted intervention applied, each partial prepayment sent
        List<Event> modified = ofType(byTopic, "loan-events", "LOAN_MODIFIED");
        Set<UUID> modifiedFor = new HashSet<>();
        long forInterventions = 0;
        for (Event e : modified) {
            if (!e.data().path("interventionId").isNull() && !e.data().path("interventionId").isMissingNode()) {
                forInterventions++;
                modifiedFor.add(UUID.fromString(e.data().get("interventionId").asText()));
            }
        }
        r.checks.add(contains("loan-events: LOAN_MODIFIED for each accepted intervention", ledger.accepted, modifiedFor));
        r.checks.add(new Check("loan-events: LOAN_MODIFIED for interventions (once each)", ledger.accepted.size(), forInterventions));
        r.checks.add(new Check("loan-events: LOAN_MODIFIED PARTIAL_PREPAYMENT (one per prepayment sent)", ledger.prepayments.sum(),
                modified.stream().filter(e -> e.data().path("modificationType").asText().equals("PARTIAL_PREPAYMENT")).count()));
        r.checks.add(new Check("loan-events: LOAN_MODIFIED", ledger.accepted.size() + ledger.prepayments.sum(), modified.size()));
        r.checks.add(new Check("retention-service: interventions APPLIED", ledger.accepted.size(),
                stack.count("SELECT count(*) FROM retention.intervention WHERE customer_id = ANY (?) AND status = 'APPLIED'", ids)));

        // --- every service's outbox: published, and on its topic -----------------------------------
        for (var e : Stack.SCHEMA.entrySet()) {
            String service = e.getKey();
            List<Object[]> rows = stack.rows("SELECT event_id, published_at IS NOT NULL FROM " + e.getValue()
                    + ".outbox_event WHERE message_key = ANY (?)", idStrings);
            Set<UUID> outbox = new HashSet<>();
            Set<UUID> published = new HashSet<>();
            for (Object[] row : rows) {
                outbox.add((UUID) row[0]);
                if ((Boolean) row[1]) {
                    published.add((UUID) row[0]);
                }
            }
            Set<UUID> onTopics = events.values().stream().filter(ev -> ev.source().equals(service)).map(Event::eventId)
                    .collect(Collectors.toSet());
            Set<UUID> union = new HashSet<>(outbox);
            union.addAll(onTopics);
            long both = union.stream().filter(id -> published.contains(id) && onTopics.contains(id)).count();
            r.checks.add(new Check(service + ": outbox events published and on their topic", union.size(), both));
        }

        // --- every consumer: each distinct event of its topics recorded as processed, once ---------
        for (var e : Stack.CONSUMES.entrySet()) {
            String service = e.getKey();
            Set<UUID> expected = new HashSet<>();
            for (String topic : e.getValue()) {
                expected.addAll(byTopic.get(topic).keySet());
            }
            Set<UUID> processed = new HashSet<>();
            for (Object[] row : stack.rows("SELECT event_id FROM " + Stack.SCHEMA.get(service) + ".processed_event WHERE event_id = ANY (?)",
                    List.copyOf(expected))) {
                processed.add((UUID) row[0]);
            }
            Check c = contains(service + ": events of " + e.getValue() + " processed", expected, processed);
            r.checks.add(c);
            r.stored += c.actual();
            r.storedExpected += c.expected();
        }

        // --- effects: applied exactly once per distinct event --------------------------------------
        List<Event> repayments = ofType(byTopic, "repayment-events", "REPAYMENT_RECEIVED");
        List<Event> missed = ofType(byTopic, "repayment-events", "PAYMENT_MISSED");
        long onTime = repayments.stream().filter(e -> e.data().path("onTime").asBoolean()).count();
        long competitor = ofType(byTopic, "contact-events", "CONTACT_LOGGED").stream()
                .filter(e -> e.data().path("topic").asText().equals("COMPETITOR_OFFER")).count();
        long opened = count(byTopic, "loan-events", "LOAN_OPENED");
        long closed = count(byTopic, "loan-events", "LOAN_CLOSED");
        Object[] cs = stack.rows("SELECT coalesce(sum(repayments), 0), coalesce(sum(missed_payments), 0), count(*) "
                + "FROM customer.customer_loan WHERE customer_id = ANY (?)", ids).get(0);
        r.checks.add(new Check("customer-service: repayments counted", repayments.size(), ((Number) cs[0]).longValue()));
        r.checks.add(new Check("customer-service: missed payments counted", missed.size(), ((Number) cs[1]).longValue()));
        r.checks.add(new Check("customer-service: loans known", opened, ((Number) cs[2]).longValue()));
        r.checks.add(interestPerLoan(repayments, ids));
        Object[] rs = stack.rows("SELECT coalesce(sum(payments_total), 0), coalesce(sum(payments_on_time), 0), coalesce(sum(missed_total), 0), "
                + "coalesce(sum(competitor_mentions), 0), coalesce(sum(active_loans), 0) FROM risk.customer_risk WHERE customer_id = ANY (?)", ids)
                .get(0);
        r.checks.add(new Check("risk-service: repayments counted", repayments.size(), ((Number) rs[0]).longValue()));
        r.checks.add(new Check("risk-service: on-time repayments counted", onTime, ((Number) rs[1]).longValue()));
        r.checks.add(new Check("risk-service: missed payments counted", missed.size(), ((Number) rs[2]).longValue()));
        r.checks.add(new Check("risk-service: competitor mentions counted", competitor, ((Number) rs[3]).longValue()));
        r.checks.add(new Check("risk-service: active loans (opened - closed)", opened - closed, ((Number) rs[4]).longValue()));
        r.checks.add(new Check("risk-service: credit score points", count(byTopic, "credit-score-events", "CREDIT_SCORE_CHANGED"),
                stack.count("SELECT count(*) FROM risk.credit_score_point WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("retention-service: customers known", count(byTopic, "customer-events", "CUSTOMER_REGISTERED"),
                stack.count("SELECT count(*) FROM retention.customer_profile WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("retention-service: loans known", opened,
                stack.count("SELECT count(*) FROM retention.loan_fact WHERE customer_id = ANY (?)", ids)));
        r.checks.add(new Check("retention-service: loan closures", closed,
                stack.count("SELECT count(*) FROM retention.loan_closure WHERE customer_id = ANY (?)", ids)));

        // --- dead letters: none but the planted poison ---------------------------------------------
        Map<String, List<ConsumerRecord<String, String>>> dlq = new HashMap<>();
        for (String service : Stack.CONSUMES.keySet()) {
            dlq.put(service + ".dlq", records.getOrDefault(service + ".dlq", List.of()));
        }
        r.deadLetters = dlq;
        long unexpected = 0;
        for (String service : Stack.CONSUMES.keySet()) {
            for (ConsumerRecord<String, String> rec : records.getOrDefault(service + ".dlq", List.of())) {
                if (keys.contains(rec.key())) {
                    r.deadLettered++;
                    if (!isPoison(rec.value())) {
                        unexpected++;
                        r.notes.putIfAbsent("dead-lettered good message", service + ": " + KafkaTestClient.header(rec, "dead-letter-reason"));
                    }
                }
            }
        }
        // a good event on a dead-letter topic was not processed: it is lost
        r.checks.add(new Check("dead-letter topics: good events not dead-lettered", events.size(), events.size() - unexpected));

        // --- one truth (issue 17): every customer's 360 in customer-service equals loan-service's loan book -------------
        LoanBookConsistency consistency = new LoanBookConsistency(stack.services.url("customer-service"), stack.services.url("loan-service"),
                "Bearer " + stack.token);
        List<String> differences = consistency.differences(idStrings);
        long differing = differences.stream().map(d -> d.split(" ")[1]).distinct().count();
        r.consistencyCustomers = idStrings.size();
        r.consistencyLoans = loans;
        r.consistencyDifferences = differences.size();
        r.checks.add(new Check("customer-service's 360 equals the loan book (customers without a difference)", idStrings.size(),
                idStrings.size() - differing));
        if (!differences.isEmpty()) {
            r.notes.put("360 differences", differences.size() + ": " + String.join("; ", differences.stream().limit(5).toList()));
        }
        return r;
    }

    /** Per loan, the interest customer-service added up equals the sum of the distinct repayments' interestPaid. */
    private Check interestPerLoan(List<Event> repayments, List<UUID> ids) throws Exception {
        Map<UUID, BigDecimal> expected = new HashMap<>();
        for (Event e : repayments) {
            JsonNode paid = e.data().get("interestPaid");
            if (paid != null && !paid.isNull()) {
                expected.merge(UUID.fromString(e.data().get("loanId").asText()), paid.decimalValue(), BigDecimal::add);
            }
        }
        long equal = 0;
        long more = 0;
        long less = 0;
        Set<UUID> seen = new HashSet<>();
        for (Object[] row : stack.rows("SELECT loan_id, interest_paid FROM customer.customer_loan WHERE customer_id = ANY (?)", ids)) {
            UUID loan = (UUID) row[0];
            if (!expected.containsKey(loan)) {
                continue;
            }
            seen.add(loan);
            int cmp = ((BigDecimal) row[1]).compareTo(expected.get(loan));
            if (cmp == 0) {
                equal++;
            } else if (cmp > 0) {
                more++;
            } else {
                less++;
            }
        }
        less += expected.size() - seen.size();
        return new Check("customer-service: loans whose interest paid is the sum of their repayments'", expected.size(), equal, less, more);
    }

    /** How many cleared alerts each profile has, e.g. {DISTRESSED=10}. */
    private static Map<Workload.Profile, Long> clearedByProfile(AlertChains alerts, List<Workload.Customer> all) {
        Map<UUID, Workload.Profile> profile = new HashMap<>();
        all.forEach(c -> profile.put(c.id, c.profile));
        return alerts.chains.values().stream().filter(AlertChains.Chain::cleared)
                .collect(Collectors.groupingBy(a -> profile.get(a.customerId()), java.util.TreeMap::new, Collectors.counting()));
    }

    static boolean isPoison(String value) {
        return value != null && value.contains(Poison.MARKER_FIELD);
    }

    private static long count(Map<String, Map<UUID, Event>> byTopic, String topic, String type) {
        return byTopic.get(topic).values().stream().filter(e -> e.type().equals(type)).count();
    }

    private static List<Event> ofType(Map<String, Map<UUID, Event>> byTopic, String topic, String type) {
        return byTopic.get(topic).values().stream().filter(e -> e.type().equals(type)).toList();
    }
}
