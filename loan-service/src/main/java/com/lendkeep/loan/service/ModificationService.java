package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanModification;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.domain.RepaymentMethod;
import com.lendkeep.loan.repository.LoanModificationRepository;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

import io.quarkus.logging.Log;

/**
 * Loan modifications (docs/loan-arithmetic.md, section 8). Each one changes the schedule, stores a
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
    private final LoanTerms terms;
    private final DelinquencyService delinquency;
    private final Outbox outbox;
    private final int probationMonths;

    public ModificationService(EntityManager em, LoanModificationRepository modifications, BusinessCalendar calendar,
            LoanService loanService, LoanTerms terms, DelinquencyService delinquency, Outbox outbox, LoanConfig config) {
        this.em = em;
        this.modifications = modifications;
        this.calendar = calendar;
        this.loanService = loanService;
        this.terms = terms;
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
        Loan loan = em.find(Loan.class, accepted.loanId(), LockModeType.PESSIMISTIC_WRITE);
        if (loan == null || !loan.customerId.equals(customerId)) {
            reject(customerId, accepted, "loan " + accepted.loanId() + " does not exist for this customer");
            return;
        }
        if (loan.status != LoanStatus.ACTIVE) {
            reject(customerId, accepted, "loan is closed (" + loan.status + ")");
            return;
        }
        ModificationCommand command;
        String description;
        try {
            command = fromIntervention(accepted);
            validate(command);
            description = change(loan, command, calendar.today());
        } catch (ApiException e) {
            reject(customerId, accepted, e.getMessage());
            return;
        }
        record(loan, command, description, accepted.interventionId(), null, RETENTION, null);
    }

    /** Applies an approved request on the locked {@code loan}; refuses (422) what cannot be applied, changing nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LoanModification applyApproved(Loan loan, ModificationCommand command, UUID requestId, String requestedBy, String approvedBy) {
        LoanService.requireActive(loan);
        validate(command);
        String description = change(loan, command, calendar.today());
        return record(loan, command, description, null, requestId, requestedBy, approvedBy);
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
     * Changes the schedule; returns the description. Refusals (ApiException) come before any change.
     * Private so that it is not intercepted: a refusal must not mark the transaction for rollback.
     */
    private String change(Loan loan, ModificationCommand c, LocalDate today) {
        return switch (c.kind()) {
            case PAYMENT_EXTENSION -> extend(loan, c.extensionMonths());
            case TERM_EXTENSION -> extendTerm(loan, c.extensionMonths(), today);
            case RESTRUCTURING -> restructure(loan, c, today);
            case RATE_CHANGE -> changeRate(loan, c, today);
            case PAYMENT_HOLIDAY -> holiday(loan, c.holidayMonths(), today);
            case FEE_WAIVER -> waiveFees(loan, c.feeWaived());
        };
    }

    private LoanModification record(Loan loan, ModificationCommand c, String description, UUID interventionId, UUID requestId,
            String requestedBy, String approvedBy) {
        LocalDate today = calendar.today();
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
        m.appliedOn = today;
        m.requestedBy = requestedBy;
        m.approvedBy = approvedBy;
        m.createdAt = Instant.now();
        modifications.persist(m);
        loan.scheduleVersion++;
        loanService.recordVersion(loan, c.kind() + ": " + description);
        List<LocalDate> remaining = loan.unpaidInstallments().stream().map(i -> i.dueDate).toList();
        outbox.publish(EventType.LOAN_MODIFIED, loan.customerId, new Payloads.LoanModified(loan.id, c.kind().name(),
                interventionId, loan.scheduleVersion, description, loan.forbearanceUntil, remaining, loan.annualRate));
        delinquency.reclassify(loan, today, DelinquencyHistory.Trigger.MODIFICATION);
        if (loan.unpaidInstallments().isEmpty()) {
            // a waiver took the last amount owed
            loan.status = LoanService.settledStatus(loan, today);
            loan.closedOn = today;
            outbox.publish(EventType.LOAN_CLOSED, loan.customerId, new Payloads.LoanClosed(loan.id, loan.status.name(), today,
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
        }
        return m;
    }

    /** The intervention cannot be applied: say so, so that retention-service does not wait for it forever. */
    private void reject(UUID customerId, Payloads.InterventionAccepted accepted, String reason) {
        Log.infof("intervention %s not applied: %s", accepted.interventionId(), reason);
        outbox.publish(EventType.LOAN_MODIFICATION_REJECTED, customerId,
                new Payloads.LoanModificationRejected(accepted.loanId(), accepted.interventionId(), reason));
    }

    /** Every installment not fully paid moves N months later (its own date plus N); overdue ones are re-aged. */
    static String extend(Loan loan, int months) {
        for (Installment i : loan.installments) {
            if (i.status != InstallmentStatus.PAID) {
                i.dueDate = i.dueDate.plusMonths(months);
                i.status = InstallmentStatus.PENDING;
            }
        }
        return "unpaid installments deferred by " + months + " month(s)";
    }

    /** The untouched installments re-amortized at the loan's rate over their dates plus N more months. */
    private String extendTerm(Loan loan, int months, LocalDate today) {
        List<Installment> untouched = untouchedTail(loan, today);
        BigDecimal base = principalOf(untouched);
        List<LocalDate> dates = new ArrayList<>(untouched.stream().map(i -> i.dueDate).toList());
        dates.addAll(ScheduleCalculator.monthlyAfter(dates.get(dates.size() - 1), months, loan.startDate.getDayOfMonth()));
        RepaymentMethod method = loan.method == RepaymentMethod.FLEXIBLE ? RepaymentMethod.ANNUITY : loan.method;
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(base, loan.annualRate, dates, method);
        checkLines(lines, method);
        replaceTail(loan, untouched.get(0).seq, lines);
        loan.method = method;
        return "term extended by " + months + " month(s): " + untouched.size() + " installment(s) due after " + today
                + " re-amortized over " + lines.size() + " at annual rate " + loan.annualRate + ", last due " + loan.maturityDate();
    }

    /**
     * The untouched installments after {@code effectiveFrom} replaced by a new schedule of their
     * principal: at the new rate, over the new number of months, or with the new installment.
     */
    private String restructure(Loan loan, ModificationCommand c, LocalDate today) {
        LocalDate from = effectiveFrom(c, today);
        List<Installment> untouched = untouchedTail(loan, from);
        BigDecimal base = principalOf(untouched);
        BigDecimal rate = c.newAnnualRate() == null ? loan.annualRate : c.newAnnualRate();
        LocalDate first = untouched.get(0).dueDate;
        int day = loan.startDate.getDayOfMonth();
        RepaymentMethod method;
        List<ScheduleCalculator.Line> lines;
        if (c.newInstallment() != null) {
            method = RepaymentMethod.ANNUITY;
            try {
                lines = ScheduleCalculator.fixedInstallment(base, rate, ScheduleCalculator.money(c.newInstallment()), first, day, MAX_TERM,
                        terms.minInstallment());
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable(e.getMessage());
            }
        } else if (c.newTermMonths() != null) {
            method = loan.method == RepaymentMethod.FLEXIBLE ? RepaymentMethod.ANNUITY : loan.method;
            lines = ScheduleCalculator.schedule(base, rate, ScheduleCalculator.monthlyFrom(first, c.newTermMonths(), day), method);
        } else {
            method = loan.method;
            lines = recompute(loan.method, base, rate, untouched);
        }
        checkLines(lines, method);
        BigDecimal oldRate = loan.annualRate;
        int replaced = untouched.size();
        replaceTail(loan, untouched.get(0).seq, lines);
        loan.annualRate = rate;
        loan.method = method;
        return "restructured from " + from + ": " + replaced + " installment(s) replaced by " + lines.size()
                + " at annual rate " + rate + " (was " + oldRate + "), installment " + lines.get(0).total() + ", last due "
                + loan.maturityDate();
    }

    /** The untouched installments after {@code effectiveFrom} re-computed at the new rate, same due dates. */
    private String changeRate(Loan loan, ModificationCommand c, LocalDate today) {
        LocalDate from = effectiveFrom(c, today);
        BigDecimal rate = c.newAnnualRate();
        List<Installment> untouched = loan.installments.stream().filter(i -> i.isUntouched(from)).toList();
        BigDecimal oldRate = loan.annualRate;
        if (!untouched.isEmpty()) {
            List<ScheduleCalculator.Line> lines = recompute(loan.method, principalOf(untouched), rate, untouched);
            for (int k = 0; k < untouched.size(); k++) {
                untouched.get(k).principalDue = lines.get(k).principal();
                untouched.get(k).interestDue = lines.get(k).interest();
            }
        }
        loan.annualRate = rate;
        return c.label() + ": annual rate changed to " + rate + " (was " + oldRate + ") on " + untouched.size()
                + " untouched installment(s) due after " + from;
    }

    /**
     * No installment for N months: the untouched installments move N months later; the interest of
     * the holiday months on their principal is spread over them (not capitalized).
     */
    private String holiday(Loan loan, int months, LocalDate today) {
        List<Installment> untouched = untouchedTail(loan, today);
        BigDecimal base = principalOf(untouched);
        BigDecimal holidayInterest = ScheduleCalculator.money(
                base.multiply(ScheduleCalculator.monthlyRate(loan.annualRate), MathContext.DECIMAL128).multiply(BigDecimal.valueOf(months)));
        List<BigDecimal> shares = ScheduleCalculator.spread(holidayInterest, untouched.size());
        LocalDate firstBefore = untouched.get(0).dueDate;
        for (int k = 0; k < untouched.size(); k++) {
            Installment i = untouched.get(k);
            i.dueDate = i.dueDate.plusMonths(months);
            i.interestDue = i.interestDue.add(shares.get(k));
        }
        return "payment holiday of " + months + " month(s): " + untouched.size() + " installment(s) from " + firstBefore
                + " moved " + months + " month(s) later, " + holidayInterest + " of holiday interest spread over them";
    }

    /** Unpaid fees waived, oldest installment first, up to {@code amount}. */
    private static String waiveFees(Loan loan, BigDecimal amount) {
        BigDecimal unpaid = loan.outstandingFees();
        if (unpaid.signum() == 0) {
            throw ApiException.unprocessable("the loan has no unpaid fees to waive");
        }
        BigDecimal left = amount.min(unpaid);
        BigDecimal waived = left;
        for (Installment i : loan.installments) {
            BigDecimal x = left.min(i.feeUnpaid());
            i.feeDue = i.feeDue.subtract(x);
            left = left.subtract(x);
        }
        return "fees waived: " + waived + " (asked " + amount + ", unpaid fees were " + unpaid + ")";
    }

    private static LocalDate effectiveFrom(ModificationCommand c, LocalDate today) {
        LocalDate from = c.effectiveFrom() == null ? today : c.effectiveFrom();
        // checked when a request is made too (400); here the business date may have moved since
        if (from.isBefore(today)) {
            throw ApiException.unprocessable("effectiveFrom " + from + " is before the business date " + today);
        }
        if (from.isAfter(today.plusYears(1))) {
            throw ApiException.unprocessable("effectiveFrom " + from + " is more than a year after the business date " + today);
        }
        return from;
    }

    /** The untouched installments after {@code asOf}; they must be the end of the schedule, since they are replaced. */
    private static List<Installment> untouchedTail(Loan loan, LocalDate asOf) {
        List<Installment> untouched = loan.installments.stream().filter(i -> i.isUntouched(asOf)).toList();
        if (untouched.isEmpty()) {
            throw ApiException.unprocessable("no installment due after " + asOf + " is untouched (pending, nothing paid): nothing to modify");
        }
        int from = untouched.get(0).seq;
        for (Installment i : loan.installments) {
            if (i.seq > from && !untouched.contains(i)) {
                throw ApiException.unprocessable("installment " + i.seq + " (due " + i.dueDate + ") is partly paid or overdue after "
                        + "installment " + from + ": modify from a later date");
            }
        }
        return untouched;
    }

    /** The same installments re-computed on {@code base} at {@code rate}; a FLEXIBLE plan keeps its principal per period. */
    private static List<ScheduleCalculator.Line> recompute(RepaymentMethod method, BigDecimal base, BigDecimal rate, List<Installment> same) {
        List<LocalDate> dates = same.stream().map(i -> i.dueDate).toList();
        return method == RepaymentMethod.FLEXIBLE
                ? ScheduleCalculator.planned(base, rate, dates, same.stream().map(i -> i.principalDue).toList())
                : ScheduleCalculator.schedule(base, rate, dates, method);
    }

    private void checkLines(List<ScheduleCalculator.Line> lines, RepaymentMethod method) {
        terms.installmentProblem(lines, method).ifPresent(problem -> {
            throw ApiException.unprocessable(problem);
        });
    }

    /** Installments from {@code fromSeq} on take the lines (updated in place, added or removed). */
    private static void replaceTail(Loan loan, int fromSeq, List<ScheduleCalculator.Line> lines) {
        List<Installment> tail = loan.installments.stream().filter(i -> i.seq >= fromSeq).toList();
        for (int k = 0; k < lines.size(); k++) {
            ScheduleCalculator.Line line = lines.get(k);
            Installment i;
            if (k < tail.size()) {
                i = tail.get(k);
            } else {
                i = LoanService.newInstallment(loan, line);
                loan.installments.add(i);
            }
            i.seq = fromSeq + k;
            i.dueDate = line.dueDate();
            i.principalDue = line.principal();
            i.interestDue = line.interest();
            i.status = InstallmentStatus.PENDING;
        }
        for (int k = lines.size(); k < tail.size(); k++) {
            loan.installments.remove(tail.get(k));
        }
    }

    private static BigDecimal principalOf(List<Installment> installments) {
        return installments.stream().map(Installment::principalUnpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
