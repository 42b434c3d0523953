package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanModification;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.repository.LoanModificationRepository;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;

import io.quarkus.logging.Log;

/**
 * Loan modifications. Rules (docs/loan-arithmetic.md):
 * <ul>
 * <li><b>Payment extension</b> of N months: every installment not fully paid moves N months later
 * and overdue ones are re-aged to PENDING; no interest is added for the deferral (the cost to the
 * lender). It is forbearance: the loan is flagged until the business date plus the probation
 * period (two years, EBA).</li>
 * <li><b>Rate change</b> (loyalty rate): the installments not yet touched are re-computed on their
 * principal at the new rate, same due dates. A commercial renegotiation, not forbearance.</li>
 * </ul>
 * Each modification makes a new schedule version and emits LOAN_MODIFIED; one that cannot be
 * applied (closed loan, unknown kind) emits LOAN_MODIFICATION_REJECTED with the reason.
 */
@ApplicationScoped
@Transactional
public class ModificationService {

    private final EntityManager em;
    private final LoanModificationRepository modifications;
    private final BusinessCalendar calendar;
    private final LoanService loanService;
    private final Outbox outbox;
    private final int probationMonths;

    public ModificationService(EntityManager em, LoanModificationRepository modifications, BusinessCalendar calendar,
            LoanService loanService, Outbox outbox,
            @ConfigProperty(name = "loan.forbearance.probation-months", defaultValue = "24") int probationMonths) {
        this.em = em;
        this.modifications = modifications;
        this.calendar = calendar;
        this.loanService = loanService;
        this.outbox = outbox;
        this.probationMonths = probationMonths;
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
        LocalDate today = calendar.today();
        LoanModification.Kind kind;
        String description;
        switch (accepted.kind()) {
            case "PAYMENT_EXTENSION" -> {
                if (accepted.extensionMonths() < 1 || accepted.extensionMonths() > 24) {
                    reject(customerId, accepted, "extensionMonths must be 1..24, was " + accepted.extensionMonths());
                    return;
                }
                extend(loan, accepted.extensionMonths());
                loan.forbearanceUntil = today.plusMonths(probationMonths);
                kind = LoanModification.Kind.PAYMENT_EXTENSION;
                description = "unpaid installments deferred by " + accepted.extensionMonths() + " month(s)";
            }
            case "LOYALTY_RATE", "RATE_CHANGE" -> {
                BigDecimal rate = accepted.newAnnualRate();
                if (rate == null || rate.signum() < 0 || rate.compareTo(new BigDecimal("0.5")) > 0) {
                    reject(customerId, accepted, "newAnnualRate must be 0..0.5, was " + rate);
                    return;
                }
                changeRate(loan, rate, today);
                kind = LoanModification.Kind.RATE_CHANGE;
                description = "annual rate changed to " + rate;
            }
            default -> {
                reject(customerId, accepted, "loan-service cannot apply an intervention of kind " + accepted.kind());
                return;
            }
        }
        LoanModification m = new LoanModification();
        m.id = UUID.randomUUID();
        m.loanId = loan.id;
        m.kind = kind;
        m.interventionId = accepted.interventionId();
        m.details = description;
        m.appliedOn = today;
        m.requestedBy = "retention-service";
        m.createdAt = Instant.now();
        modifications.persist(m);
        loan.scheduleVersion++;
        loanService.recordVersion(loan, kind + ": " + description);
        List<LocalDate> remaining = loan.unpaidInstallments().stream().map(i -> i.dueDate).toList();
        outbox.publish(EventType.LOAN_MODIFIED, loan.customerId, new Payloads.LoanModified(loan.id, kind.name(),
                accepted.interventionId(), loan.scheduleVersion, description, loan.forbearanceUntil, remaining));
    }

    /** The intervention cannot be applied: say so, so that retention-service does not wait for it forever. */
    private void reject(UUID customerId, Payloads.InterventionAccepted accepted, String reason) {
        Log.infof("intervention %s not applied: %s", accepted.interventionId(), reason);
        outbox.publish(EventType.LOAN_MODIFICATION_REJECTED, customerId,
                new Payloads.LoanModificationRejected(accepted.loanId(), accepted.interventionId(), reason));
    }

    static void extend(Loan loan, int months) {
        for (Installment i : loan.installments) {
            if (i.status != InstallmentStatus.PAID) {
                i.dueDate = i.dueDate.plusMonths(months);
                i.status = InstallmentStatus.PENDING;
            }
        }
    }

    static void changeRate(Loan loan, BigDecimal rate, LocalDate today) {
        List<Installment> untouched = loan.installments.stream()
                .filter(i -> i.status == InstallmentStatus.PENDING && i.principalPaid.signum() == 0
                        && i.interestPaid.signum() == 0 && i.dueDate.isAfter(today))
                .toList();
        loan.annualRate = rate;
        if (untouched.isEmpty()) {
            return;
        }
        BigDecimal base = untouched.stream().map(Installment::principalUnpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ScheduleCalculator.Line> lines = ScheduleCalculator.schedule(base, rate, untouched.stream().map(i -> i.dueDate).toList(),
                loan.method);
        for (int k = 0; k < untouched.size(); k++) {
            untouched.get(k).principalDue = lines.get(k).principal();
            untouched.get(k).interestDue = lines.get(k).interest();
        }
    }
}
