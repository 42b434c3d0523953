package com.lendkeep.retention.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.lendkeep.retention.domain.InterventionKind;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every retention policy knob, documented in docs/retention.md. */
@ConfigMapping(prefix = "retention")
public interface RetentionConfig {

    ControlGroup controlGroup();

    Approval approval();

    Budget budget();

    Eligibility eligibility();

    Contact contact();

    Offers offers();

    Tasks tasks();

    Outcomes outcomes();

    Report report();

    Value value();

    Cases cases();

    Overdue overdue();

    interface ControlGroup {
        /** Share of alerted customers held out, 0..1. */
        @WithDefault("0.10")
        double share();

        /** Changing the salt re-draws the groups; keep it fixed for a running experiment. */
        @WithDefault("lendkeep-2026")
        String salt();
    }

    interface Approval {
        /** An intervention whose estimated cost is above this needs a person's approval (four eyes). */
        @WithDefault("500.00")
        BigDecimal threshold();

        /** Kinds a person approves whatever their cost (forbearance changes the borrower's obligations: never the system alone). */
        @WithDefault("PAYMENT_EXTENSION,PAYMENT_HOLIDAY,RESTRUCTURING")
        List<InterventionKind> alwaysKinds();

        /** Hours a person has to approve or reject a proposal before it is overdue (RETENTION_ITEM_OVERDUE). */
        @WithDefault("48")
        int dueHours();
    }

    interface Overdue {
        /** How often overdue approvals and tasks are escalated and waiting cases checked (scheduler "every" syntax). */
        @WithDefault("5m")
        String checkEvery();
    }

    interface Cases {
        /** How long a case waits for its loan's LOAN_OPENED before it is decided on what is known (LOAN_TERMS_MISSING). */
        @WithDefault("PT1H")
        java.time.Duration loanWait();
    }

    interface Value {
        /** Share of the exposure lost when a loan defaults (Basel foundation IRB, senior unsecured: 0.45). */
        @WithDefault("0.45")
        BigDecimal lossGivenDefault();
    }

    interface Budget {
        @WithDefault("MONTH")
        BudgetPeriod period();

        /** Estimated cost that the proposals of one period may commit, all customers together. */
        @WithDefault("50000.00")
        BigDecimal limit();
    }

    enum BudgetPeriod {
        MONTH, QUARTER, YEAR
    }

    interface Eligibility {
        /** Loan relief interventions (any kind) per customer in the 12 months before the alert. */
        @WithDefault("2")
        int reliefPerCustomerPerYear();

        /** Tighter yearly limits for some kinds, keyed by kind name, e.g. RESTRUCTURING=1. */
        Map<String, Integer> perKindPerYear();

        /** Forbearance measures: not offered again while the loan is in forbearance probation. */
        @WithDefault("PAYMENT_EXTENSION,PAYMENT_HOLIDAY,RESTRUCTURING")
        List<InterventionKind> forbearanceKinds();

        /** Credit grades that get no rate discount (loyalty rate, competitor match); customer-service grades A, B, C. */
        @WithDefault("C")
        List<String> noRateOffersForGrades();

        /** Tiers whose customers get relationship-manager calls; customer-service tiers GOLD, SILVER, STANDARD. */
        @WithDefault("GOLD,PLATINUM")
        List<String> relationshipManagerTiers();

        /** Rate discounts (loyalty rate, competitor match) only for loans at most this many days past due (the first bucket). */
        @WithDefault("30")
        int rateOffersMaxDaysPastDue();
    }

    interface Contact {
        /** Channels used while customer-service has sent no contact preferences for the customer. */
        @WithDefault("EMAIL,LETTER,PHONE")
        List<String> defaultChannels();

        /** The first allowed channel in this order carries an offer. */
        @WithDefault("APP,EMAIL,SMS,PHONE,LETTER,BRANCH")
        List<String> channelPreference();

        /** Channels a relationship-manager call can use (it is a conversation). */
        @WithDefault("PHONE,BRANCH")
        List<String> conversationChannels();

        /** At most this many offers per customer per window. */
        @WithDefault("2")
        int maxOffers();

        @WithDefault("30")
        int windowDays();
    }

    interface Offers {
        /** Offer an approved intervention at once when the contact policy allows it. */
        @WithDefault("true")
        boolean autoOffer();

        /** Days an offer stays open before the expiry job expires it. */
        @WithDefault("14")
        int validityDays();

        /** How often the expiry job runs (Quarkus scheduler "every" syntax, e.g. 15m). */
        @WithDefault("15m")
        String expiryEvery();
    }

    interface Tasks {
        /** Days from acceptance to a task's due date. */
        @WithDefault("5")
        int dueDays();

        /** Queue (owner) of new tasks, keyed by kind name. */
        Map<String, String> owner();
    }

    interface Outcomes {
        /** Days past due at which a loan is in default (EBA/Basel: 90): involuntary churn. */
        @WithDefault("90")
        int defaultDaysPastDue();

        /** Days from the first alert during which default, charge-off or distressed restructuring counts as churn. */
        @WithDefault("365")
        int involuntaryWindowDays();

        /** Days from the first alert during which a payoff closure or an unrenewed maturity counts as churn. */
        @WithDefault("180")
        int voluntaryWindowDays();

        /** A loan that matured counts as voluntary churn when the customer opened no new loan within this many days. */
        @WithDefault("30")
        int renewalDays();

        /** LOAN_CLOSED closures that are voluntary churn (payoff, prepayment, refinancing elsewhere). */
        @WithDefault("PREPAID,REFINANCED,PAID_OFF")
        List<String> voluntaryClosures();

        /** LOAN_CLOSED closures that are involuntary churn. */
        @WithDefault("CHARGED_OFF,WRITTEN_OFF")
        List<String> involuntaryClosures();

        /** LOAN_CLOSED closures at maturity: churn only when not renewed. */
        @WithDefault("REPAID,MATURED")
        List<String> maturedClosures();

        /** LOAN_MODIFIED types that are a distressed restructuring when the concession is large enough. */
        @WithDefault("RESTRUCTURING,TERM_EXTENSION")
        List<String> distressedRestructuringTypes();

        /** Concession / exposure from which such a modification is distressed (EBA: diminished obligation above 1 %). */
        @WithDefault("0.01")
        BigDecimal distressedMinConcessionShare();
    }

    interface Report {
        /** Decided customers each compared group needs before the report draws a recommendation from it. */
        @WithDefault("100")
        int minimumGroup();
    }
}
