package com.lendkeep.retention.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.lendkeep.retention.domain.InterventionKind;

/** Each eligibility rule on its own, and the budget cap. */
class EligibilityTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-03-01");
    static final Playbook.AlertFacts ALERT = new Playbook.AlertFacts("INVOLUNTARY", "HIGH", new BigDecimal("0.7"), List.of(), AS_OF);
    static final Playbook.CustomerFacts CUSTOMER = new Playbook.CustomerFacts("GOLD", "B", false);
    static final Eligibility.Limits LIMITS = new Eligibility.Limits(2, Map.of(InterventionKind.RESTRUCTURING, 1),
            EnumSet.of(InterventionKind.PAYMENT_EXTENSION, InterventionKind.PAYMENT_HOLIDAY, InterventionKind.RESTRUCTURING),
            Set.of("D", "E"), Set.of("GOLD", "PLATINUM"), 30);
    static final Terms EXTENSION = new Terms(3, null, null, null, null);

    static LoanTerms loan(LocalDate forbearanceUntil, String closure) {
        return new LoanTerms(UUID.randomUUID(), new BigDecimal("0.08"), LocalDate.parse("2026-01-01"), new BigDecimal("12000.00"), 12,
                forbearanceUntil, null, closure);
    }

    static List<String> reasons(InterventionKind kind, Terms terms, Playbook.CustomerFacts customer, LoanTerms loan, Eligibility.History history) {
        return reasons(kind, terms, customer, loan, history, new Playbook.CreditFacts(0, new BigDecimal("75.00"), null));
    }

    static List<String> reasons(InterventionKind kind, Terms terms, Playbook.CustomerFacts customer, LoanTerms loan, Eligibility.History history,
            Playbook.CreditFacts credit) {
        return Eligibility.reasons(kind, terms, ALERT, customer, loan != null, loan, credit, history, LIMITS);
    }

    @Test
    void aFeeWaiverNeedsUnpaidFees() {
        // the reproduction: a fee waiver proposed for a loan with no unpaid fees, then FAILED in loan-service
        Terms waiver = new Terms(null, null, null, null, new BigDecimal("75"));
        assertEquals(List.of("the loan has no unpaid fees: nothing to waive"), reasons(InterventionKind.FEE_WAIVER, waiver, CUSTOMER,
                loan(null, null), Eligibility.History.NONE, new Playbook.CreditFacts(0, new BigDecimal("0.00"), null)));
        assertEquals(List.of("unpaid fees unknown: no loan event has reported feesOutstanding, and a fee waiver needs unpaid fees"),
                reasons(InterventionKind.FEE_WAIVER, waiver, CUSTOMER, loan(null, null), Eligibility.History.NONE, Playbook.CreditFacts.UNKNOWN));
        assertEquals(List.of(), reasons(InterventionKind.FEE_WAIVER, waiver, CUSTOMER, loan(null, null), Eligibility.History.NONE,
                new Playbook.CreditFacts(0, new BigDecimal("20.00"), null)));
    }

    @Test
    void noRateDiscountBeyondTheArrearsBucket() {
        // the reproduction: a competitor rate match proposed to a customer 66 days past due
        Terms match = new Terms(null, null, new BigDecimal("0.065"), null, null);
        assertEquals(List.of("the loan is 66 days past due: no rate discount beyond 30 days past due (arrears call for forbearance, not pricing)"),
                reasons(InterventionKind.COMPETITOR_RATE_MATCH, match, CUSTOMER, loan(null, null), Eligibility.History.NONE,
                        new Playbook.CreditFacts(66, null, null)));
        assertEquals(List.of(), reasons(InterventionKind.LOYALTY_RATE, match, CUSTOMER, loan(null, null), Eligibility.History.NONE,
                new Playbook.CreditFacts(30, null, null)), "30 days past due is within the first bucket");
        assertEquals(List.of(), reasons(InterventionKind.PAYMENT_EXTENSION, EXTENSION, CUSTOMER, loan(null, null), Eligibility.History.NONE,
                new Playbook.CreditFacts(66, null, null)), "forbearance is what arrears call for");
    }

    @Test
    void anOpenLoanWithNoHistoryIsEligible() {
        assertEquals(List.of(), reasons(InterventionKind.PAYMENT_EXTENSION, EXTENSION, CUSTOMER, loan(null, null), Eligibility.History.NONE));
    }

    @Test
    void noReliefOnAClosedOrChargedOffLoan() {
        assertEquals(List.of("the loan is closed (CHARGED_OFF): no relief on a closed loan"),
                reasons(InterventionKind.PAYMENT_EXTENSION, EXTENSION, CUSTOMER, loan(null, "CHARGED_OFF"), Eligibility.History.NONE));
        assertEquals(List.of(), reasons(InterventionKind.FINANCIAL_COUNSELLING, Terms.NONE, CUSTOMER, loan(null, "CHARGED_OFF"),
                Eligibility.History.NONE), "counselling is not loan relief");
    }

    @Test
    void reliefNeedsALoan() {
        assertEquals(List.of("the alert names no loan: loan relief needs one"),
                reasons(InterventionKind.FEE_WAIVER, new Terms(null, null, null, null, BigDecimal.TEN), CUSTOMER, null, Eligibility.History.NONE));
    }

    @Test
    void noSecondForbearanceMeasureDuringProbation() {
        LoanTerms inProbation = loan(LocalDate.parse("2028-02-01"), null);
        List<String> r = reasons(InterventionKind.RESTRUCTURING, new Terms(null, null, new BigDecimal("0.07"), 24, null), CUSTOMER, inProbation,
                Eligibility.History.NONE);
        assertEquals(List.of("the loan is in forbearance probation until 2028-02-01: no second forbearance measure (RESTRUCTURING) during probation"), r);
        assertTrue(reasons(InterventionKind.PAYMENT_EXTENSION, EXTENSION, CUSTOMER, inProbation, Eligibility.History.NONE).get(0)
                .contains("forbearance probation"));
        assertEquals(List.of(), reasons(InterventionKind.LOYALTY_RATE, new Terms(null, null, new BigDecimal("0.07"), null, null), CUSTOMER,
                inProbation, Eligibility.History.NONE), "a rate discount is not forbearance");
        assertEquals(List.of(), reasons(InterventionKind.PAYMENT_EXTENSION, EXTENSION, CUSTOMER, loan(LocalDate.parse("2026-02-28"), null),
                Eligibility.History.NONE), "probation ended the day before the alert");
    }

    @Test
    void yearlyLimitsPerCustomerOverallAndPerKind() {
        assertEquals(List.of("the customer had 2 loan relief intervention(s) in the 12 months before 2026-03-01 (limit 2)"),
                reasons(InterventionKind.PAYMENT_EXTENSION, EXTENSION, CUSTOMER, loan(null, null),
                        new Eligibility.History(2, Map.of(InterventionKind.LOYALTY_RATE, 2))));
        assertEquals(List.of("the customer had 1 RESTRUCTURING in the 12 months before 2026-03-01 (limit 1)"),
                reasons(InterventionKind.RESTRUCTURING, new Terms(null, null, null, 24, null), CUSTOMER, loan(null, null),
                        new Eligibility.History(1, Map.of(InterventionKind.RESTRUCTURING, 1))));
    }

    @Test
    void gradeConditionNoRateDiscountForWeakGrades() {
        Terms rate = new Terms(null, null, new BigDecimal("0.07"), null, null);
        assertEquals(List.of("grade D gets no rate discount (grades [D, E])".replace("[D, E]", LIMITS.noRateOfferGrades().toString())),
                reasons(InterventionKind.COMPETITOR_RATE_MATCH, rate, new Playbook.CustomerFacts("GOLD", "D", false), loan(null, null),
                        Eligibility.History.NONE));
        assertEquals(List.of(), reasons(InterventionKind.LOYALTY_RATE, rate, new Playbook.CustomerFacts(null, null, false), loan(null, null),
                Eligibility.History.NONE), "an unknown grade is not excluded");
    }

    @Test
    void tierConditionRelationshipManagerCallsForPremiumTiers() {
        assertEquals(List.of(), reasons(InterventionKind.RELATIONSHIP_MANAGER_CALL, Terms.NONE, CUSTOMER, null, Eligibility.History.NONE));
        assertTrue(reasons(InterventionKind.RELATIONSHIP_MANAGER_CALL, Terms.NONE, new Playbook.CustomerFacts("SILVER", "A", false), null,
                Eligibility.History.NONE).get(0).startsWith("tier SILVER: relationship-manager calls are for tiers"));
        assertTrue(reasons(InterventionKind.RELATIONSHIP_MANAGER_CALL, Terms.NONE, Playbook.CustomerFacts.UNKNOWN, null,
                Eligibility.History.NONE).get(0).startsWith("tier unknown"));
    }

    @Test
    void anOfferMustImproveTheTerms() {
        assertEquals(List.of("the offered rate 0.08 is not below the loan's rate 0.08"),
                reasons(InterventionKind.LOYALTY_RATE, new Terms(null, null, new BigDecimal("0.08"), null, null), CUSTOMER, loan(null, null),
                        Eligibility.History.NONE));
        assertEquals(List.of("the restructuring neither lowers the rate (0.08) nor lengthens the term (10 installments left)"),
                reasons(InterventionKind.RESTRUCTURING, new Terms(null, null, null, 10, null), CUSTOMER, loan(null, null), Eligibility.History.NONE));
    }

    @Test
    void anErasedCustomerGetsNothing() {
        assertEquals(List.of("the customer was erased: no intervention"), reasons(InterventionKind.FINANCIAL_COUNSELLING, Terms.NONE,
                new Playbook.CustomerFacts(null, null, true), loan(null, null), Eligibility.History.NONE));
    }

    @Test
    void budgetCapProposalsCannotExceedThePeriodsLimit() {
        assertNull(Eligibility.overBudget("2026-03", new BigDecimal("800.00"), new BigDecimal("200.00"), new BigDecimal("1000.00")),
                "exactly at the limit is allowed");
        assertEquals("over budget: 800.01 of 1000.00 committed in 2026-03, this would add 200.00",
                Eligibility.overBudget("2026-03", new BigDecimal("800.01"), new BigDecimal("200.00"), new BigDecimal("1000.00")));
    }

    @Test
    void budgetPeriods() {
        assertEquals(new BudgetPeriods.Range("2026-03", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")),
                BudgetPeriods.of(com.lendkeep.retention.config.RetentionConfig.BudgetPeriod.MONTH, LocalDate.parse("2026-03-17")));
        assertEquals(new BudgetPeriods.Range("2026-Q1", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31")),
                BudgetPeriods.of(com.lendkeep.retention.config.RetentionConfig.BudgetPeriod.QUARTER, LocalDate.parse("2026-03-17")));
        assertEquals("2026", BudgetPeriods.of(com.lendkeep.retention.config.RetentionConfig.BudgetPeriod.YEAR, LocalDate.parse("2026-03-17")).key());
    }
}
