package com.lendkeep.loan.mapping;

import java.math.BigDecimal;
import java.util.List;

import com.lendkeep.loan.api.ApplicationResponse;
import com.lendkeep.loan.api.ModificationRequestResponse;
import com.lendkeep.loan.domain.LoanApplication;
import com.lendkeep.loan.domain.ModificationRequest;

/** Applications and modification requests as API models. */
public final class ApplicationMapper {

    private ApplicationMapper() {
    }

    public static ApplicationResponse toResponse(LoanApplication a, List<BigDecimal> plan) {
        return new ApplicationResponse(a.id, a.customerId, a.amount, a.annualRate, a.termMonths, a.method, plan, a.lateFee, a.status,
                a.reason, a.submittedBy, a.submittedOn, a.decidedBy, a.decidedOn, a.disbursedBy, a.loanId);
    }

    public static ModificationRequestResponse toResponse(ModificationRequest r) {
        return new ModificationRequestResponse(r.id, r.loanId, r.kind, r.extensionMonths, r.newAnnualRate, r.newTermMonths,
                r.newInstallment, r.effectiveFrom, r.holidayMonths, r.feeWaived, r.note, r.status, r.requestedBy, r.requestedAt,
                r.decidedBy, r.decidedAt, r.decisionReason, r.modificationId);
    }
}
