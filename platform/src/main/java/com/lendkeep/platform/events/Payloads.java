package com.lendkeep.platform.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The payloads ({@code data}) of each {@link EventType}, schema version 1. Consumers validate them
 * with Bean Validation; a payload that fails goes to the dead-letter topic.
 */
public final class Payloads {
    private Payloads() {
    }

    public record CustomerRegistered(@NotNull UUID customerId, @NotBlank String customerType,
            String segment, LocalDate relationshipSince) {
    }

    /** @param reason the rule that produced the new tier, e.g. "gold: exposure 2.4M >= 2M" */
    public record TierChanged(String previousTier, @NotBlank String newTier, @NotBlank String reason) {
    }

    /** @param reason the rule that produced the new grade */
    public record GradeChanged(String previousGrade, @NotBlank String newGrade, @NotBlank String reason) {
    }

    /** A period during which the customer must not be contacted (both dates included). */
    public record QuietPeriod(@NotNull LocalDate from, @NotNull LocalDate to, String reason) {
    }

    /**
     * @param allowedChannels channels offers may use (PHONE, EMAIL, SMS, APP, LETTER, BRANCH); empty means none
     */
    public record ContactPreferencesChanged(boolean doNotContact, @NotNull List<String> allowedChannels,
            @NotNull List<@jakarta.validation.Valid QuietPeriod> quietPeriods) {
    }

    public record CustomerErased(@NotNull java.time.Instant erasedAt) {
    }

    public record CreditScoreChanged(@NotBlank String bureau, Integer previousScore, @NotNull @Min(0) @Max(1000) Integer newScore,
            Integer change, @NotNull LocalDate scoreDate) {
    }

    /**
     * @param outcome      the contact note's text: null from customer-service (personal free text stays in its
     *                     contact log, never on a topic); kept for events written before
     * @param noteRecorded whether the contact log holds a note for this contact; null from older producers
     */
    public record ContactLogged(@NotNull UUID contactId, @NotBlank String kind, @NotBlank String topic,
            @NotBlank String channel, @Min(1) @Max(5) Integer satisfaction, String outcome, @NotNull LocalDate contactDate,
            Boolean noteRecorded) {

        public ContactLogged(UUID contactId, String kind, String topic, String channel, Integer satisfaction, String outcome,
                LocalDate contactDate) {
            this(contactId, kind, topic, channel, satisfaction, outcome, contactDate, null);
        }
    }

    /** @param outcome REJECTED or WITHDRAWN */
    public record LoanApplicationClosed(@NotNull UUID applicationId, @NotBlank String outcome, @NotBlank String reason,
            @NotNull @PositiveOrZero @Money BigDecimal amountRequested) {
    }

    /**
     * @param previousBucket  null when the loan was current; newBucket null when it is current again
     * @param overdueAmount   everything overdue, fees included
     * @param feesOutstanding the loan's unpaid fees (part of overdueAmount when due); null from senders that do not know
     */
    public record DelinquencyChanged(@NotNull UUID loanId, String previousBucket, String newBucket, @PositiveOrZero int daysPastDue,
            @NotNull @PositiveOrZero @Money BigDecimal overdueAmount, @PositiveOrZero @Money BigDecimal feesOutstanding) {

        public DelinquencyChanged(UUID loanId, String previousBucket, String newBucket, int daysPastDue, BigDecimal overdueAmount) {
            this(loanId, previousBucket, newBucket, daysPastDue, overdueAmount, null);
        }
    }

    public record LoanOpened(@NotNull UUID loanId, @NotNull @DecimalMin("0.01") @Money BigDecimal principal,
            @NotNull BigDecimal annualRate, @Min(1) int termMonths, @NotNull LocalDate startDate,
            @NotNull @Money BigDecimal installmentAmount) {
    }

