package com.lendkeep.customer.domain.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.CollateralType;
import com.lendkeep.customer.domain.Grade;
import com.lendkeep.customer.domain.VolatilityClass;

@Schema(description = "Credit-risk grade, with the rule that produced it and its inputs.")
public record GradeAssessment(Grade value, String rule, List<String> reasons, Inputs inputs) {

    /**
     * @param collateralCoverage collateral value after haircut divided by exposure; null when there is no exposure
     * @param maxDaysPastDue     the most days past due of the customer's active loans
     * @param lastChargedOffOn   the customer's latest charge-off, or null
     */
    public record Inputs(Integer creditScore, String bureau, LocalDate scoreDate, BigDecimal exposure,
            CollateralType collateralType, BigDecimal collateralValue, BigDecimal collateralHaircut,
            BigDecimal collateralCoverage, String industry, VolatilityClass industryVolatility, int maxDaysPastDue,
            LocalDate lastChargedOffOn) {
    }
}
