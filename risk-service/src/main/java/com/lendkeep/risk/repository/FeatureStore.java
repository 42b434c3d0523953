package com.lendkeep.risk.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.lendkeep.risk.domain.CreditScorePoint;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.RepaymentPeriod;
import com.lendkeep.risk.service.CustomerState;

/**
 * Reads and writes many customers' risk state in plain JDBC on the transaction's connection: a
 * fixed number of statements per batch whatever the number of customers, and no managed entities.
 * The batch path is the service's hot loop, and Hibernate's entity management (hydrating every
 * period, dirty-checking every row at commit) cost more than the database work itself
 * (docs/performance.md). The objects are plain classes, not entities; the REST side reads them here too.
 */
@ApplicationScoped
public class FeatureStore {

    private static final String UPSERT_PERIOD = "INSERT INTO repayment_period (customer_id, loan_id, period_date, days_past_due, "
            + "amount_due, amount_paid, outstanding, credit_limit) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (customer_id, period_date, loan_id) DO UPDATE SET days_past_due = EXCLUDED.days_past_due, "
            + "amount_due = EXCLUDED.amount_due, amount_paid = EXCLUDED.amount_paid, outstanding = EXCLUDED.outstanding, "
            + "credit_limit = EXCLUDED.credit_limit";

    private static final String UPSERT_SCORE = "INSERT INTO credit_score_point (customer_id, bureau, score_date, score) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (customer_id, bureau, score_date) DO UPDATE SET score = EXCLUDED.score";

    private final EntityManager em;

    public FeatureStore(EntityManager em) {
        this.em = em;
    }

