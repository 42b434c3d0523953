package com.lendkeep.loan.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Loan book totals on the business date. Outstanding amounts are of ACTIVE loans.
 *
 * @param buckets     every configured bucket, least delinquent first (zeros included)
 * @param closedLoans closed loans by closure (PREPAID, REPAID, CHARGED_OFF)
 * @param recoveredAfterChargeOff cash recovered on charged-off loans
 * @param creditBalances          what loans hold for customers (payments above the payoff amount, not yet refunded)
 */
@Schema(name = "LoanPortfolioResponse", description = "Loan book totals on the business date")
public record PortfolioResponse(LocalDate businessDate, long activeLoans, BigDecimal outstandingPrincipal, BigDecimal overdueAmount,
        Segment current, List<Segment> buckets, Map<String, Long> closedLoans, BigDecimal chargedOffPrincipal,
        BigDecimal recoveredAfterChargeOff, BigDecimal creditBalances) {

    /** @param bucket null for current loans */
    public record Segment(String bucket, long loans, BigDecimal outstandingPrincipal, BigDecimal overdueAmount) {
    }
}