    /**
     * @param interventionId set when the modification came from an accepted retention intervention
     * @param annualRate     the loan's annual rate after the modification
     * @param concession     what the customer owes less because of this modification (interest or fees waived),
     *                       0.00 when everything was capitalised or deferred; null from senders that do not know
     * @param feesOutstanding the loan's unpaid fees after the modification; null when unknown
     */
    public record LoanModified(@NotNull UUID loanId, @NotBlank String modificationType, UUID interventionId,
            @Min(1) int scheduleVersion, String description, LocalDate forbearanceUntil,
            List<LocalDate> remainingDueDates, @PositiveOrZero BigDecimal annualRate,
            @PositiveOrZero @Money BigDecimal concession, @PositiveOrZero @Money BigDecimal feesOutstanding) {

        public LoanModified(UUID loanId, String modificationType, UUID interventionId, int scheduleVersion, String description,
                LocalDate forbearanceUntil, List<LocalDate> remainingDueDates, BigDecimal annualRate) {
            this(loanId, modificationType, interventionId, scheduleVersion, description, forbearanceUntil, remainingDueDates,
                    annualRate, null, null);
        }

        /** Without the rate (senders that do not know it); consumers then keep the rate they had. */
        public LoanModified(UUID loanId, String modificationType, UUID interventionId, int scheduleVersion, String description,
                LocalDate forbearanceUntil, List<LocalDate> remainingDueDates) {
            this(loanId, modificationType, interventionId, scheduleVersion, description, forbearanceUntil, remainingDueDates, null);
        }
    }

    /**
     * @param requestedBy the token's user who asked, or the system that did
     * @param quoteDate   the value date of the quote
     */
    public record PayoffQuoted(@NotNull UUID loanId, @NotNull LocalDate quoteDate, @NotNull @PositiveOrZero @Money BigDecimal payoffAmount,
            @NotNull @PositiveOrZero @Money BigDecimal outstandingPrincipal, String requestedBy) {
    }

    /** @param totalRecovered everything recovered on the loan since its charge-off, this amount included */
    public record LoanRecoveryReceived(@NotNull UUID loanId, @NotNull @DecimalMin("0.01") @Money BigDecimal amount,
            @NotNull LocalDate receivedOn, @NotNull @PositiveOrZero @Money BigDecimal totalRecovered) {
    }

    public record BusinessDateChanged(@NotNull LocalDate businessDate, LocalDate previousDate) {
    }

    public record LoanModificationRejected(@NotNull UUID loanId, @NotNull UUID interventionId, @NotBlank String reason) {
    }

    /** @param writtenOffFees fees written off at closure; null from senders that do not know */
    public record LoanClosed(@NotNull UUID loanId, @NotBlank String closure, @NotNull LocalDate closedOn,
            @NotNull @PositiveOrZero @Money BigDecimal unrecoveredPrincipal, @NotNull @PositiveOrZero @Money BigDecimal unrecoveredInterest,
            @PositiveOrZero @Money BigDecimal writtenOffFees) {

        public LoanClosed(UUID loanId, String closure, LocalDate closedOn, BigDecimal unrecoveredPrincipal,
                BigDecimal unrecoveredInterest) {
            this(loanId, closure, closedOn, unrecoveredPrincipal, unrecoveredInterest, null);
        }
    }

    /**
     * A repayment record as a core banking system knows it; this is the contract for anyone
     * publishing to {@link Topics#REPAYMENT_EVENTS}.
     *
     * @param creditLimit   only for revolving products; null for instalment loans
     * @param interestPaid  the part of amountPaid that went to interest, when the sender knows it
     * @param principalPrepaid the part of amountPaid that repaid principal before it was due (a partial
     *                      prepayment); null when the sender does not know
     * @param feesOutstanding the loan's unpaid fees after the repayment; null when unknown
     */
    public record RepaymentReceived(@NotNull UUID loanId, @NotNull LocalDate paidOn, LocalDate dueDate,
            @NotNull @PositiveOrZero @Money BigDecimal amountDue, @NotNull @PositiveOrZero @Money BigDecimal amountPaid,
            @PositiveOrZero int daysPastDue, boolean onTime, @NotNull @PositiveOrZero @Money BigDecimal outstanding,
            @PositiveOrZero @Money BigDecimal creditLimit, @PositiveOrZero @Money BigDecimal interestPaid,
            @PositiveOrZero @Money BigDecimal principalPrepaid, @PositiveOrZero @Money BigDecimal feesOutstanding) {

        public RepaymentReceived(UUID loanId, LocalDate paidOn, LocalDate dueDate, BigDecimal amountDue, BigDecimal amountPaid,
                int daysPastDue, boolean onTime, BigDecimal outstanding, BigDecimal creditLimit, BigDecimal interestPaid) {
            this(loanId, paidOn, dueDate, amountDue, amountPaid, daysPastDue, onTime, outstanding, creditLimit, interestPaid,
                    null, null);
        }
    }

