package com.lendkeep.customer.config;

import java.math.BigDecimal;
import java.util.Map;

import com.lendkeep.customer.domain.VolatilityClass;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The customer 360's rules; values and their meaning are in application.properties and README.md. */
@ConfigMapping(prefix = "customer")
public interface CustomerConfig {

    Tier tier();

    Grade grade();

    Industry industry();

    Depth depth();

    Stage stage();

    Reassess reassess();

    Overview overview();

    Listing list();

    ReadCache readCache();

    Erasure erasure();

    interface Erasure {
        /** How long after the last loan closed personal data is kept before it may be erased (ISO-8601 period). */
        @WithDefault("P5Y")
        java.time.Period retentionPeriod();
    }

    interface Tier {
        Thresholds gold();

        Thresholds silver();

        /** Share of today's outstanding that an amortizing loan averages over its remaining term. */
        @WithDefault("0.5")
        BigDecimal amortizationFactor();

        /** From this many days past due a loan is non-performing: its exposure and borrowing no longer count. */
        @WithDefault("90")
        int nonPerformingDaysPastDue();
    }

    /** A tier is reached when any one of these is met. */
    interface Thresholds {
        BigDecimal exposure();

        BigDecimal totalBorrowed();

        BigDecimal interestIncome();

        BigDecimal lifetimeValue();

        int products();
    }

    interface Grade {
        int aMinScore();

        int bMinScore();

        /** Below this coverage of the exposure by collateral (after haircut) the grade drops one step. */
        BigDecimal minCoverage();

        /** By collateral type name; a type not listed has no haircut. */
        Map<String, BigDecimal> collateralHaircut();

        /** Arrears of this many days past due on any loan take one grade off. */
        @WithDefault("30")
        int arrearsDaysPastDue();

        /** Arrears of this many days past due (non-performing) give C. */
        @WithDefault("90")
        int severeArrearsDaysPastDue();

        /** A loan charged off within this many years gives C. */
        @WithDefault("6")
        int chargeOffLookbackYears();
    }

    interface Industry {
        @WithDefault("MODERATE")
        VolatilityClass defaultVolatility();

        /** By normalized industry name (upper case, '_' between words). */
        Map<String, VolatilityClass> volatility();
    }

    interface Depth {
        int longTenureYears();

        int mediumTenureYears();

        int multiProduct();

        /** Contacts in the last 12 months that count as frequent. */
        int frequentContacts();

        int repeatLoans();

        int deepPoints();

        int moderatePoints();
    }

    interface Stage {
        int initialMonths();

        int matureYears();

        int recentBorrowingMonths();

        int prepaidLookbackMonths();
    }

    interface Reassess {
        String cron();

        /** How often to look for customers assessed for a date before the business date (a Quarkus duration, or off). */
        @WithDefault("30s")
        String dateCheck();

        @WithDefault("200")
        int batchSize();
    }

    interface Listing {
        /**
         * Offset paging reads and skips every row before the page; beyond this many rows the list
         * must be read by keyset ({@code after}), whose cost does not grow with the position.
         */
        @WithDefault("10000")
        int maxOffset();
    }

    interface ReadCache {
        /**
         * Customers whose GET /customers/{id} answer is kept in memory (the JSON, about 2 KB each);
         * 0 turns the cache off. Entries are dropped when PostgreSQL reports a change of the row.
         */
        @WithDefault("5000")
        int maxSize();
    }

    interface Overview {
        @WithDefault("12")
        int scorePoints();

        @WithDefault("10")
        int recentContacts();
    }
}
