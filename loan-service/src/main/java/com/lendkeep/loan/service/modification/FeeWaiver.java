package com.lendkeep.loan.service.modification;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.Installment;
import com.lendkeep.loan.domain.Loan;
import com.lendkeep.loan.domain.ModificationKind;
import com.lendkeep.loan.service.ModificationCommand;
import com.lendkeep.platform.rest.ApiException;

/** Unpaid fees waived, oldest installment first, up to the amount asked: the amount waived is the concession. */
@ApplicationScoped
public class FeeWaiver implements LoanModifier {

    @Override
    public ModificationKind kind() {
        return ModificationKind.FEE_WAIVER;
    }

    @Override
    public Outcome apply(Loan loan, ModificationCommand c, LocalDate today) {
        BigDecimal unpaid = loan.outstandingFees();
        if (unpaid.signum() == 0) {
            throw ApiException.unprocessable("the loan has no unpaid fees to waive");
        }
        BigDecimal left = c.feeWaived().min(unpaid);
        BigDecimal waived = left;
        for (Installment i : loan.installments) {
            BigDecimal x = left.min(i.feeUnpaid());
            i.feeDue = i.feeDue.subtract(x);
            left = left.subtract(x);
        }
        return new Outcome("fees waived: " + waived + " (asked " + c.feeWaived() + ", unpaid fees were " + unpaid + ")",
                waived.setScale(2));
    }
}
