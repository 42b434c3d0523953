package com.lendkeep.loan.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.api.DelinquencyResponse;
import com.lendkeep.loan.api.LoanResponse;
import com.lendkeep.loan.api.ModificationResponse;
import com.lendkeep.loan.api.PayoffResponse;
import com.lendkeep.loan.api.RepaymentResponse;
import com.lendkeep.loan.api.ScheduleVersionResponse;
import com.lendkeep.loan.domain.DelinquencyHistory;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanModification;
import com.lendkeep.loan.domain.Repayment;
import com.lendkeep.loan.domain.ScheduleVersion;
import com.lendkeep.loan.schedule.Payoff;

/** The one place where loan entities become API models (and schedule snapshots). */
public final class LoanMapper {

    private static final TypeReference<List<LoanResponse.InstallmentView>> SCHEDULE = new TypeReference<>() {
    };

    private LoanMapper() {
    }

    public static List<LoanResponse.InstallmentView> schedule(Loan loan) {
        return loan.installments.stream().map(LoanMapper::toView).toList();
    }

    public static LoanResponse.InstallmentView toView(Installment i) {
        return new LoanResponse.InstallmentView(i.seq, i.dueDate, i.principalDue, i.interestDue, i.amountDue(), i.feeDue,
                i.principalPaid, i.interestPaid, i.feePaid, i.status);
    }

    public static LoanResponse toResponse(Loan loan, LocalDate businessDate) {
        LocalDate asOf = asOf(loan, businessDate);
        boolean forborne = loan.forbearanceUntil != null && !businessDate.isAfter(loan.forbearanceUntil);
        return new LoanResponse(loan.id, loan.customerId, loan.applicationId, loan.principal, loan.annualRate, loan.termMonths,
                loan.currentTermMonths(), loan.startDate, loan.maturityDate(), loan.method, loan.lateFee, loan.status,
                loan.scheduleVersion, loan.forbearanceUntil, forborne, loan.closedOn, loan.closureReason, loan.outstandingPrincipal(),
                loan.outstandingInterest(), loan.outstandingFees(), overdueAmount(loan), daysPastDue(loan, asOf),
                loan.delinquencyBucket, loan.creditBalance, loan.recovered, schedule(loan));
    }

    /** A closed loan's delinquency is as it was on its closing date. */
    public static LocalDate asOf(Loan loan, LocalDate businessDate) {
        return loan.status.isClosed() && loan.closedOn != null ? loan.closedOn : businessDate;
    }

    /** Days since the oldest overdue installment fell due; 0 when nothing is overdue. */
    public static int daysPastDue(Loan loan, LocalDate on) {
        return loan.installments.stream().filter(i -> i.status == InstallmentStatus.OVERDUE)
                .map(i -> (int) Math.max(0, ChronoUnit.DAYS.between(i.dueDate, on))).max(Integer::compare).orElse(0);
    }

    public static BigDecimal overdueAmount(Loan loan) {
        return loan.installments.stream().filter(i -> i.status == InstallmentStatus.OVERDUE)
                .map(Installment::amountUnpaid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public static RepaymentResponse toResponse(Repayment r, Loan loan) {
        return new RepaymentResponse(r.id, r.loanId, r.amount, r.paidOn, r.toFees, r.toInterest, r.toPrincipal, r.daysLate, r.onTime,
                r.recordedBy, loan.outstandingPrincipal(), loan.status, r.toCredit, loan.creditBalance, r.reversedOn, r.reversalReason);
    }

    public static PayoffResponse toResponse(Loan loan, Payoff.Quote q) {
        return new PayoffResponse(loan.id, q.on(), q.principal(), q.interestDue(), q.accruedInterest(), q.fees(), q.payoffAmount(),
                q.maxAccepted());
    }

    public static DelinquencyResponse toDelinquency(Loan loan, LocalDate businessDate, List<DelinquencyHistory> history) {
        LocalDate asOf = asOf(loan, businessDate);
        List<Installment> overdue = loan.installments.stream().filter(i -> i.status == InstallmentStatus.OVERDUE).toList();
        LocalDate oldest = overdue.stream().map(i -> i.dueDate).min(LocalDate::compareTo).orElse(null);
        return new DelinquencyResponse(loan.id, asOf, loan.delinquencyBucket, daysPastDue(loan, asOf), overdueAmount(loan),
                overdue.size(), oldest, history.stream().map(h -> new DelinquencyResponse.Move(h.previousBucket, h.newBucket,
                        h.daysPastDue, h.overdueAmount, h.businessDate, h.trigger.name(), h.createdAt)).toList());
    }

    public static ModificationResponse toResponse(LoanModification m) {
        return new ModificationResponse(m.id, m.loanId, m.kind, m.details, m.concession, m.appliedOn, m.interventionId, m.requestId, m.requestedBy,
                m.approvedBy, m.createdAt);
    }

    public static String snapshot(ObjectMapper mapper, Loan loan) {
        try {
            return mapper.writeValueAsString(schedule(loan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schedule cannot be serialized", e);
        }
    }

    public static ScheduleVersionResponse toResponse(ObjectMapper mapper, ScheduleVersion v) {
        try {
            return new ScheduleVersionResponse(v.version, v.reason, v.createdAt, mapper.readValue(v.schedule, SCHEDULE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schedule version cannot be read", e);
        }
    }
}
