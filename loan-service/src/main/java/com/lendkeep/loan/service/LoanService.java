package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.api.LoanRequest;
import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.InstallmentStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanModification;
import com.lendkeep.loan.domain.LoanStatus;
import com.lendkeep.loan.domain.ScheduleVersion;
import com.lendkeep.loan.mapping.LoanMapper;
import com.lendkeep.loan.repository.LoanModificationRepository;
import com.lendkeep.loan.repository.LoanRepository;
import com.lendkeep.loan.repository.ScheduleVersionRepository;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

@ApplicationScoped
@Transactional
public class LoanService {

    private final LoanRepository loans;
    private final ScheduleVersionRepository versions;
    private final LoanModificationRepository modifications;
    private final LoanTerms terms;
    private final LoanConfig config;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final KnownCustomers customers;
    private final BusinessCalendar calendar;

    public LoanService(LoanRepository loans, ScheduleVersionRepository versions, LoanModificationRepository modifications,
            LoanTerms terms, LoanConfig config, Outbox outbox, ObjectMapper mapper, KnownCustomers customers, BusinessCalendar calendar) {
        this.customers = customers;
        this.calendar = calendar;
        this.loans = loans;
        this.versions = versions;
        this.modifications = modifications;
        this.terms = terms;
        this.config = config;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public Loan open(LoanRequest request) {
        return open(request, null);
    }

    /** Books a loan (schedule version 1) and emits LOAN_OPENED; {@code applicationId} when disbursed from one. */
    public Loan open(LoanRequest request, UUID applicationId) {
        customers.requireBookable(request.customerId());
        requireStartInWindow(request.startDate());
        Loan loan = new Loan();
        loan.id = UUID.randomUUID();
        loan.customerId = request.customerId();
        loan.applicationId = applicationId;
        loan.principal = ScheduleCalculator.money(request.principal());
        loan.annualRate = request.annualRate();
        loan.termMonths = request.termMonths();
        loan.startDate = request.startDate();
        loan.method = request.method();
        loan.lateFee = ScheduleCalculator.money(request.lateFee() == null ? config.fees().lateFee() : request.lateFee());
        loan.status = LoanStatus.ACTIVE;
        loan.scheduleVersion = 1;
        loan.createdAt = Instant.now();
        List<ScheduleCalculator.Line> lines = terms.schedule(loan.principal, loan.annualRate, loan.termMonths, loan.method,
                request.principalPlan(), loan.startDate);
        for (ScheduleCalculator.Line line : lines) {
            loan.installments.add(newInstallment(loan, line));
        }
        loans.persist(loan);
        recordVersion(loan, "opened");
        outbox.publish(EventType.LOAN_OPENED, loan.customerId, new Payloads.LoanOpened(loan.id, loan.principal,
                loan.annualRate, loan.termMonths, loan.startDate, lines.get(0).total()));
        return loan;
    }

    /**
     * A start far from the business date is a mistake or an import in disguise: a loan back-dated by
     * years would be years in arrears at the next close of business.
     */
    private void requireStartInWindow(LocalDate start) {
        LocalDate today = calendar.today();
        int months = config.booking().startDateWindowMonths();
        if (start.isBefore(today.minusMonths(months)) || start.isAfter(today.plusMonths(months))) {
            throw ApiException.badRequest("startDate", "startDate " + start + " must be within " + months + " months of the business date "
                    + today + " (from " + today.minusMonths(months) + " to " + today.plusMonths(months) + "); an existing book is "
                    + "brought over by import, not by back-dated bookings");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Loan get(UUID id) {
        return loans.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("loan", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Loan> forCustomer(UUID customerId) {
        return loans.forCustomer(customerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduleVersion> versions(UUID loanId) {
        get(loanId);
        return versions.forLoan(loanId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoanModification> modifications(UUID loanId) {
        get(loanId);
        return modifications.forLoan(loanId);
    }

    /** A new PENDING installment from a schedule line. */
    public static Installment newInstallment(Loan loan, ScheduleCalculator.Line line) {
        Installment i = new Installment();
        i.id = UUID.randomUUID();
        i.loan = loan;
        i.seq = line.seq();
        i.dueDate = line.dueDate();
        i.principalDue = line.principal();
        i.interestDue = line.interest();
        i.status = InstallmentStatus.PENDING;
        return i;
    }

    /** Stores the loan's current schedule as a new version (the version number is already set on the loan). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordVersion(Loan loan, String reason) {
        ScheduleVersion v = new ScheduleVersion();
        v.loanId = loan.id;
        v.version = loan.scheduleVersion;
        v.reason = reason;
        v.createdAt = Instant.now();
        v.schedule = LoanMapper.snapshot(mapper, loan);
        versions.persist(v);
    }

    public static void requireActive(Loan loan) {
        if (loan.status != LoanStatus.ACTIVE) {
            throw ApiException.unprocessable("loan " + loan.id + " is closed (" + loan.status + " on " + loan.closedOn + ")");
        }
    }

    /** Installments left with nothing to pay (a prepayment or waiver took it all) are settled: never missed for 0.00. */
    public static void settleEmptyInstallments(Loan loan) {
        for (Installment i : loan.installments) {
            if (i.status != InstallmentStatus.PAID && i.amountUnpaid().signum() == 0) {
                i.status = InstallmentStatus.PAID;
            }
        }
    }

    /** PREPAID before the last due date, REPAID otherwise. */
    public static LoanStatus settledStatus(Loan loan, LocalDate on) {
        return on.isBefore(loan.maturityDate()) ? LoanStatus.PREPAID : LoanStatus.REPAID;
    }

    static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
