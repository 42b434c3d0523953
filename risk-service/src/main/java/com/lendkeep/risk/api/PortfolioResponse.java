package com.lendkeep.risk.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param customersByLevel for each churn type, how many customers are at each level now
 * @param openAlerts       open alerts by churn type and level
 * @param alertsRaisedByDay alerts raised per day over the last 30 days (the trend)
 */
@Schema(name = "RiskPortfolioResponse", description = "Churn-risk view of the portfolio")
public record PortfolioResponse(long customersTracked, long paymentsRecorded, long missedPaymentsRecorded,
        Map<String, Map<String, Long>> customersByLevel, Map<String, Map<String, Long>> openAlerts,
        List<TopCustomer> topAtRisk, List<DayCount> alertsRaisedByDay) {

    public record TopCustomer(UUID customerId, BigDecimal combinedScore, BigDecimal involuntaryScore, BigDecimal voluntaryScore,
            String modelVersion) {
    }

    public record DayCount(LocalDate day, long raised) {
    }
}
