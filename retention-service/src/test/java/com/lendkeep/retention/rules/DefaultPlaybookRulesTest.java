package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.support.DefaultPlaybook;

/**
 * Each rule of the seeded default playbook: when it matches, when it does not, and the terms and
 * money of what it proposes. The loan: 12,000.00 at 8 % over 12 months from 2026-01-01; on
 * 2026-03-01 two installments are due, so B = 10,065.85 and n = 10 (annuity arithmetic), and the
 * interest still to earn RI(B, 8 %, 10) = 372.76.
 */
class DefaultPlaybookRulesTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-03-01");
    static final LoanTerms LOAN = new LoanTerms(UUID.randomUUID(), new BigDecimal("0.08"), LocalDate.parse("2026-01-01"),
            new BigDecimal("12000.00"), 12, null, null, null);
    static final Playbook.CustomerFacts NOBODY_SPECIAL = new Playbook.CustomerFacts("STANDARD", "B", false);

    static List<Playbook.Candidate> candidates(String churnType, String level, String score, List<String> reasons,
            Playbook.CustomerFacts customer, LoanTerms loan) {
        return Playbook.candidates(DefaultPlaybook.rules(), new Playbook.AlertFacts(churnType, level, new BigDecimal(score), reasons, AS_OF),
                customer, loan, Playbook.CreditFacts.UNKNOWN, LGD);
    }

    static final BigDecimal LGD = new BigDecimal("0.45");

    static List<String> rules(List<Playbook.Candidate> candidates) {
        return candidates.stream().map(c -> c.rule().id()).toList();
    }

    static Playbook.Candidate of(List<Playbook.Candidate> candidates, String ruleId) {
        return candidates.stream().filter(c -> c.rule().id().equals(ruleId)).findFirst().orElseThrow(() -> new AssertionError(ruleId + " did not match"));
    }

    @Test
    void theLoanPositionUnderlyingTheFigures() {
        LoanTerms.Position p = LOAN.positionAt(AS_OF);
        assertEquals(new BigDecimal("10065.85"), p.balance());
        assertEquals(10, p.remainingMonths());
        assertEquals(new BigDecimal("372.76"), LoanMath.remainingInterest(p.balance(), p.annualRate(), p.remainingMonths()));
    }

    @Test
    void paymentExtensionForAnyInvoluntaryAlertFromMedium() {
        var c = candidates("INVOLUNTARY", "MEDIUM", "0.61", List.of("2 consecutive missed installments"), NOBODY_SPECIAL, LOAN);
        assertEquals(List.of("involuntary-payment-extension"), rules(c));
        Playbook.Candidate ext = c.get(0);
        assertEquals(InterventionKind.PAYMENT_EXTENSION, ext.kind());
        assertEquals(3, ext.terms().extensionMonths());
        // cost = B x r x m / 12 = 10,065.85 x 0.08 x 3 / 12 = 201.32 (interest not charged while deferred)
        assertEquals(new BigDecimal("201.32"), ext.estimate().cost());
        // kept = 372.76 - 201.32 = 171.44. Involuntary churn is a credit loss: value = LGD 0.45 x exposure 10,065.85 = 4,529.63;
        // expected value = PD 0.61 x churnReduction 0.35 x 4,529.63 - 201.32 = 967.0760 - 201.32 = 765.76
        assertEquals(new BigDecimal("171.44"), ext.estimate().interestIncomeKept());
        assertEquals(new BigDecimal("4529.63"), ext.estimate().valueAtRisk());
        assertEquals(new BigDecimal("765.76"), ext.estimate().expectedValue());

        assertTrue(candidates("VOLUNTARY", "HIGH", "0.7", List.of("asked for a payoff quote twice"), NOBODY_SPECIAL, LOAN).stream()
                .noneMatch(x -> x.kind() == InterventionKind.PAYMENT_EXTENSION), "not for voluntary churn");
        assertTrue(candidates("INVOLUNTARY", "LOW", "0.1", List.of(), NOBODY_SPECIAL, LOAN).isEmpty(), "not below MEDIUM");
    }

    @Test
    void restructuringForHighInvoluntaryRiskWithHardshipOrAFallingScore() {
        var hardship = candidates("INVOLUNTARY", "HIGH", "0.8", List.of("reported financial hardship twice"), NOBODY_SPECIAL, LOAN);
        assertEquals(List.of("involuntary-hardship-restructuring", "involuntary-payment-extension", "involuntary-financial-counselling"),
                rules(hardship), "priority order");
        Playbook.Candidate r = of(hardship, "involuntary-hardship-restructuring");
        assertEquals(InterventionKind.RESTRUCTURING, r.kind());
        assertEquals(0, new BigDecimal("0.07").compareTo(r.terms().newAnnualRate()), "one point off 8 %");
        assertEquals(22, r.terms().newTermMonths(), "10 left + 12");
        // RI(B, 7 %, 22) = 688.99 > 372.76: no interest forgone, the cost is the fixed 150.00
        assertEquals(new BigDecimal("150.00"), r.estimate().cost());
        assertEquals(new BigDecimal("688.99"), r.estimate().interestIncomeKept());

        var score = candidates("INVOLUNTARY", "CRITICAL", "0.9", List.of("credit score fell 120 points"), NOBODY_SPECIAL, LOAN);
        assertTrue(rules(score).contains("involuntary-hardship-restructuring"));
        assertFalse(rules(score).contains("involuntary-financial-counselling"), "counselling needs hardship");

        var medium = candidates("INVOLUNTARY", "MEDIUM", "0.4", List.of("reported financial hardship once"), NOBODY_SPECIAL, LOAN);
        assertFalse(rules(medium).contains("involuntary-hardship-restructuring"), "not at MEDIUM");
    }

    @Test
    void financialCounsellingForHighInvoluntaryRiskWithHardship() {
        var c = candidates("INVOLUNTARY", "HIGH", "0.8", List.of("2 consecutive missed installments", "reported financial hardship once"),
                NOBODY_SPECIAL, LOAN);
        Playbook.Candidate counselling = of(c, "involuntary-financial-counselling");
        assertEquals(InterventionKind.FINANCIAL_COUNSELLING, counselling.kind());
        assertEquals(new BigDecimal("120.00"), counselling.estimate().cost());
        // value = 0.8 x 0.15 x (0.45 x 10,065.85 = 4,529.63) - 120.00 = 543.5556 - 120.00 = 423.56
        assertEquals(new BigDecimal("423.56"), counselling.estimate().expectedValue());
        assertFalse(rules(candidates("INVOLUNTARY", "HIGH", "0.8", List.of("31 days past due"), NOBODY_SPECIAL, LOAN))
                .contains("involuntary-financial-counselling"));
    }

    @Test
    void competitorRateMatchWhenACompetitorWasMentioned() {
        var c = candidates("VOLUNTARY", "MEDIUM", "0.45", List.of("mentioned a competitor's offer once"), NOBODY_SPECIAL, LOAN);
        assertEquals(List.of("voluntary-competitor-rate-match", "voluntary-loyalty-rate"), rules(c));
        Playbook.Candidate match = c.get(0);
        assertEquals(0, new BigDecimal("0.065").compareTo(match.terms().newAnnualRate()), "1.5 points off 8 %");
        // cost = RI(B, 8 %, 10) - RI(B, 6.5 %, 10) = 70.45
        assertEquals(new BigDecimal("70.45"), match.estimate().cost());

        LoanTerms cheap = new LoanTerms(UUID.randomUUID(), new BigDecimal("0.05"), LocalDate.parse("2026-01-01"), new BigDecimal("12000.00"),
                12, null, null, null);
        var floored = candidates("VOLUNTARY", "HIGH", "0.6", List.of("mentioned a competitor's offer twice"), NOBODY_SPECIAL, cheap);
        assertEquals(0, new BigDecimal("0.04").compareTo(of(floored, "voluntary-competitor-rate-match").terms().newAnnualRate()),
                "5 % - 1.5 points is below the 4 % floor");
    }

    @Test
    void loyaltyRateForVoluntaryRiskOnACurrentLoan() {
        var c = candidates("VOLUNTARY", "MEDIUM", "0.35", List.of("asked for a payoff quote twice"), NOBODY_SPECIAL, LOAN);
        assertEquals(List.of("voluntary-loyalty-rate"), rules(c));
        assertEquals(0, new BigDecimal("0.07").compareTo(c.get(0).terms().newAnnualRate()));
        // cost = RI(B, 8 %, 10) - RI(B, 7 %, 10) = 372.76 - 325.76 = 47.00
        assertEquals(new BigDecimal("47.00"), c.get(0).estimate().cost());

        LoanTerms delinquent = new LoanTerms(LOAN.loanId(), LOAN.annualRate(), LOAN.basisDate(), LOAN.basisBalance(), 12, null, "DPD_1_30", null);
        assertTrue(candidates("VOLUNTARY", "MEDIUM", "0.35", List.of("asked for a payoff quote twice"), NOBODY_SPECIAL, delinquent).isEmpty(),
                "only on a CURRENT loan");
    }

    @Test
    void feeWaiverForServiceComplaintsOrLowSatisfaction() {
        var c = candidates("VOLUNTARY", "MEDIUM", "0.4", List.of("2 service complaints"), NOBODY_SPECIAL, LOAN);
        Playbook.Candidate waiver = of(c, "voluntary-service-fee-waiver");
        assertEquals(InterventionKind.FEE_WAIVER, waiver.kind());
        assertEquals(new BigDecimal("75.00"), waiver.estimate().cost());
        assertTrue(rules(candidates("VOLUNTARY", "MEDIUM", "0.4", List.of("rated us 2 or less twice"), NOBODY_SPECIAL, LOAN))
                .contains("voluntary-service-fee-waiver"));
        assertFalse(rules(candidates("VOLUNTARY", "MEDIUM", "0.4", List.of("asked for a payoff quote once"), NOBODY_SPECIAL, LOAN))
                .contains("voluntary-service-fee-waiver"));
    }

    @Test
    void relationshipManagerCallForHighRiskOnGoldOrPlatinumCustomers() {
        var gold = candidates("VOLUNTARY", "HIGH", "0.6", List.of("asked for a payoff quote twice"), new Playbook.CustomerFacts("GOLD", "A", false), LOAN);
        assertEquals(new BigDecimal("80.00"), of(gold, "premium-relationship-manager-call").estimate().cost());
        assertTrue(rules(candidates("INVOLUNTARY", "CRITICAL", "0.9", List.of("31 days past due"),
                new Playbook.CustomerFacts("PLATINUM", "C", false), LOAN)).contains("premium-relationship-manager-call"));
        assertFalse(rules(candidates("VOLUNTARY", "HIGH", "0.6", List.of(), new Playbook.CustomerFacts("SILVER", "A", false), LOAN))
                .contains("premium-relationship-manager-call"));
        assertFalse(rules(candidates("VOLUNTARY", "HIGH", "0.6", List.of(), Playbook.CustomerFacts.UNKNOWN, LOAN))
                .contains("premium-relationship-manager-call"), "no tier known: no match");
        assertFalse(rules(candidates("VOLUNTARY", "MEDIUM", "0.4", List.of(), new Playbook.CustomerFacts("GOLD", "A", false), LOAN))
                .contains("premium-relationship-manager-call"));
    }

    @Test
    void conditionsDisabledRulesGradesAndMinimumScore() {
        PlaybookRule.Action waive = new PlaybookRule.Action(InterventionKind.FEE_WAIVER, null, null, null, null, null, null, null,
                new BigDecimal("10"), null, new BigDecimal("0.1"));
        PlaybookRule graded = new PlaybookRule("graded", "grades A and B, score 0.5+", 1, true,
                new PlaybookRule.Conditions(null, null, null, null, List.of("A", "B"), null, new BigDecimal("0.5")), waive);
        PlaybookRule off = new PlaybookRule("off", "disabled", 0, false, PlaybookRule.Conditions.none(), waive);
        Playbook.AlertFacts high = new Playbook.AlertFacts("VOLUNTARY", "HIGH", new BigDecimal("0.6"), List.of(), AS_OF);
        Playbook.AlertFacts low = new Playbook.AlertFacts("VOLUNTARY", "HIGH", new BigDecimal("0.4"), List.of(), AS_OF);
        assertEquals(List.of("graded"), rules(Playbook.candidates(List.of(graded, off), high, new Playbook.CustomerFacts(null, "b", false), LOAN, Playbook.CreditFacts.UNKNOWN, LGD)),
                "grades compare case-insensitively; a disabled rule never matches");
        assertTrue(Playbook.candidates(List.of(graded), high, new Playbook.CustomerFacts(null, "C", false), LOAN, Playbook.CreditFacts.UNKNOWN, LGD).isEmpty());
        assertTrue(Playbook.candidates(List.of(graded), low, new Playbook.CustomerFacts(null, "A", false), LOAN, Playbook.CreditFacts.UNKNOWN, LGD).isEmpty());
    }
}