    /**
     * The customers' states, rows created when new and locked until the transaction ends, in
     * customer-id order (so that two batches lock in the same order and cannot deadlock).
     */
    public Map<UUID, CustomerState> lockOrCreate(Collection<UUID> customerIds) {
        UUID[] ids = customerIds.stream().sorted().toArray(UUID[]::new);
        return session().doReturningWork(c -> {
            Map<UUID, CustomerState> states = states(c, ids, true);
            if (states.size() == ids.length) {
                return states; // the usual case: no insert attempt, which cost an index probe per customer
            }
            UUID[] missing = Arrays.stream(ids).filter(id -> !states.containsKey(id)).toArray(UUID[]::new);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer_risk (customer_id, updated_at) "
                    + "SELECT id, now() FROM unnest(?) AS id ON CONFLICT (customer_id) DO NOTHING")) {
                insert.setArray(1, c.createArrayOf("uuid", missing));
                insert.executeUpdate();
            }
            Map<UUID, CustomerState> all = new LinkedHashMap<>(states);
            all.putAll(states(c, missing, true));
            return all;
        });
    }

    /** States of existing customers, read-only. */
    public Map<UUID, CustomerState> read(Collection<UUID> customerIds) {
        UUID[] ids = customerIds.stream().sorted().toArray(UUID[]::new);
        return session().doReturningWork(c -> states(c, ids, false));
    }

    /** Writes back the customers' rows, and the periods and credit-score points the events created or changed. */
    public void save(Collection<CustomerState> states) {
        if (states.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement update = c.prepareStatement(CustomerRiskRow.UPDATE)) {
                // one statement per row, sent as one JDBC batch: measured cheaper for PostgreSQL than a single
                // UPDATE ... FROM unnest(one array per column), whose arrays it must parse (docs/performance.md)
                for (CustomerState s : states) {
                    s.risk.loans = StateCodec.write(s.loans);
                    s.risk.signals = StateCodec.write(s.signals);
                    CustomerRiskRow.bind(update, s.risk);
                    update.addBatch();
                }
                update.executeBatch();
            }
            boolean periods = false;
            boolean scores = false;
            try (PreparedStatement period = c.prepareStatement(UPSERT_PERIOD);
                    PreparedStatement score = c.prepareStatement(UPSERT_SCORE)) {
                for (CustomerState s : states) {
                    for (RepaymentPeriod p : s.changedPeriods()) {
                        period.setObject(1, p.customerId);
                        period.setObject(2, p.loanId);
                        period.setObject(3, p.periodDate);
                        period.setInt(4, p.daysPastDue);
                        period.setBigDecimal(5, p.amountDue);
                        period.setBigDecimal(6, p.amountPaid);
                        period.setBigDecimal(7, p.outstanding);
                        period.setBigDecimal(8, p.creditLimit);
                        period.addBatch();
                        periods = true;
                    }
                    for (CreditScorePoint p : s.changedScores()) {
                        score.setObject(1, p.customerId);
                        score.setString(2, p.bureau);
                        score.setObject(3, p.scoreDate);
                        score.setInt(4, p.score);
                        score.addBatch();
                        scores = true;
                    }
                    s.markSaved();
                }
                if (periods) {
                    period.executeBatch();
                }
                if (scores) {
                    score.executeBatch();
                }
            }
        });
    }

    /**
     * Customers whose re-score date has come by {@code today}, in id order, at most {@code limit}, skipping rows
     * another transaction holds (an event batch): they are scored by that batch anyway.
     */
    public List<UUID> dueForRescore(LocalDate today, int limit) {
        return session().doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT customer_id FROM customer_risk WHERE rescore_due <= ? "
                    + "ORDER BY customer_id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                select.setObject(1, today);
                select.setInt(2, limit);
                return customerIds(select);
            }
        });
    }

    /** Customer ids after {@code after} (null: from the start), in order, one page. */
    public List<UUID> idsAfter(UUID after, int limit) {
        return session().doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT customer_id FROM customer_risk WHERE ?::uuid IS NULL "
                    + "OR customer_id > ?::uuid ORDER BY customer_id LIMIT ?")) {
                select.setObject(1, after);
                select.setObject(2, after);
                select.setInt(3, limit);
                return customerIds(select);
            }
        });
    }

    public long count() {
        return session().doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM customer_risk"); ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** One customer's row as it is (not locked), or empty. */
    public Optional<CustomerRisk> risk(UUID customerId) {
        return session().doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + CustomerRiskRow.COLUMNS + " FROM customer_risk "
                    + "WHERE customer_id = ?")) {
                select.setObject(1, customerId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(CustomerRiskRow.read(rs)) : Optional.<CustomerRisk>empty();
                }
            }
        });
    }

    /** Records matured outcomes (customer, loan, churn type, date); a loan's outcome is recorded once. */
    public void recordOutcomes(List<Object[]> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        session().doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO churn_outcome (customer_id, loan_id, churn_type, outcome_date) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Object[] o : outcomes) {
                    insert.setObject(1, o[0]);
                    insert.setObject(2, o[1]);
                    insert.setString(3, (String) o[2]);
                    insert.setObject(4, o[3]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The customer ids a statement selects (its first column), in its order. */
    private static List<UUID> customerIds(PreparedStatement select) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static Map<UUID, CustomerState> states(Connection c, UUID[] ids, boolean lock) throws SQLException {
        if (ids.length == 0) {
            return Map.of();
        }
        Array idArray = c.createArrayOf("uuid", ids);
        List<CustomerRisk> risks = new ArrayList<>(ids.length);
        try (PreparedStatement select = c.prepareStatement("SELECT " + CustomerRiskRow.COLUMNS + " FROM customer_risk WHERE customer_id = ANY(?) "
                + "ORDER BY customer_id" + (lock ? " FOR UPDATE" : ""))) {
            select.setArray(1, idArray);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    risks.add(CustomerRiskRow.read(rs));
                }
            }
        }
        Map<UUID, List<RepaymentPeriod>> periods = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT customer_id, loan_id, period_date, days_past_due, amount_due, "
                + "amount_paid, outstanding, credit_limit FROM repayment_period WHERE customer_id = ANY(?)")) {
            select.setArray(1, idArray);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    RepaymentPeriod p = new RepaymentPeriod();
                    p.customerId = rs.getObject(1, UUID.class);
                    p.loanId = rs.getObject(2, UUID.class);
                    p.periodDate = rs.getObject(3, LocalDate.class);
                    p.daysPastDue = rs.getInt(4);
                    p.amountDue = rs.getBigDecimal(5);
                    p.amountPaid = rs.getBigDecimal(6);
                    p.outstanding = rs.getBigDecimal(7);
                    p.creditLimit = rs.getBigDecimal(8);
                    periods.computeIfAbsent(p.customerId, k -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<UUID, List<CreditScorePoint>> scores = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT customer_id, bureau, score_date, score FROM credit_score_point "
                + "WHERE customer_id = ANY(?)")) {
            select.setArray(1, idArray);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    CreditScorePoint s = new CreditScorePoint();
                    s.customerId = rs.getObject(1, UUID.class);
                    s.bureau = rs.getString(2);
                    s.scoreDate = rs.getObject(3, LocalDate.class);
                    s.score = rs.getInt(4);
                    scores.computeIfAbsent(s.customerId, k -> new ArrayList<>()).add(s);
                }
            }
        }
        Map<UUID, CustomerState> states = new LinkedHashMap<>();
        for (CustomerRisk r : risks) {
            states.put(r.customerId, new CustomerState(r, periods.getOrDefault(r.customerId, List.of()),
                    scores.getOrDefault(r.customerId, List.of()), StateCodec.loans(r.loans), StateCodec.signals(r.signals)));
        }
        return states;
    }
}
