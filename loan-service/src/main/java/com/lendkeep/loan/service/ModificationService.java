package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanModification;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.repository.LoanModificationRepository;
import com.lendkeep.loan.schedule.Payoff;
import com.lendkeep.loan.service.modification.LoanModifier;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

import io.quarkus.logging.Log;

/**
 * Loan modifications (docs/loan-arithmetic.md, section 10). Each kind is a {@link LoanModifier}
 * (package {@code service.modification}); this class checks, conserves and records. Each one changes the schedule, stores a
 * {@code loan_modification} row and a new schedule version, emits LOAN_MODIFIED, and moves the loan
 * to the delinquency bucket it now has. Extension, term extension, restructuring and payment
 * holiday are forbearance: the loan is flagged until the business date plus the probation period.
 * <p>
 * Every rule is checked before anything is changed, so that a refusal from an accepted
 * intervention can be answered with LOAN_MODIFICATION_REJECTED in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ModificationService {

    private static final String RETENTION = "retention-service";
    private static final int MAX_TERM = 480;

    private final EntityManager em;
    private final LoanModificationRepository modifications;
    private final BusinessCalendar calendar;
    private final LoanService loanService;
    private final Map<ModificationKind, LoanModifier> modifiers = new EnumMap<>(ModificationKind.class);
    private final DelinquencyService delinquency;
    private final Outbox outbox;
    private final CloseOfBusinessCatchUp catchUp;
    private final int probationMonths;

    public ModificationService(EntityManager em, LoanModificationRepository modifications, BusinessCalendar calendar,
            LoanService loanService, Instance<LoanModifier> kinds, DelinquencyService delinquency, Outbox outbox, LoanConfig config,
            CloseOfBusinessCatchUp catchUp) {
        this.em = em;
        this.catchUp = catchUp;
        this.modifications = modifications;
        this.calendar = calendar;
        this.loanService = loanService;
        kinds.forEach(k -> modifiers.put(k.kind(), k));
        this.delinquency = delinquency;
        this.outbox = outbox;
        this.probationMonths = config.forbearance().probationMonths();
    }

    /** Applies an intervention accepted in retention-service; a second delivery of the same one changes nothing. */
    public void applyIntervention(UUID customerId, Payloads.InterventionAccepted accepted) {
        if (modifications.forIntervention(accepted.interventionId()).isPresent()) {
            Log.debugf("intervention %s already applied", accepted.interventionId());
            return;
        }
        // applied on the business date: after the day's close, if a running one has not reached the loan
        Loan loan = catchUp.lockClosed(accepted.loanId());
        if (loan == null || !loan.customerId.equals(customerId)) {
            reject(customerId, accepted, "loan " + accepted.loanId() + " does not exist for this customer");
            return;
        }
        if (loan.status != LoanStatus.ACTIVE) {
            reject(customerId, accepted, "loan is closed (" + loan.status + ")");
            return;
        }
        ModificationCommand command;
        LoanModifier.Outcome outcome;
        try {
            command = fromIntervention(accepted);
            validate(command);
            outcome = change(loan, command, calendar.today());
        } catch (ApiException e) {
            reject(customerId, accepted, e.getMessage());
            return;
        }
        record(loan, command, outcome, accepted.interventionId(), null, RETENTION, null);
    }

    /** Applies an approved request on the locked {@code loan}; refuses (422) what cannot be applied, changing nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LoanModification applyApproved(Loan loan, ModificationCommand command, UUID requestId, String requestedBy, String approvedBy) {
        LoanService.requireActive(loan);
        validate(command);
        LoanModifier.Outcome outcome = change(loan, command, calendar.today());
        return record(loan, command, outcome, null, requestId, requestedBy, approvedBy);
    }

    /** The parameters each kind needs, within their bounds (400 naming the field). */
    public static void validate(ModificationCommand c) {
        switch (c.kind()) {
            case PAYMENT_EXTENSION -> range("extensionMonths", c.extensionMonths(), 1, 24);
            case TERM_EXTENSION -> range("extensionMonths", c.extensionMonths(), 1, 120);
            case PAYMENT_HOLIDAY -> range("holidayMonths", c.holidayMonths(), 1, 12);
            case RATE_CHANGE -> rate(c.newAnnualRate(), true);
            case FEE_WAIVER -> {
                if (c.feeWaived() == null || c.feeWaived().signum() <= 0) {
                    throw ApiException.badRequest("feeWaived", "feeWaived must be above 0, was " + c.feeWaived());
                }
            }
            case RESTRUCTURING -> {
                if (c.newAnnualRate() == null && c.newTermMonths() == null && c.newInstallment() == null) {
                    throw ApiException.badRequest("newAnnualRate", "RESTRUCTURING needs a new rate, a new term or a new installment");
                }
                if (c.newTermMonths() != null && c.newInstallment() != null) {
                    throw ApiException.badRequest("newInstallment", "give a new term or a new installment, not both: one follows from the other");
                }
                rate(c.newAnnualRate(), false);
                if (c.newTermMonths() != null) {
                    range("newTermMonths", c.newTermMonths(), 1, MAX_TERM);
                }
                if (c.newInstallment() != null && c.newInstallment().signum() <= 0) {
                    throw ApiException.badRequest("newInstallment", "newInstallment must be above 0");
                }
            }
            default -> throw ApiException.badRequest("kind", "unknown modification kind " + c.kind());
        }
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw ApiException.badRequest(field, field + " must be " + min + ".." + max + ", was " + value);
        }
    }

    private static void rate(BigDecimal rate, boolean required) {
        if (rate == null && !required) {
            return;
        }
        if (rate == null || rate.signum() < 0 || rate.compareTo(ModificationCommand.MAX_RATE) > 0) {
            throw ApiException.badRequest("newAnnualRate", "newAnnualRate must be 0..0.5, was " + rate);
        }
    }

    /** An accepted intervention as a command; an unknown kind is refused. */
    static ModificationCommand fromIntervention(Payloads.InterventionAccepted a) {
        return switch (a.kind()) {
            case "PAYMENT_EXTENSION" -> new ModificationCommand(ModificationKind.PAYMENT_EXTENSION, a.kind(), a.extensionMonths(),
                    null, null, null, null, null, null);
            case "LOYALTY_RATE", "COMPETITOR_RATE_MATCH", "RATE_CHANGE" -> new ModificationCommand(ModificationKind.RATE_CHANGE,
                    a.kind(), null, a.newAnnualRate(), null, null, null, null, null);
            case "RESTRUCTURING" -> new ModificationCommand(ModificationKind.RESTRUCTURING, a.kind(), null, a.newAnnualRate(),
                    a.newTermMonths(), null, null, null, null);
            case "PAYMENT_HOLIDAY" -> new ModificationCommand(ModificationKind.PAYMENT_HOLIDAY, a.kind(), null, null, null, null, null,
                    a.holidayMonths(), null);
            case "FEE_WAIVER" -> new ModificationCommand(ModificationKind.FEE_WAIVER, a.kind(), null, null, null, null, null, null,
                    a.feeWaived());
            default -> throw ApiException.unprocessable("loan-service cannot apply an intervention of kind " + a.kind());
        };
    }

    /**
     * Changes the schedule through the kind's modifier and checks that money is conserved: the payoff
     * amount on the business date moves by exactly the concession (nothing earned is dropped
     * silently), and no principal is forgiven. Refusals (ApiException) come before any change.
     * Private so that it is not intercepted: a refusal must not mark the transaction for rollback.
     */
    private LoanModifier.Outcome change(Loan loan, ModificationCommand c, LocalDate today) {
        Payoff.Quote before = Payoff.quote(loan.installments, loan.startDate, today);
        LoanModifier.Outcome outcome = modifiers.get(c.kind()).apply(loan, c, today);
        Payoff.Quote after = Payoff.quote(loan.installments, loan.startDate, today);
        BigDecimal lost = before.payoffAmount().subtract(after.payoffAmount());
        if (lost.compareTo(outcome.concession()) != 0 || before.principal().compareTo(after.principal()) != 0) {
            // a bug, never a customer's problem: the transaction rolls back and nothing changes
            throw new IllegalStateException(c.kind() + " on loan " + loan.id + " would change the payoff amount on " + today + " from "
                    + before.payoffAmount() + " to " + after.payoffAmount() + " with a concession of " + outcome.concession());
        }
        return outcome;
    }

    private LoanModification record(Loan loan, ModificationCommand c, LoanModifier.Outcome outcome, UUID interventionId,
            UUID requestId, String requestedBy, String approvedBy) {
        LocalDate today = calendar.today();
        String description = outcome.description();
        LoanService.settleEmptyInstallments(loan);
        if (c.kind().isForbearance()) {
            loan.forbearanceUntil = today.plusMonths(probationMonths);
        }
        LoanModification m = new LoanModification();
        m.id = UUID.randomUUID();
        m.loanId = loan.id;
        m.kind = c.kind();
        m.interventionId = interventionId;
        m.requestId = requestId;
        m.details = description;
        m.concession = outcome.concession();
        m.appliedOn = today;
        m.requestedBy = requestedBy;
        m.approvedBy = approvedBy;
        m.createdAt = Instant.now();
        modifications.persist(m);
        loan.scheduleVersion++;
        loanService.recordVersion(loan, c.kind() + ": " + description);
        List<LocalDate> remaining = loan.unpaidInstallments().stream().map(i -> i.dueDate).toList();
        outbox.publish(EventType.LOAN_MODIFIED, loan.customerId, new Payloads.LoanModified(loan.id, c.kind().name(),
                interventionId, loan.scheduleVersion, description, loan.forbearanceUntil, remaining, loan.annualRate,
                outcome.concession(), loan.outstandingFees()));
        delinquency.reclassify(loan, today, DelinquencyHistory.Trigger.MODIFICATION);
        if (loan.unpaidInstallments().isEmpty()) {
            // a waiver took the last amount owed
            loan.status = LoanService.settledStatus(loan, today);
            loan.closedOn = today;
            outbox.publish(EventType.LOAN_CLOSED, loan.customerId, new Payloads.LoanClosed(loan.id, loan.status.name(), today,
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
        }
        return m;
    }

    /** The intervention cannot be applied: say so, so that retention-service does not wait for it forever. */
    private void reject(UUID customerId, Payloads.InterventionAccepted accepted, String reason) {
        Log.infof("intervention %s not applied: %s", accepted.interventionId(), reason);
        outbox.publish(EventType.LOAN_MODIFICATION_REJECTED, customerId,
                new Payloads.LoanModificationRejected(accepted.loanId(), accepted.interventionId(), reason));
    }
}
