package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.loan.api.ApplicationRequest;
import com.lendkeep.loan.api.LoanRequest;
import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.loan.domain.ApplicationStatus;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanApplication;
import com.lendkeep.loan.repository.LoanApplicationRepository;
import com.lendkeep.loan.schedule.ScheduleCalculator;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;

/**
 * Loan applications: SUBMITTED, then APPROVED (by a user other than the one who submitted it) and
 * DISBURSED, which books the loan; or REJECTED by the lender or WITHDRAWN by the customer before
 * disbursement (pre-loan churn: LOAN_APPLICATION_CLOSED with the reason). A transition from any
 * other status is a 409.
 */
@ApplicationScoped
@Transactional
public class ApplicationService {

    private static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED);
    private static final TypeReference<List<BigDecimal>> PLAN = new TypeReference<>() {
    };

    private final KnownCustomers customers;
    private final EntityManager em;
    private final LoanApplicationRepository applications;
    private final LoanService loans;
    private final LoanTerms terms;
    private final BusinessCalendar calendar;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final LoanConfig config;

    public ApplicationService(EntityManager em, LoanApplicationRepository applications, LoanService loans, LoanTerms terms,
            BusinessCalendar calendar, Outbox outbox, ObjectMapper mapper, LoanConfig config, KnownCustomers customers) {
        this.customers = customers;
        this.em = em;
        this.applications = applications;
        this.loans = loans;
        this.terms = terms;
        this.calendar = calendar;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
    }

    public LoanApplication submit(ApplicationRequest request, String user) {
        customers.requireBookable(request.customerId());
        LocalDate today = calendar.today();
        BigDecimal amount = ScheduleCalculator.money(request.amount());
        // the terms must make an acceptable schedule now, not only at disbursement
        terms.schedule(amount, request.annualRate(), request.termMonths(), request.method(), request.principalPlan(), today);
        LoanApplication a = new LoanApplication();
        a.id = UUID.randomUUID();
        a.customerId = request.customerId();
        a.amount = amount;
        a.annualRate = request.annualRate();
        a.termMonths = request.termMonths();
        a.method = request.method();
        a.principalPlan = request.principalPlan() == null ? null : write(request.principalPlan());
        a.lateFee = ScheduleCalculator.money(request.lateFee() == null ? config.fees().lateFee() : request.lateFee());
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedBy = user;
        a.submittedOn = today;
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        applications.persist(a);
        return a;
    }

    public LoanApplication approve(UUID id, String user) {
        LoanApplication a = lock(id);
        require(a, EnumSet.of(ApplicationStatus.SUBMITTED), "approved");
        if (user.equalsIgnoreCase(a.submittedBy)) {
            throw new ApiException(403, "Forbidden", "application " + id + " was submitted by " + a.submittedBy
                    + ": another user must approve it (four eyes)", null);
        }
        decide(a, ApplicationStatus.APPROVED, user, null);
        return a;
    }

    public LoanApplication reject(UUID id, String user, String reason) {
        return close(id, ApplicationStatus.REJECTED, user, reason, "rejected");
    }

    public LoanApplication withdraw(UUID id, String user, String reason) {
        return close(id, ApplicationStatus.WITHDRAWN, user, reason, "withdrawn");
    }

    /** Books the loan on {@code disbursedOn} (default the business date, never after it). */
    public LoanApplication disburse(UUID id, String user, LocalDate disbursedOn) {
        LoanApplication a = lock(id);
        require(a, EnumSet.of(ApplicationStatus.APPROVED), "disbursed");
        LocalDate today = calendar.today();
        LocalDate start = disbursedOn == null ? today : disbursedOn;
        if (start.isAfter(today)) {
            throw ApiException.badRequest("disbursedOn", "disbursedOn " + start + " is after the business date " + today);
        }
        if (start.isBefore(a.submittedOn)) {
            throw ApiException.badRequest("disbursedOn", "disbursedOn " + start + " is before the application was submitted ("
                    + a.submittedOn + ")");
        }
        Loan loan = loans.open(new LoanRequest(a.customerId, a.amount, a.annualRate, a.termMonths, start, a.method, plan(a), a.lateFee),
                a.id);
        a.loanId = loan.id;
        a.disbursedBy = user;
        a.status = ApplicationStatus.DISBURSED;
        a.updatedAt = Instant.now();
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoanApplication get(UUID id) {
        return applications.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("loan application", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoanApplication> forCustomer(UUID customerId) {
        return applications.forCustomer(customerId);
    }

    public List<BigDecimal> plan(LoanApplication a) {
        if (a.principalPlan == null) {
            return null;
        }
        try {
            return mapper.readValue(a.principalPlan, PLAN);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored principal plan cannot be read", e);
        }
    }

    private LoanApplication close(UUID id, ApplicationStatus outcome, String user, String reason, String action) {
        LoanApplication a = lock(id);
        require(a, OPEN, action);
        decide(a, outcome, user, reason);
        outbox.publish(EventType.LOAN_APPLICATION_CLOSED, a.customerId,
                new Payloads.LoanApplicationClosed(a.id, outcome.name(), reason, a.amount));
        return a;
    }

    private void decide(LoanApplication a, ApplicationStatus status, String user, String reason) {
        a.status = status;
        a.decidedBy = user;
        a.decidedOn = calendar.today();
        a.reason = reason;
        a.updatedAt = Instant.now();
    }

    private LoanApplication lock(UUID id) {
        LoanApplication a = em.find(LoanApplication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ApiException.notFound("loan application", id);
        }
        return a;
    }

    private static void require(LoanApplication a, Set<ApplicationStatus> allowed, String action) {
        if (!allowed.contains(a.status)) {
            throw ApiException.conflict("application " + a.id + " is " + a.status + ": only " + String.join(" or ",
                    allowed.stream().map(Enum::name).toList()) + " applications can be " + action);
        }
    }

    private String write(List<BigDecimal> plan) {
        try {
            return mapper.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("principal plan cannot be written", e);
        }
    }
}
