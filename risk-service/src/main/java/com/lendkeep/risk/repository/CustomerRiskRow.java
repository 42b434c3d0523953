package com.lendkeep.risk.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RiskLevel;

/**
 * The {@code customer_risk} row in plain JDBC, for the batch path ({@link FeatureStore}): the columns read, the
 * update written, and the mapping of both to {@link CustomerRisk}. Columns are read and bound by position, in the
 * order of {@link #COLUMNS}: a lookup by name costs a hash lookup per column and row (measured in the bench's
 * profile, docs/risk-model.md section 9). Timestamps go through {@link OffsetDateTime}, which the driver converts
 * without the calendar arithmetic of {@code java.sql.Timestamp}.
 */
final class CustomerRiskRow {

    /** Read in this order by {@link #read}. */
    static final String COLUMNS = "customer_id, latest_loan_id, active_loans, loan_rate, days_past_due, max_days_past_due, "
            + "consecutive_missed, missed_total, payments_total, payments_on_time, last_payment_ratio, credit_score, credit_score_change, "
            + "complaints, hardship_contacts, payoff_inquiries, competitor_mentions, rate_complaints, low_satisfaction, forbearance_until, "
            + "involuntary_score, voluntary_score, combined_score, involuntary_level, voluntary_level, reasons, model_version, updated_at, "
            + "as_of, delinquent_since, credit_limit, tier, grade, challenger_score, challenger_version, voluntary_challenger_score, "
            + "voluntary_challenger_version, loans, signals, rescore_due, snapshot_on";

    /** Bound in this order by {@link #bind}. */
    static final String UPDATE = "UPDATE customer_risk SET latest_loan_id = ?, active_loans = ?, loan_rate = ?, "
            + "days_past_due = ?, max_days_past_due = ?, consecutive_missed = ?, missed_total = ?, payments_total = ?, "
            + "payments_on_time = ?, last_payment_ratio = ?, credit_score = ?, credit_score_change = ?, complaints = ?, "
            + "hardship_contacts = ?, payoff_inquiries = ?, competitor_mentions = ?, rate_complaints = ?, low_satisfaction = ?, "
            + "forbearance_until = ?, involuntary_score = ?, voluntary_score = ?, combined_score = ?, involuntary_level = ?, "
            + "voluntary_level = ?, reasons = ?, model_version = ?, updated_at = ?, as_of = ?, delinquent_since = ?, credit_limit = ?, "
            + "tier = ?, grade = ?, challenger_score = ?, challenger_version = ?, voluntary_challenger_score = ?, "
            + "voluntary_challenger_version = ?, loans = ?, signals = ?, rescore_due = ?, snapshot_on = ? WHERE customer_id = ?";

    private CustomerRiskRow() {
    }

