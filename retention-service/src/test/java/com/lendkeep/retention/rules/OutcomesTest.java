package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Outcomes as banks define them, on business dates (docs/retention.md, "Outcomes"). */
class OutcomesTest {

    static final Outcomes.Definition BANK = new Outcomes.Definition(90, 365, 180, 30, Set.of("PREPAID", "REFINANCED"),
            Set.of("CHARGED_OFF"), Set.of("REPAID"));
    static final LocalDate ALERT = LocalDate.parse("2030-01-10");
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID LOAN = UUID.randomUUID();

    static Outcomes.Outcome outcome(List<Outcomes.ClosureFact> closures, List<Outcomes.StatusFact> statuses, List<Outcomes.Opening> openings,
            LocalDate asOf) {
        return Outcomes.decide(ALERT, Outcomes.events(closures, statuses, openings, BANK), asOf, BANK).outcome();
    }

    static Outcomes.StatusFact dpd(int daysPastDue, LocalDate on, LocalDate defaultOn) {
        return new Outcomes.StatusFact(CUSTOMER, LOAN, daysPastDue, on, defaultOn, null, new BigDecimal("25000.00"));
    }

    static Outcomes.ClosureFact closed(String closure, String on) {
        return new Outcomes.ClosureFact(CUSTOMER, LOAN, closure, LocalDate.parse(on), BigDecimal.ZERO, BigDecimal.ZERO, null, null);
    }

    @Test
    void aBorrowerAlertedAt31DaysPastDueWhoNeverPaysAgainIsNotRetainedAtDay121() {
        // the reproduction: 31 days past due on the alert's day, nothing paid since. Days past due grow one a day,
        // so 90 is reached on day 59 (2030-03-10): involuntary churn (default), known from that day on.
        List<Outcomes.StatusFact> arrears = List.of(dpd(31, ALERT, null));
        assertEquals(Outcomes.Outcome.CHURNED_INVOLUNTARY, outcome(List.of(), arrears, List.of(), ALERT.plusDays(121)));
        Outcomes.Decision d = Outcomes.decide(ALERT, Outcomes.events(List.of(), arrears, List.of(), BANK), ALERT.plusDays(121), BANK);
        assertEquals(LocalDate.parse("2030-03-10"), d.event().on());
        assertEquals(Outcomes.Trigger.DEFAULT, d.event().trigger());
        assertEquals(Outcomes.Outcome.PENDING, outcome(List.of(), arrears, List.of(), ALERT.plusDays(58)), "not yet 90 days past due");
        // and never RETAINED, whatever the date
        for (int day = 0; day <= 800; day += 7) {
            assertEquals(day >= 59 ? Outcomes.Outcome.CHURNED_INVOLUNTARY : Outcomes.Outcome.PENDING,
                    outcome(List.of(), arrears, List.of(), ALERT.plusDays(day)), "day " + day);
        }
    }

    @Test
    void retainedOnlyAfterTheWholeLongestWindowWasObserved() {
        // involuntary window 365 days, voluntary 180: a quiet customer is pending until 2031-01-10, retained on it
        assertEquals(Outcomes.Outcome.PENDING, outcome(List.of(), List.of(), List.of(), ALERT.plusDays(364)));
        assertEquals(Outcomes.Outcome.RETAINED, outcome(List.of(), List.of(), List.of(), ALERT.plusDays(365)));
        // a cured loan (a reading of 0 days past due) is no churn
        assertEquals(Outcomes.Outcome.RETAINED, outcome(List.of(), List.of(dpd(0, ALERT.plusDays(20), null)), List.of(), ALERT.plusDays(400)));
    }

    @Test
    void eachChurnTypeHasItsOwnWindow() {
        // a prepayment on day 181 is outside the voluntary window (180 days); a charge-off on day 300 is inside the involuntary one
        assertEquals(Outcomes.Outcome.RETAINED, outcome(List.of(closed("PREPAID", "2030-07-10")), List.of(), List.of(), ALERT.plusDays(400)));
        assertEquals(Outcomes.Outcome.CHURNED_VOLUNTARY,
                outcome(List.of(closed("PREPAID", "2030-07-09")), List.of(), List.of(), ALERT.plusDays(400)), "day 180 is inside");
        assertEquals(Outcomes.Outcome.CHURNED_INVOLUNTARY,
                outcome(List.of(closed("CHARGED_OFF", "2030-11-06")), List.of(), List.of(), ALERT.plusDays(400)));
        assertEquals(Outcomes.Outcome.PENDING, outcome(List.of(closed("CHARGED_OFF", "2030-11-06")), List.of(), List.of(),
                LocalDate.parse("2030-11-05")), "a closure after asOf is not known yet");
        assertEquals(Outcomes.Outcome.CHURNED_VOLUNTARY, outcome(List.of(closed("REFINANCED", "2030-02-01")), List.of(), List.of(),
                ALERT.plusDays(40)));
    }

    @Test
    void aMaturityIsChurnOnlyWhenNotRenewed() {
        List<Outcomes.ClosureFact> matured = List.of(closed("REPAID", "2030-03-01"));
        // not renewed: known once the 30 renewal days are over (2030-03-31)
        assertEquals(Outcomes.Outcome.PENDING, outcome(matured, List.of(), List.of(), LocalDate.parse("2030-03-30")));
        assertEquals(Outcomes.Outcome.CHURNED_VOLUNTARY, outcome(matured, List.of(), List.of(), LocalDate.parse("2030-03-31")));
        // renewed 20 days later: no churn
        List<Outcomes.Opening> renewed = List.of(new Outcomes.Opening(CUSTOMER, UUID.randomUUID(), LocalDate.parse("2030-03-21")));
        assertEquals(Outcomes.Outcome.RETAINED, outcome(matured, List.of(), renewed, ALERT.plusDays(365)));
        // the matured loan itself is no renewal
        assertEquals(Outcomes.Outcome.CHURNED_VOLUNTARY, outcome(matured, List.of(),
                List.of(new Outcomes.Opening(CUSTOMER, LOAN, LocalDate.parse("2030-03-01"))), ALERT.plusDays(365)));
    }

    @Test
    void defaultsAndDistressedRestructurings() {
        // a recorded default (90 days past due reported) counts even after a later cure
        assertEquals(Outcomes.Outcome.CHURNED_INVOLUNTARY, outcome(List.of(), List.of(dpd(0, ALERT.plusDays(120), ALERT.plusDays(95))),
                List.of(), ALERT.plusDays(365)));
        // a projection stops at a closure before it: repaid at 40 days past due is no default
        assertEquals(Outcomes.Outcome.RETAINED, outcome(List.of(closed("REPAID", "2030-02-01")), List.of(dpd(31, ALERT, null)),
                List.of(new Outcomes.Opening(CUSTOMER, UUID.randomUUID(), LocalDate.parse("2030-02-10"))), ALERT.plusDays(365)));
        Outcomes.StatusFact restructured = new Outcomes.StatusFact(CUSTOMER, LOAN, 0, null, null, ALERT.plusDays(10), null);
        assertEquals(Outcomes.Outcome.CHURNED_INVOLUNTARY, outcome(List.of(), List.of(restructured), List.of(), ALERT.plusDays(10)));
    }
}
