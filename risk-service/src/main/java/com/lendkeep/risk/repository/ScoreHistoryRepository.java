package com.lendkeep.risk.repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import com.lendkeep.risk.config.RiskConfig;
import com.lendkeep.risk.domain.ScoreHistory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ScoreHistoryRepository implements PanacheRepositoryBase<ScoreHistory, Long> {

    private final double minChange;

    public ScoreHistoryRepository(RiskConfig config) {
        this.minChange = config.signals().historyMinChange();
    }

    /**
     * Whether a score, champion's or challenger's, moved enough since the last scoring to keep a point (a level change
     * is kept by the caller too). Arguments in pairs: before, after.
     */
    public boolean worthKeeping(BigDecimal... beforeAndAfter) {
        for (int i = 0; i < beforeAndAfter.length; i += 2) {
            if (moved(beforeAndAfter[i], beforeAndAfter[i + 1])) {
                return true;
            }
        }
        return false;
    }

    private boolean moved(BigDecimal before, BigDecimal after) {
        if (before == null || after == null) {
            return before != after;
        }
        return Math.abs(after.doubleValue() - before.doubleValue()) >= minChange;
    }

    public List<ScoreHistory> forCustomer(UUID customerId, int limit) {
        return find("customerId", Sort.descending("scoredAt", "id"), customerId).page(0, limit).list();
    }

    /**
     * Adds many points in one statement, in plain JDBC on the transaction's connection. The ids come
     * from the table's sequence (an identity id would cost Hibernate one round trip per row), and
     * nothing is flushed first: the points are not entities of this session.
     */
    public void insertAll(List<ScoreHistory> points) {
        if (points.isEmpty()) {
            return;
        }
        int n = points.size();
        UUID[] customers = new UUID[n];
        String[] at = new String[n];
        String[] causes = new String[n];
        BigDecimal[] involuntary = new BigDecimal[n];
        BigDecimal[] voluntary = new BigDecimal[n];
        BigDecimal[] combined = new BigDecimal[n];
        String[] models = new String[n];
        BigDecimal[] involuntaryChallenger = new BigDecimal[n];
        BigDecimal[] voluntaryChallenger = new BigDecimal[n];
        String[] challengers = new String[n];
        String[] dates = new String[n];
        for (int i = 0; i < n; i++) {
            ScoreHistory p = points.get(i);
            customers[i] = p.customerId;
            at[i] = p.scoredAt.toString();
            causes[i] = p.cause;
            involuntary[i] = p.involuntaryScore;
            voluntary[i] = p.voluntaryScore;
            combined[i] = p.combinedScore;
            models[i] = p.modelVersion;
            involuntaryChallenger[i] = p.involuntaryChallenger;
            voluntaryChallenger[i] = p.voluntaryChallenger;
            challengers[i] = p.challengerVersion;
            dates[i] = p.businessDate == null ? null : p.businessDate.toString();
        }
        getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO score_history (customer_id, scored_at, cause, "
                    + "involuntary_score, voluntary_score, combined_score, model_version, involuntary_challenger, voluntary_challenger, "
                    + "challenger_version, business_date) SELECT * FROM unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::numeric[], "
                    + "?::numeric[], ?::numeric[], ?::text[], ?::numeric[], ?::numeric[], ?::text[], ?::date[])")) {
                insert.setArray(1, c.createArrayOf("uuid", customers));
                insert.setArray(2, c.createArrayOf("text", at));
                insert.setArray(3, c.createArrayOf("text", causes));
                insert.setArray(4, c.createArrayOf("numeric", involuntary));
                insert.setArray(5, c.createArrayOf("numeric", voluntary));
                insert.setArray(6, c.createArrayOf("numeric", combined));
                insert.setArray(7, c.createArrayOf("text", models));
                insert.setArray(8, c.createArrayOf("numeric", involuntaryChallenger));
                insert.setArray(9, c.createArrayOf("numeric", voluntaryChallenger));
                insert.setArray(10, c.createArrayOf("text", challengers));
                insert.setArray(11, c.createArrayOf("text", dates));
                insert.executeUpdate();
            }
        });
    }
}
