package com.lendkeep.risk.repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.hibernate.query.NativeQuery;

import com.lendkeep.risk.domain.ScoreHistory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ScoreHistoryRepository implements PanacheRepositoryBase<ScoreHistory, Long> {

    public List<ScoreHistory> forCustomer(UUID customerId, int limit) {
        return find("customerId", Sort.descending("scoredAt", "id"), customerId).page(0, limit).list();
    }

    /**
     * Adds many points in one statement. The ids come from the table's sequence (an identity id
     * would cost Hibernate one round trip per row), and nothing is flushed first: the points are not
     * entities of this session.
     */
    public void insertAll(List<ScoreHistory> points) {
        if (points.isEmpty()) {
            return;
        }
        int n = points.size();
        UUID[] customers = new UUID[n];
        Timestamp[] at = new Timestamp[n];
        String[] causes = new String[n];
        BigDecimal[] involuntary = new BigDecimal[n];
        BigDecimal[] voluntary = new BigDecimal[n];
        BigDecimal[] combined = new BigDecimal[n];
        String[] models = new String[n];
        for (int i = 0; i < n; i++) {
            ScoreHistory p = points.get(i);
            customers[i] = p.customerId;
            at[i] = Timestamp.from(p.scoredAt);
            causes[i] = p.cause;
            involuntary[i] = p.involuntaryScore;
            voluntary[i] = p.voluntaryScore;
            combined[i] = p.combinedScore;
            models[i] = p.modelVersion;
        }
        getEntityManager().createNativeQuery("INSERT INTO score_history (customer_id, scored_at, cause, involuntary_score, voluntary_score, "
                + "combined_score, model_version) SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS timestamptz[]), CAST(?3 AS text[]), "
                + "CAST(?4 AS numeric[]), CAST(?5 AS numeric[]), CAST(?6 AS numeric[]), CAST(?7 AS text[]))")
                .setFlushMode(FlushModeType.COMMIT)
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("score_history")
                .setParameter(1, customers).setParameter(2, at).setParameter(3, causes).setParameter(4, involuntary)
                .setParameter(5, voluntary).setParameter(6, combined).setParameter(7, models)
                .executeUpdate();
    }
}