    static CustomerRisk read(ResultSet rs) throws SQLException {
        CustomerRisk r = new CustomerRisk();
        int i = 1;
        r.customerId = rs.getObject(i++, UUID.class);
        r.latestLoanId = rs.getObject(i++, UUID.class);
        r.activeLoans = rs.getInt(i++);
        r.loanRate = rs.getBigDecimal(i++);
        r.daysPastDue = rs.getInt(i++);
        r.maxDaysPastDue = rs.getInt(i++);
        r.consecutiveMissed = rs.getInt(i++);
        r.missedTotal = rs.getInt(i++);
        r.paymentsTotal = rs.getInt(i++);
        r.paymentsOnTime = rs.getInt(i++);
        r.lastPaymentRatio = rs.getBigDecimal(i++);
        r.creditScore = (Integer) rs.getObject(i++);
        r.creditScoreChange = rs.getInt(i++);
        r.complaints = rs.getInt(i++);
        r.hardshipContacts = rs.getInt(i++);
        r.payoffInquiries = rs.getInt(i++);
        r.competitorMentions = rs.getInt(i++);
        r.rateComplaints = rs.getInt(i++);
        r.lowSatisfaction = rs.getInt(i++);
        r.forbearanceUntil = rs.getObject(i++, LocalDate.class);
        r.involuntaryScore = rs.getBigDecimal(i++);
        r.voluntaryScore = rs.getBigDecimal(i++);
        r.combinedScore = rs.getBigDecimal(i++);
        r.involuntaryLevel = RiskLevel.valueOf(rs.getString(i++));
        r.voluntaryLevel = RiskLevel.valueOf(rs.getString(i++));
        r.reasons = rs.getString(i++);
        r.modelVersion = rs.getString(i++);
        OffsetDateTime updated = rs.getObject(i++, OffsetDateTime.class);
        r.updatedAt = updated == null ? null : updated.toInstant();
        r.asOf = rs.getObject(i++, LocalDate.class);
        r.delinquentSince = rs.getObject(i++, LocalDate.class);
        r.creditLimit = rs.getBigDecimal(i++);
        r.tier = rs.getString(i++);
        r.grade = rs.getString(i++);
        r.challengerScore = rs.getBigDecimal(i++);
        r.challengerVersion = rs.getString(i++);
        r.voluntaryChallengerScore = rs.getBigDecimal(i++);
        r.voluntaryChallengerVersion = rs.getString(i++);
        r.loans = rs.getString(i++);
        r.signals = rs.getString(i++);
        r.rescoreDue = rs.getObject(i++, LocalDate.class);
        r.snapshotOn = rs.getObject(i, LocalDate.class);
        return r;
    }

    static void bind(PreparedStatement u, CustomerRisk r) throws SQLException {
        int i = 1;
        u.setObject(i++, r.latestLoanId, Types.OTHER);
        u.setInt(i++, r.activeLoans);
        u.setBigDecimal(i++, r.loanRate);
        u.setInt(i++, r.daysPastDue);
        u.setInt(i++, r.maxDaysPastDue);
        u.setInt(i++, r.consecutiveMissed);
        u.setInt(i++, r.missedTotal);
        u.setInt(i++, r.paymentsTotal);
        u.setInt(i++, r.paymentsOnTime);
        u.setBigDecimal(i++, r.lastPaymentRatio);
        u.setObject(i++, r.creditScore, Types.INTEGER);
        u.setInt(i++, r.creditScoreChange);
        u.setInt(i++, r.complaints);
        u.setInt(i++, r.hardshipContacts);
        u.setInt(i++, r.payoffInquiries);
        u.setInt(i++, r.competitorMentions);
        u.setInt(i++, r.rateComplaints);
        u.setInt(i++, r.lowSatisfaction);
        u.setObject(i++, r.forbearanceUntil, Types.DATE);
        u.setBigDecimal(i++, r.involuntaryScore);
        u.setBigDecimal(i++, r.voluntaryScore);
        u.setBigDecimal(i++, r.combinedScore);
        u.setString(i++, r.involuntaryLevel.name());
        u.setString(i++, r.voluntaryLevel.name());
        u.setString(i++, r.reasons);
        u.setString(i++, r.modelVersion);
        u.setObject(i++, OffsetDateTime.ofInstant(r.updatedAt == null ? Instant.now() : r.updatedAt, ZoneOffset.UTC));
        u.setObject(i++, r.asOf, Types.DATE);
        u.setObject(i++, r.delinquentSince, Types.DATE);
        u.setBigDecimal(i++, r.creditLimit);
        u.setString(i++, r.tier);
        u.setString(i++, r.grade);
        u.setBigDecimal(i++, r.challengerScore);
        u.setString(i++, r.challengerVersion);
        u.setBigDecimal(i++, r.voluntaryChallengerScore);
        u.setString(i++, r.voluntaryChallengerVersion);
        u.setString(i++, r.loans);
        u.setString(i++, r.signals);
        u.setObject(i++, r.rescoreDue, Types.DATE);
        u.setObject(i++, r.snapshotOn, Types.DATE);
        u.setObject(i, r.customerId);
    }
}
