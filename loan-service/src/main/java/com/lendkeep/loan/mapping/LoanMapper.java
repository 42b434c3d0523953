package com.lendkeep.loan.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.api.LoanResponse;
import com.lendkeep.loan.api.RepaymentResponse;
import com.lendkeep.loan.api.ScheduleVersionResponse;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.Repayment;
import com.lendkeep.loan.domain.ScheduleVersion;

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
        return new LoanResponse.InstallmentView(i.seq, i.dueDate, i.principalDue, i.interestDue, i.amountDue(),
                i.principalPaid, i.interestPaid, i.status);
    }

    public static LoanResponse toResponse(Loan loan, LocalDate businessDate) {
        BigDecimal overdue = loan.installments.stream().filter(i -> i.status == InstallmentStatus.OVERDUE)
                .map(Installment::amountUnpaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LoanResponse(loan.id, loan.customerId, loan.principal, loan.annualRate, loan.termMonths, loan.startDate,
                loan.method, loan.status, loan.scheduleVersion, loan.forbearanceUntil, loan.closedOn, loan.outstandingPrincipal(),
                overdue, daysPastDue(loan, businessDate), schedule(loan));
    }

    /** Days since the oldest overdue installment fell due; 0 when nothing is overdue. */
    public static int daysPastDue(Loan loan, LocalDate businessDate) {
        return loan.installments.stream().filter(i -> i.status == InstallmentStatus.OVERDUE)
                .map(i -> (int) ChronoUnit.DAYS.between(i.dueDate, businessDate)).max(Integer::compare).orElse(0);
    }

    public static RepaymentResponse toResponse(Repayment r, Loan loan) {
        return new RepaymentResponse(r.id, r.loanId, r.amount, r.paidOn, r.toInterest, r.toPrincipal, r.daysLate, r.daysLate == 0,
                loan.outstandingPrincipal(), loan.status);
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
