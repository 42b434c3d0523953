package com.lendkeep.customer.domain.rules;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.LifecycleStage;

@Schema(description = "Lifecycle stage, with the rule that produced it and its inputs.")
public record StageAssessment(LifecycleStage value, String rule, List<String> reasons, Inputs inputs) {

    /** @param borrowedSinceLastPrepayment a loan other than a prepaid one opened on or after the last prepayment */
    public record Inputs(long tenureMonths, int loansEver, int activeLoans, LocalDate lastLoanOpenedOn,
            LocalDate lastLoanClosedOn, LocalDate lastPrepaidOn, boolean borrowedSinceLastPrepayment) {
    }
}
