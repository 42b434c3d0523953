package com.lendkeep.loan.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** loan-service's business rules; every key is documented in loan-service/README.md. */
@ConfigMapping(prefix = "loan")
public interface LoanConfig {

    Delinquency delinquency();

    Forbearance forbearance();

    ChargeOff chargeOff();

    Fees fees();

    Booking booking();

    Flexible flexible();

    CloseOfBusiness closeOfBusiness();

    BusinessDate businessDate();

    interface Delinquency {
        /** Days after a due date before an unpaid installment becomes OVERDUE (and still counts as on time). */
        @WithDefault("0")
        int graceDays();

        /** First day past due of each bucket, ascending: 1,31,61,91 gives 1-30, 31-60, 61-90, 91+. */
        @WithDefault("1,31,61,91")
        List<Integer> bucketStarts();
    }

    interface Forbearance {
        /** A forborne loan stays flagged this long after the modification (EBA: two years). */
        @WithDefault("24")
        int probationMonths();
    }

    interface ChargeOff {
        /** Close of business charges off a loan this many days past due; 0 turns automatic charge-off off. */
        @WithDefault("180")
        int daysPastDue();
    }

    interface Fees {
        /** Late fee charged on an installment when it becomes OVERDUE, for loans booked without one. */
        @WithDefault("0.00")
        BigDecimal lateFee();
    }

    interface Booking {
        /** No installment of a new schedule may be below this: refuses terms so long that installments vanish. */
        @WithDefault("1.00")
        BigDecimal minInstallment();

        /**
         * A loan (or a disbursement) may start at most this many months before or after the business
         * date. Bringing an existing book over is an import of each loan's current state, not a
         * back-dated booking that close of business would then treat as years in arrears.
         */
        @WithDefault("12")
        int startDateWindowMonths();
    }

    interface Flexible {
        /** A flexible plan may repay at most this share of the principal in one period (above it, use a balloon). */
        @WithDefault("0.5")
        BigDecimal maxPeriodShare();
    }

    interface CloseOfBusiness {
        /** Cron of the daily close of business; "off" disables the scheduler (POST /business-date still works). */
        @WithDefault("0 5 0 * * ?")
        String cron();

        /** The scheduler moves the business date up to today's date in this time zone, never further. */
        @WithDefault("UTC")
        String zone();

        /** Loans closed per transaction: a crash loses at most one chunk's work, which the next run redoes. */
        @WithDefault("500")
        int chunkSize();
    }

    interface BusinessDate {
        /**
         * How long a transaction that never reads the business date may stamp its events with the
         * cached one (another instance may have moved it; this instance's own close of business
         * refreshes the cache at once).
         */
        @WithDefault("PT1S")
        Duration cacheTtl();
    }
}
