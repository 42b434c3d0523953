package com.lendkeep.fault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One scenario's stream through the whole chain, in four phases, each followed by a wait until
 * the system is quiet:
 * <ol>
 * <li>ONBOARD: customers (customer-service), a credit score each;</li>
 * <li>BOOK: a 12-month loan each (loan-service, which books only for customers its projection of
 * customer-events knows: a phase of its own, so that a scenario can keep Kafka down for ONBOARD);</li>
 * <li>ACTIVITY: close of business to the first due date, first installments paid on it through
 * loan-service (a healthy customer pays a little more: a partial prepayment), contacts logged,
 * repayments published by the core banking system straight onto Kafka, then close of business one
 * day later (the distressed customers' first installment is missed);</li>
 * <li>RETENTION: forbearance retention-service proposed is approved by a retention manager (four
 * eyes: not its proposer); every intervention offered is accepted (loan-service applies it);</li>
 * <li>WIND_DOWN: every loan is paid off (closed), so that later scenarios' close of business leaves
 * this scenario's customers alone.</li>
 * </ol>
 * Customers come in three profiles whose outcome does not depend on timing or order: HEALTHY (pays
 * on time: no alert), VOLUNTARY (mentions a competitor's offer three times: one voluntary alert,
 * one competitor rate match) and DISTRESSED (late partial repayments and a missed installment: one
 * involuntary alert, one payment extension). Faults are injected through hooks at points of the stream.
 */
final class Workload {

    enum Profile {
        HEALTHY, VOLUNTARY, DISTRESSED
    }

    enum Phase {
        ONBOARD, BOOK, ACTIVITY, RETENTION, WIND_DOWN
    }

    /** Repayments the core banking system publishes per customer. */
    static final int ON_TIME_REPAYMENTS = 6;
    static final int LATE_REPAYMENTS = 3;
    static final int COMPETITOR_MENTIONS = 3;
    static final BigDecimal PRINCIPAL = new BigDecimal("5000.00");
    /** What a healthy customer pays above the first installment: principal prepaid, the schedule re-computed. */
    static final BigDecimal PREPAYMENT = new BigDecimal("50.00");
    /** loan-service's {@code loan.delinquency.grace-days}: its default, the stack does not set LOAN_GRACE_DAYS. */
    static final int GRACE_DAYS = 0;

    static final class Customer {
        final int index;
        final Profile profile;
        final String nationalId;
        volatile UUID id;
        volatile UUID loanId;
        volatile BigDecimal firstInstallment;
        /** The due dates of the schedule loan-service booked. */
        volatile List<LocalDate> dueDates = List.of();
        /** Installments the workload paid (oldest first). */
        volatile int installmentsPaid;
        volatile UUID interventionId;

        Customer(int index, Profile profile, String nationalId) {
            this.index = index;
            this.profile = profile;
            this.nationalId = nationalId;
        }
    }

    /** What the harness sent and the system accepted. */
    static final class Ledger {
        final LongAdder customers = new LongAdder();
        final LongAdder creditScores = new LongAdder();
        final LongAdder contacts = new LongAdder();
        final LongAdder competitorMentions = new LongAdder();
        final LongAdder loans = new LongAdder();
        final LongAdder repayments = new LongAdder();
        final LongAdder closesOfBusiness = new LongAdder();
        final LongAdder prepayments = new LongAdder();
        final Set<UUID> approved = ConcurrentHashMap.newKeySet();
        final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        final List<String> notOffered = java.util.Collections.synchronizedList(new ArrayList<>());

        long restWrites() {
            return customers.sum() + creditScores.sum() + contacts.sum() + loans.sum() + repayments.sum() + closesOfBusiness.sum()
                    + approved.size() + accepted.size();
        }
    }

    /** Something to do to the system (a fault) at a point of the stream. */
    @FunctionalInterface
    interface Hook {
        void run() throws Exception;
    }

    private record Trigger(double fraction, Hook hook) {
    }

    final String scenario;
    final List<Customer> customers = new ArrayList<>();
    final Ledger ledger = new Ledger();
    private final Stack stack;
    private final Api api;
    private final CoreBanking bank;
    private final int threads;
    private final Map<Phase, List<Hook>> before = new EnumMap<>(Phase.class);
    private final Map<Phase, List<Hook>> after = new EnumMap<>(Phase.class);
    private final Map<Phase, List<Trigger>> during = new EnumMap<>(Phase.class);
    private final List<BooleanSupplier> alsoQuiet = new ArrayList<>();
    private final Map<Phase, Duration> quietAfter = new EnumMap<>(Phase.class);
    /** loan-service's business date, which the workload moves (close of business); scores and contacts are dated on it. */
    volatile LocalDate businessDate;

    Workload(Stack stack, Api api, CoreBanking bank, String runId, String scenario, int size, int threads) {
        this.stack = stack;
        this.api = api;
        this.bank = bank;
        this.scenario = scenario;
        this.threads = threads;
        for (int i = 0; i < size; i++) {
            Profile profile = i % 5 == 0 ? Profile.VOLUNTARY : i % 5 == 1 ? Profile.DISTRESSED : Profile.HEALTHY;
            customers.add(new Customer(i, profile, "F" + runId + scenario.replaceAll("[^A-Za-z0-9]", "") + "-" + i));
        }
    }

    Workload before(Phase phase, Hook hook) {
        before.computeIfAbsent(phase, p -> new ArrayList<>()).add(hook);
        return this;
    }

    Workload after(Phase phase, Hook hook) {
        after.computeIfAbsent(phase, p -> new ArrayList<>()).add(hook);
        return this;
    }

    /** Runs {@code hook} on its own thread once {@code fraction} of the phase's customers are done; the phase waits for it to end. */
    Workload during(Phase phase, double fraction, Hook hook) {
        during.computeIfAbsent(phase, p -> new ArrayList<>()).add(new Trigger(fraction, hook));
        return this;
    }

    /** A further condition for "the system is quiet" (e.g. the scenario's own consumer caught up). */
    Workload alsoQuiet(BooleanSupplier condition) {
        alsoQuiet.add(condition);
        return this;
    }

    long count(Profile p) {
        return customers.stream().filter(c -> c.profile == p).count();
    }

    Map<Phase, Duration> quietAfter() {
        return quietAfter;
    }

    void run() throws Exception {
        businessDate = LocalDate.parse(read("business date", "loan-service", "/business-date").get("date").asText());
        phase(Phase.ONBOARD, this::onboard, null, null);
        phase(Phase.BOOK, this::book, null, null);
        phase(Phase.ACTIVITY, this::activity, this::closeToFirstDueDate, this::closeTheDayAfter);
        phase(Phase.RETENTION, this::retain, null, null);
        phase(Phase.WIND_DOWN, this::windDown, null, null);
    }

    private void phase(Phase phase, Consumer<Customer> perCustomer, Hook atStart, Hook atEnd) throws Exception {
        for (Hook h : before.getOrDefault(phase, List.of())) {
            h.run();
        }
        if (atStart != null) {
            atStart.run();
        }
        List<Customer> todo = customers.stream().filter(c -> phase != Phase.RETENTION || c.profile != Profile.HEALTHY).toList();
        List<Trigger> triggers = new ArrayList<>(during.getOrDefault(phase, List.of()));
        List<Thread> faults = new ArrayList<>();
        List<Throwable> faultErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Customer c : todo) {
                futures.add(pool.submit(() -> {
                    perCustomer.accept(c);
                    int n = done.incrementAndGet();
                    synchronized (triggers) {
                        for (var it = triggers.iterator(); it.hasNext();) {
                            Trigger t = it.next();
                            if (n >= t.fraction() * todo.size()) {
                                it.remove();
                                Thread thread = Thread.ofPlatform().name("fault-" + phase).start(() -> {
                                    try {
                                        t.hook().run();
                                    } catch (Throwable e) {
                                        faultErrors.add(e);
                                    }
                                });
                                faults.add(thread);
                            }
                        }
                    }
                    return null;
                }));
            }
            List<Throwable> errors = new ArrayList<>();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.add(e.getCause());
                }
            }
            synchronized (triggers) {
                if (!triggers.isEmpty()) {
                    throw new IllegalStateException(phase + ": " + triggers.size() + " fault(s) never triggered");
                }
            }
            for (Thread t : faults) {
                t.join();
            }
            if (!faultErrors.isEmpty()) {
                throw new AssertionError(phase + ": the fault injection failed: " + faultErrors.get(0), faultErrors.get(0));
            }
            if (!errors.isEmpty()) {
                AssertionError e = new AssertionError(phase + ": " + errors.size() + " customer(s) failed; first: " + errors.get(0),
                        errors.get(0));
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
        if (atEnd != null) {
            atEnd.run();
        }
        for (Hook h : after.getOrDefault(phase, List.of())) {
            h.run();
        }
        quietAfter.put(phase, stack.awaitQuiet(Duration.ofMinutes(10), alsoQuiet.toArray(BooleanSupplier[]::new)));
    }

    // --- ONBOARD ---------------------------------------------------------------------------------

    private void onboard(Customer c) {
        JsonNode created = api.write("register " + c.nationalId,
                () -> api.post("customer-service", "/customers", Map.of("type", "INDIVIDUAL", "fullName", "Fault Customer " + c.nationalId,
                        "nationalId", c.nationalId, "externalRef", c.nationalId, "email", c.nationalId.toLowerCase() + "@example.com",
                        "relationshipSince", "2018-03-01", "annualIncome", 42000), Map.of()),
                () -> stack.rows("SELECT id FROM customer.customer WHERE national_id = ?", c.nationalId).stream().findFirst()
                        .map(row -> Api.JSON.createObjectNode().put("id", row[0].toString())));
        c.id = UUID.fromString(created.get("id").asText());
        ledger.customers.increment();

        int score = switch (c.profile) {
            case HEALTHY -> 760;
            case VOLUNTARY -> 740;
            case DISTRESSED -> 700;
        };
        // a known (bureau, date, score) changes nothing: repeating it is safe
        api.write("credit score of " + c.nationalId, () -> api.post("customer-service", "/customers/" + c.id + "/credit-scores",
                Map.of("bureau", "EXPERIAN", "score", score, "scoreDate", businessDate.toString()), Map.of()), null);
        ledger.creditScores.increment();
    }

    private void book(Customer c) {
        String rate = c.profile == Profile.VOLUNTARY ? "0.06" : "0.05";
        JsonNode loan = api.write("loan of " + c.nationalId, () -> api.post("loan-service", "/loans",
                Map.of("customerId", c.id.toString(), "principal", PRINCIPAL, "annualRate", new BigDecimal(rate), "termMonths", 12,
                        "startDate", businessDate.toString(), "method", "ANNUITY"),
                Map.of("Idempotency-Key", "loan-" + c.nationalId)), null);
        c.loanId = UUID.fromString(loan.get("id").asText());
        c.firstInstallment = loan.get("schedule").get(0).get("total").decimalValue();
        List<LocalDate> due = new ArrayList<>();
        loan.get("schedule").forEach(i -> due.add(LocalDate.parse(i.get("dueDate").asText())));
        c.dueDates = List.copyOf(due);
        ledger.loans.increment();
    }

    // --- ACTIVITY --------------------------------------------------------------------------------

    private void activity(Customer c) {
        if (c.profile != Profile.DISTRESSED) {
            // on its due date (the business date now): paid, on time; a healthy customer adds a prepayment of principal
            // (interest is earned by day: money paid before an installment is due only prepays principal, issue 16)
            BigDecimal amount = c.profile == Profile.HEALTHY ? c.firstInstallment.add(PREPAYMENT) : c.firstInstallment;
            api.write("first installment of " + c.nationalId, () -> api.post("loan-service", "/loans/" + c.loanId + "/repayments",
                    Map.of("amount", amount, "paidOn", businessDate.toString()),
                    Map.of("Idempotency-Key", "repay1-" + c.nationalId)), null);
            ledger.repayments.increment();
            c.installmentsPaid = 1;
            if (c.profile == Profile.HEALTHY) {
                ledger.prepayments.increment();
            }
        }
        switch (c.profile) {
            case HEALTHY -> contact(c, "INQUIRY", "GENERAL", 4);
            case VOLUNTARY -> {
                for (int i = 0; i < COMPETITOR_MENTIONS; i++) {
                    contact(c, "CALL", "COMPETITOR_OFFER", 3);
                    ledger.competitorMentions.increment();
                }
            }
            case DISTRESSED -> {
                // no contact: the missed payments speak
            }
        }
        BigDecimal due = new BigDecimal("430.00");
        BigDecimal interest = new BigDecimal("20.83");
        if (c.profile == Profile.DISTRESSED) {
            for (int i = 0; i < LATE_REPAYMENTS; i++) {
                UUID id = UUID.randomUUID();
                bank.publish(id, c.id, CoreBanking.repayment(id, c.id, c.loanId, businessDate, businessDate, due, new BigDecimal("100.00"),
                        20, false, PRINCIPAL, interest));
            }
        } else {
            for (int i = 0; i < ON_TIME_REPAYMENTS; i++) {
                UUID id = UUID.randomUUID();
                bank.publish(id, c.id, CoreBanking.repayment(id, c.id, c.loanId, businessDate, businessDate, due, due, 0, true,
                        PRINCIPAL.subtract(BigDecimal.TEN.multiply(BigDecimal.valueOf(i + 1L))), interest));
            }
        }
    }

    private void contact(Customer c, String kind, String topic, int satisfaction) {
        String outcome = "fault-test contact " + UUID.randomUUID();
        api.write("contact of " + c.nationalId, () -> api.post("customer-service", "/customers/" + c.id + "/contacts",
                Map.of("kind", kind, "topic", topic, "channel", "PHONE", "satisfaction", satisfaction, "outcome", outcome,
                        "contactDate", businessDate.toString()), Map.of()),
                // a contact is not idempotent: after an open outcome, look for it before logging it again
                () -> stack.count("SELECT count(*) FROM customer.contact WHERE customer_id = ? AND outcome = ?", c.id, outcome) > 0
                        ? Optional.of(Api.JSON.createObjectNode()) : Optional.empty());
        ledger.contacts.increment();
    }

    /**
     * Close of business to the loans' first due date (one month after they started): nothing is
     * missed yet, and the first installments can be paid on the day they are due.
     */
    private void closeToFirstDueDate() {
        LocalDate first = customers.stream().map(c -> c.dueDates.get(0)).max(LocalDate::compareTo).orElseThrow();
        if (customers.stream().anyMatch(c -> !c.dueDates.get(0).equals(first))) {
            throw new AssertionError("the scenario's loans started on one date but their first due dates differ");
        }
        closeOfBusiness(first);
    }

    /** One day after the first due date: the distressed customers' first installment is missed. */
    private void closeTheDayAfter() {
        bank.awaitSent(Duration.ofMinutes(5));
        closeOfBusiness(businessDate.plusDays(1));
    }

    private void closeOfBusiness(LocalDate next) {
        api.write("close of business " + next, () -> api.post("loan-service", "/business-date", Map.of("date", next.toString()),
                Map.of("Idempotency-Key", "cob-" + next + "-" + customers.get(0).nationalId)), null);
        ledger.closesOfBusiness.increment();
        businessDate = next;
    }

    /**
     * The missed installments the workload caused, as "loanId:installment number": every installment
     * it did not pay whose due date plus the grace days is before the business date it closed to.
     * Nothing else makes one missed in a scenario: its own customers' loans are paid off before the
     * next scenario's close of business, and forbearance moves due dates only later (RETENTION).
     */
    Set<String> expectedMissedInstallments() {
        Set<String> missed = new java.util.TreeSet<>();
        for (Customer c : customers) {
            for (int k = c.installmentsPaid; k < c.dueDates.size(); k++) {
                if (c.dueDates.get(k).plusDays(GRACE_DAYS).isBefore(businessDate)) {
                    missed.add(c.loanId + ":" + (k + 1));
                }
            }
        }
        return missed;
    }

    // --- RETENTION -------------------------------------------------------------------------------

    private void retain(Customer c) {
        JsonNode list = read("interventions of " + c.nationalId, "retention-service", "/interventions?customerId=" + c.id);
        List<JsonNode> open = new ArrayList<>();
        list.forEach(i -> {
            if (Set.of("PROPOSED", "APPROVED", "BLOCKED", "OFFERED").contains(i.get("status").asText())) {
                open.add(i);
            }
        });
        if (open.size() != 1) {
            ledger.notOffered.add(c.nationalId + " (" + c.profile + "): " + list);
            return;
        }
        UUID id = UUID.fromString(open.get(0).get("id").asText());
        c.interventionId = id;
        if ("PROPOSED".equals(open.get(0).get("status").asText())) {
            // forbearance always waits for a person, and not its proposer (system): a retention manager approves it,
            // and retention-service offers it at once when the contact policy allows
            api.write("approve " + id, () -> api.post("retention-service", "/interventions/" + id + "/approve",
                    Map.of("note", "approved in a fault test"), Map.of("Authorization", "Bearer " + stack.managerToken)),
                    () -> {
                        Api.Reply r = api.get("retention-service", "/interventions/" + id);
                        return r.ok() && Stack.MANAGER.equals(r.json().path("approvedBy").asText()) ? Optional.of(r.json()) : Optional.empty();
                    });
            ledger.approved.add(id);
        }
        JsonNode offered = read("intervention " + id, "retention-service", "/interventions/" + id);
        if (!"OFFERED".equals(offered.get("status").asText())) {
            ledger.notOffered.add(c.nationalId + " (" + c.profile + "): " + offered);
            return;
        }
        api.write("accept " + id, () -> api.post("retention-service", "/interventions/" + id + "/accept",
                Map.of("note", "accepted in a fault test"), Map.of()),
                () -> {
                    Api.Reply r = api.get("retention-service", "/interventions/" + id);
                    String status = r.ok() ? r.json().get("status").asText() : "";
                    return status.equals("ACCEPTED") || status.equals("APPLIED") ? Optional.of(r.json()) : Optional.empty();
                });
        ledger.accepted.add(id);
    }

    // --- WIND_DOWN -------------------------------------------------------------------------------

    private void windDown(Customer c) {
        BigDecimal payoff = read("payoff of " + c.nationalId, "loan-service", "/loans/" + c.loanId + "/payoff").get("payoffAmount")
                .decimalValue();
        api.write("payoff of " + c.nationalId, () -> api.post("loan-service", "/loans/" + c.loanId + "/repayments",
                Map.of("amount", payoff), Map.of("Idempotency-Key", "payoff-" + c.nationalId)), null);
        ledger.repayments.increment();
    }

    /** A GET repeated until it answers 200 (the service may be restarting or its database down). */
    JsonNode read(String what, String service, String path) {
        long deadline = System.nanoTime() + Api.WRITE_DEADLINE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                Api.Reply r = api.get(service, path);
                if (r.ok()) {
                    return r.json();
                }
                if (r.status() < 500) {
                    throw new AssertionError(what + ": " + r.status() + " " + r.body());
                }
                last = r.status() + " " + r.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Api.sleep(500);
        }
        throw new AssertionError(what + " not readable after " + Api.WRITE_DEADLINE + "; last: " + last);
    }
}
