package com.lendkeep.fault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * <li>ONBOARD: customers (customer-service), a credit score each, a 12-month loan each (loan-service);</li>
 * <li>ACTIVITY: first installments paid through loan-service, contacts logged, repayments published
 * by the core banking system straight onto Kafka, then close of business one month and a day
 * later (missed payments);</li>
 * <li>RETENTION: every intervention retention-service offered is accepted (loan-service applies it);</li>
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
        ONBOARD, ACTIVITY, RETENTION, WIND_DOWN
    }

    /** Repayments the core banking system publishes per customer. */
    static final int ON_TIME_REPAYMENTS = 6;
    static final int LATE_REPAYMENTS = 3;
    static final int COMPETITOR_MENTIONS = 3;
    static final BigDecimal PRINCIPAL = new BigDecimal("5000.00");

    static final class Customer {
        final int index;
        final Profile profile;
        final String nationalId;
        volatile UUID id;
        volatile UUID loanId;
        volatile BigDecimal firstInstallment;
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
        final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
        final List<String> notOffered = java.util.Collections.synchronizedList(new ArrayList<>());

        long restWrites() {
            return customers.sum() + creditScores.sum() + contacts.sum() + loans.sum() + repayments.sum() + closesOfBusiness.sum()
                    + accepted.size();
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
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    LocalDate businessDate;

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
        phase(Phase.ONBOARD, this::onboard, null);
        phase(Phase.ACTIVITY, this::activity, this::closeOfBusiness);
        phase(Phase.RETENTION, this::retain, null);
        phase(Phase.WIND_DOWN, this::windDown, null);
    }

    private void phase(Phase phase, Consumer<Customer> perCustomer, Hook atEnd) throws Exception {
        for (Hook h : before.getOrDefault(phase, List.of())) {
            h.run();
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
                Map.of("bureau", "EXPERIAN", "score", score, "scoreDate", today.toString()), Map.of()), null);
        ledger.creditScores.increment();

        String rate = c.profile == Profile.VOLUNTARY ? "0.06" : "0.05";
        JsonNode loan = api.write("loan of " + c.nationalId, () -> api.post("loan-service", "/loans",
                Map.of("customerId", c.id.toString(), "principal", PRINCIPAL, "annualRate", new BigDecimal(rate), "termMonths", 12,
                        "startDate", businessDate.toString(), "method", "ANNUITY"),
                Map.of("Idempotency-Key", "loan-" + c.nationalId)), null);
        c.loanId = UUID.fromString(loan.get("id").asText());
        c.firstInstallment = loan.get("schedule").get(0).get("total").decimalValue();
        ledger.loans.increment();
    }

    // --- ACTIVITY --------------------------------------------------------------------------------

    private void activity(Customer c) {
        if (c.profile != Profile.DISTRESSED) {
            api.write("first installment of " + c.nationalId, () -> api.post("loan-service", "/loans/" + c.loanId + "/repayments",
                    Map.of("amount", c.firstInstallment, "paidOn", businessDate.toString()),
                    Map.of("Idempotency-Key", "repay1-" + c.nationalId)), null);
            ledger.repayments.increment();
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
                        "contactDate", today.toString()), Map.of()),
                // a contact is not idempotent: after an open outcome, look for it before logging it again
                () -> stack.count("SELECT count(*) FROM customer.contact WHERE customer_id = ? AND outcome = ?", c.id, outcome) > 0
                        ? Optional.of(Api.JSON.createObjectNode()) : Optional.empty());
        ledger.contacts.increment();
    }

    /** One month and a day later: the distressed customers' first installment is missed. */
    private void closeOfBusiness() {
        bank.awaitSent(Duration.ofMinutes(5));
        LocalDate next = businessDate.plusMonths(1).plusDays(1);
        api.write("close of business " + next, () -> api.post("loan-service", "/business-date", Map.of("date", next.toString()),
                Map.of("Idempotency-Key", "cob-" + scenario + "-" + customers.get(0).nationalId)), null);
        ledger.closesOfBusiness.increment();
        businessDate = next;
    }

    // --- RETENTION -------------------------------------------------------------------------------

    private void retain(Customer c) {
        JsonNode list = read("interventions of " + c.nationalId, "retention-service", "/interventions?customerId=" + c.id);
        if (list.size() != 1 || !"OFFERED".equals(list.get(0).get("status").asText())) {
            ledger.notOffered.add(c.nationalId + " (" + c.profile + "): " + list);
            return;
        }
        UUID id = UUID.fromString(list.get(0).get("id").asText());
        c.interventionId = id;
        api.write("accept " + id, () -> api.post("retention-service", "/interventions/" + id + "/accept",
                Map.of("note", "accepted in a fault test"), Map.of("X-User", "advisor.fault")),
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
