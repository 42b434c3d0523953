package com.lendkeep.loan.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.api.ModificationRequestInput;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.LoanModification;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.domain.ModificationRequest;
import com.lendkeep.loan.domain.RequestStatus;
import com.lendkeep.loan.repository.ModificationRequestRepository;
import com.lendkeep.platform.rest.ApiException;

/**
 * Maker-checker: one user asks for a modification, another approves it (then it is applied) or
 * rejects it. The request is checked when it is made and again when it is approved, since the loan
 * may have changed in between; a request that no longer applies is refused (422) and stays PENDING
 * for the checker to reject.
 */
@ApplicationScoped
@Transactional
public class ModificationRequestService {

    /** The parameters each kind takes; any other one is refused so that nothing is silently ignored. */
    private static final Map<ModificationKind, Set<String>> PARAMETERS = Map.of(
            ModificationKind.PAYMENT_EXTENSION, Set.of("extensionMonths"),
            ModificationKind.TERM_EXTENSION, Set.of("extensionMonths"),
            ModificationKind.RESTRUCTURING, Set.of("newAnnualRate", "newTermMonths", "newInstallment", "effectiveFrom"),
            ModificationKind.RATE_CHANGE, Set.of("newAnnualRate", "effectiveFrom"),
            ModificationKind.PAYMENT_HOLIDAY, Set.of("holidayMonths"),
            ModificationKind.FEE_WAIVER, Set.of("feeWaived"));

    private final EntityManager em;
    private final ModificationRequestRepository requests;
    private final ModificationService modifications;
    private final LoanService loans;
    private final BusinessCalendar calendar;
    private final CloseOfBusinessCatchUp catchUp;

    public ModificationRequestService(EntityManager em, ModificationRequestRepository requests, ModificationService modifications,
            LoanService loans, BusinessCalendar calendar, CloseOfBusinessCatchUp catchUp) {
        this.em = em;
        this.catchUp = catchUp;
        this.requests = requests;
        this.modifications = modifications;
        this.loans = loans;
        this.calendar = calendar;
    }

    public ModificationRequest request(UUID loanId, ModificationRequestInput input, String user) {
        // the loan's row lock makes two makers asking at the same moment see each other's request
        Loan loan = em.find(Loan.class, loanId, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null) {
            throw ApiException.notFound("loan", loanId);
        }
        LoanService.requireActive(loan);
        refuseSecondPending(loanId, input.kind());
        checkParameters(input);
        ModificationCommand command = command(input);
        ModificationService.validate(command);
        LocalDate today = calendar.today();
        if (input.effectiveFrom() != null && (input.effectiveFrom().isBefore(today) || input.effectiveFrom().isAfter(today.plusYears(1)))) {
            throw ApiException.badRequest("effectiveFrom", "effectiveFrom " + input.effectiveFrom() + " must be from the business date "
                    + today + " to a year after it");
        }
        ModificationRequest r = new ModificationRequest();
        r.id = UUID.randomUUID();
        r.loanId = loanId;
        r.kind = input.kind();
        r.extensionMonths = input.extensionMonths();
        r.newAnnualRate = input.newAnnualRate();
        r.newTermMonths = input.newTermMonths();
        r.newInstallment = input.newInstallment();
        r.effectiveFrom = input.effectiveFrom();
        r.holidayMonths = input.holidayMonths();
        r.feeWaived = input.feeWaived();
        r.note = input.note();
        r.status = RequestStatus.PENDING;
        r.requestedBy = user;
        r.requestedAt = Instant.now();
        requests.persist(r);
        return r;
    }

    /**
     * A retried or duplicated request must not be approved twice (two identical term extensions
     * each approved once extended the loan twice): while one request of a kind waits for its
     * checker, another of the same kind for the same loan is refused, naming the one waiting.
     */
    private void refuseSecondPending(UUID loanId, ModificationKind kind) {
        requests.pending(loanId, kind).ifPresent(p -> {
            throw ApiException.conflict("request " + p.id + " (" + kind + ", asked by " + p.requestedBy + " at " + p.requestedAt
                    + ") is already PENDING for loan " + loanId + ": approve or reject it before asking again");
        });
    }

    /** Locks the request first: two checkers approving at once apply it once, the second gets 409. */
    public ModificationRequest approve(UUID requestId, String user) {
        ModificationRequest r = lockPending(requestId, "approved");
        if (r.requestedBy.equalsIgnoreCase(user)) {
            throw new ApiException(403, "Forbidden", "request " + requestId + " was made by " + r.requestedBy
                    + ": another user must approve it (four eyes)", null);
        }
        // applied on the business date: after the day's close, if a running one has not reached the loan
        Loan loan = catchUp.lockClosed(r.loanId);
        LoanModification applied = modifications.applyApproved(loan, command(r), r.id, r.requestedBy, user);
        r.status = RequestStatus.APPROVED;
        r.decidedBy = user;
        r.decidedAt = Instant.now();
        r.modificationId = applied.id;
        return r;
    }

    /** The checker refuses it, or the maker withdraws it. */
    public ModificationRequest reject(UUID requestId, String user, String reason) {
        ModificationRequest r = lockPending(requestId, "rejected");
        r.status = RequestStatus.REJECTED;
        r.decidedBy = user;
        r.decidedAt = Instant.now();
        r.decisionReason = reason;
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModificationRequest get(UUID requestId) {
        return requests.findByIdOptional(requestId).orElseThrow(() -> ApiException.notFound("modification request", requestId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModificationRequest> forLoan(UUID loanId) {
        loans.get(loanId);
        return requests.forLoan(loanId);
    }

    private ModificationRequest lockPending(UUID requestId, String action) {
        ModificationRequest r = em.find(ModificationRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ApiException.notFound("modification request", requestId);
        }
        if (r.status != RequestStatus.PENDING) {
            throw ApiException.conflict("request " + requestId + " is already " + r.status + " (by " + r.decidedBy
                    + "): only a PENDING request can be " + action);
        }
        return r;
    }

    private static void checkParameters(ModificationRequestInput in) {
        Set<String> allowed = PARAMETERS.get(in.kind());
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        given.put("extensionMonths", in.extensionMonths());
        given.put("newAnnualRate", in.newAnnualRate());
        given.put("newTermMonths", in.newTermMonths());
        given.put("newInstallment", in.newInstallment());
        given.put("effectiveFrom", in.effectiveFrom());
        given.put("holidayMonths", in.holidayMonths());
        given.put("feeWaived", in.feeWaived());
        given.forEach((field, value) -> {
            if (value != null && !allowed.contains(field)) {
                throw ApiException.badRequest(field, field + " does not apply to " + in.kind() + " (it takes " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private static ModificationCommand command(ModificationRequestInput in) {
        return new ModificationCommand(in.kind(), in.kind().name(), in.extensionMonths(), in.newAnnualRate(), in.newTermMonths(),
                in.newInstallment(), in.effectiveFrom(), in.holidayMonths(), in.feeWaived());
    }

    private static ModificationCommand command(ModificationRequest r) {
        return new ModificationCommand(r.kind, r.kind.name(), r.extensionMonths, r.newAnnualRate, r.newTermMonths, r.newInstallment,
                r.effectiveFrom, r.holidayMonths, r.feeWaived);
    }
}
