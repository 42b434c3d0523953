package com.lendkeep.risk.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;
import com.lendkeep.risk.domain.RepaymentPeriod;
import com.lendkeep.risk.domain.RiskLevel;
import com.lendkeep.risk.service.CustomerState;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The batch path reads and writes customers' state in plain JDBC: what is saved must read back
 * the same, new and changed periods and score points included, on the real database.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class FeatureStoreTest {

    @Inject
    FeatureStore store;

    @Test
    void whatIsSavedReadsBackTheSame() {
        UUID known = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID loan = UUID.randomUUID();
        LocalDate april = LocalDate.of(2025, 4, 1);
        LocalDate may = LocalDate.of(2025, 5, 1);
        Instant at = Instant.parse("2026-12-04T10:15:30.123456Z");

        // a customer with a row, a period and a score point, as an earlier batch left it
        QuarkusTransaction.requiringNew().run(() -> {
            CustomerState s = store.lockOrCreate(List.of(known)).get(known);
            RepaymentPeriod p = s.period(loan, april);
            p.amountDue = new BigDecimal("100.00");
            p.amountPaid = new BigDecimal("40.00");
            s.score("EXPERIAN", april, 700);
            s.loan(loan).daysPastDue = 31;
            s.loan(loan).delinquentSince = april;
            s.signals.add("payoff-quotes", 1, april, 60);
            store.save(List.of(s));
        });

        // one batch with both: the known one changes its period and score and gets a new period; the other is new
        QuarkusTransaction.requiringNew().run(() -> {
            Map<UUID, CustomerState> states = store.lockOrCreate(List.of(fresh, known));
            assertEquals(2, states.size());
            CustomerState s = states.get(known);
            assertEquals(1, s.periods.size());
            RepaymentPeriod p = s.period(loan, april);
            p.amountPaid = p.amountPaid.add(new BigDecimal("60.00"));
            p.daysPastDue = 12;
            RepaymentPeriod next = s.period(loan, may);
            next.amountDue = new BigDecimal("100.00");
            next.outstanding = new BigDecimal("800.00");
            next.creditLimit = new BigDecimal("5000.00");
            s.score("EXPERIAN", april, 650);
            s.score("EXPERIAN", may, 640);
            s.score("EQUIFAX", may, 702);
            assertEquals(31, s.loan(loan).daysPastDue, "the loan's state came back from the row");
            assertEquals(1, s.signals.count("payoff-quotes"));
            s.risk.paymentsTotal = 2;
            s.risk.creditScore = 640;
            s.risk.loanRate = new BigDecimal("0.071000");
            s.risk.asOf = may;
            s.risk.forbearanceUntil = null;
            s.risk.involuntaryLevel = RiskLevel.HIGH;
            s.risk.reasons = "[\"two periods\"]";
            s.risk.updatedAt = at;
            store.save(states.values());
        });

        QuarkusTransaction.requiringNew().run(() -> {
            Map<UUID, CustomerState> states = store.read(List.of(known, fresh));
            CustomerState s = states.get(known);
            List<RepaymentPeriod> periods = s.periods.stream().sorted(Comparator.comparing(x -> x.periodDate)).toList();
            assertEquals(2, periods.size());
            assertEquals(new BigDecimal("100.00"), periods.get(0).amountPaid);
            assertEquals(12, periods.get(0).daysPastDue);
            assertEquals(new BigDecimal("800.00"), periods.get(1).outstanding);
            assertEquals(new BigDecimal("5000.00"), periods.get(1).creditLimit);
            assertEquals(3, s.scores.size(), "two bureaus' points of the same day are both kept");
            assertEquals(650, s.scores.stream().filter(x -> x.scoreDate.equals(april)).findFirst().orElseThrow().score);
            assertEquals(702, s.scores.stream().filter(x -> x.bureau.equals("EQUIFAX")).findFirst().orElseThrow().score);
            assertEquals(1, s.loans.size());
            assertEquals(april, s.loans.get(0).delinquentSince);
            assertEquals(0.5, s.signals.value("payoff-quotes", april.plusDays(60), 60), 1e-9);
            assertEquals(2, s.risk.paymentsTotal);
            assertEquals(640, s.risk.creditScore);
            assertEquals(0, new BigDecimal("0.071").compareTo(s.risk.loanRate));
            assertEquals(may, s.risk.asOf);
            assertNull(s.risk.forbearanceUntil);
            assertEquals(RiskLevel.HIGH, s.risk.involuntaryLevel);
            assertEquals("[\"two periods\"]", s.risk.reasons);
            assertEquals(at, s.risk.updatedAt);
            CustomerState other = states.get(fresh);
            assertTrue(other.periods.isEmpty());
            assertEquals(0, other.risk.paymentsTotal);
            assertNull(other.risk.creditScore);
        });
    }

    /**
     * The batch path's state is plain classes, not entities: Hibernate's enhancement (which routes every field access
     * of an entity through generated accessors and records each write as dirty) never touches them, while an entity
     * of this service is enhanced in the same test (so the check means something). The score-history point, still
     * an entity for the REST side, is written with its tracking suspended.
     */
    @Test
    void batchStateIsNotEnhanced() {
        for (Class<?> plain : List.of(com.lendkeep.risk.domain.CustomerRisk.class, RepaymentPeriod.class,
                com.lendkeep.risk.domain.CreditScorePoint.class)) {
            assertFalse(org.hibernate.engine.spi.SelfDirtinessTracker.class.isAssignableFrom(plain), plain + " is enhanced");
        }
        com.lendkeep.risk.domain.ScoreHistory tracked = new com.lendkeep.risk.domain.ScoreHistory();
        tracked.cause = "X";
        assertTrue(dirty(tracked).contains("cause"), "entity classes are enhanced in this test: " + dirty(tracked));
        com.lendkeep.risk.domain.ScoreHistory point = com.lendkeep.risk.domain.PlainHolders.untracked(
                new com.lendkeep.risk.domain.ScoreHistory());
        point.cause = "X";
        assertEquals(List.of(), dirty(point));
    }

    private static List<String> dirty(Object entity) {
        assertTrue(entity instanceof org.hibernate.engine.spi.SelfDirtinessTracker, entity.getClass() + " is not enhanced");
        return List.of(((org.hibernate.engine.spi.SelfDirtinessTracker) entity).$$_hibernate_getDirtyAttributes());
    }
}