    /** A repayment reversed (bounced): what it had paid is owed again. */
    public record RepaymentReversed(@NotNull UUID loanId, @NotNull UUID repaymentId, @NotNull @DecimalMin("0.01") @Money BigDecimal amount,
            @NotNull LocalDate reversedOn, @NotBlank String reason, @PositiveOrZero int daysPastDue,
            @NotNull @PositiveOrZero @Money BigDecimal outstanding) {
    }

    /**
     * @param amountDue       what the missed installment asks, fees included (as in every event)
     * @param feesOutstanding the loan's unpaid fees; null when unknown
     */
    public record PaymentMissed(@NotNull UUID loanId, @Min(1) int installmentNumber, @NotNull LocalDate dueDate,
            @NotNull @PositiveOrZero @Money BigDecimal amountDue, @PositiveOrZero int daysPastDue,
            @PositiveOrZero int consecutiveMissed, @NotNull @PositiveOrZero @Money BigDecimal outstanding,
            @PositiveOrZero @Money BigDecimal feesOutstanding) {

        public PaymentMissed(UUID loanId, int installmentNumber, LocalDate dueDate, BigDecimal amountDue, int daysPastDue,
                int consecutiveMissed, BigDecimal outstanding) {
            this(loanId, installmentNumber, dueDate, amountDue, daysPastDue, consecutiveMissed, outstanding, null);
        }
    }

    public record ChurnRiskAlertRaised(@NotNull UUID alertId, @NotBlank String churnType, @NotBlank String level,
            @NotNull @DecimalMin("0") BigDecimal score, @NotNull List<String> reasons, @NotBlank String modelVersion,
            UUID loanId) {
    }

    /** An open alert whose level or top reason changed; {@code previousLevel} is the level it had. */
    public record ChurnRiskAlertUpdated(@NotNull UUID alertId, @NotBlank String churnType, @NotBlank String previousLevel,
            @NotBlank String level, @NotNull @DecimalMin("0") BigDecimal score, @NotNull List<String> reasons,
            @NotBlank String modelVersion, UUID loanId) {
    }

    public record ChurnRiskAlertCleared(@NotNull UUID alertId, @NotBlank String churnType, @NotNull BigDecimal score) {
    }

    /**
     * Loan relief the customer accepted, for loan-service to apply. Which fields matter depends on
     * {@code kind}: PAYMENT_EXTENSION (extensionMonths), LOYALTY_RATE / COMPETITOR_RATE_MATCH
     * (newAnnualRate), RESTRUCTURING (newAnnualRate and/or newTermMonths), PAYMENT_HOLIDAY
     * (holidayMonths), FEE_WAIVER (feeWaived).
     */
    /** @param item APPROVAL or TASK */
    public record RetentionItemOverdue(@NotNull UUID itemId, @NotBlank String item, UUID interventionId,
            @NotNull java.time.Instant dueAt, String owner) {
    }

    public record InterventionAccepted(@NotNull UUID interventionId, @NotNull UUID loanId, @NotBlank String kind,
            @PositiveOrZero int extensionMonths, BigDecimal newAnnualRate, @Min(1) Integer newTermMonths,
            @Min(1) Integer holidayMonths, @PositiveOrZero @Money BigDecimal feeWaived) {
    }
}
