package com.lendkeep.risk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What was due in one period of one loan, what was paid, and how late: a {@code repayment_period} row, in plain
 * JDBC like {@link CustomerRisk}.
 */
public class RepaymentPeriod {
    public UUID customerId;
    public LocalDate periodDate;
    public UUID loanId;
    public int daysPastDue;
    public BigDecimal amountDue = BigDecimal.ZERO;
    public BigDecimal amountPaid = BigDecimal.ZERO;
    public BigDecimal outstanding = BigDecimal.ZERO;
    public BigDecimal creditLimit;
}
