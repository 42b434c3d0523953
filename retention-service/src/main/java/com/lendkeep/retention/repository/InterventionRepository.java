package com.lendkeep.retention.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InterventionRepository implements PanacheRepositoryBase<Intervention, UUID> {

    public List<Intervention> search(UUID customerId, UUID alertId, InterventionStatus status, InterventionKind kind, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (customerId != null) {
            query.append(" and customerId = :customerId");
            params.and("customerId", customerId);
        }
        if (alertId != null) {
            query.append(" and alertId = :alertId");
            params.and("alertId", alertId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        return find(query.toString(), Sort.descending("proposedAt").and("id"), params).page(Page.of(page, size)).list();
    }

    public List<Intervention> forAlert(UUID alertId) {
        return list("alertId", Sort.ascending("proposedAt"), alertId);
    }

    public List<Intervention> forAlerts(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of() : list("alertId in ?1", alertIds);
    }

    /** Estimated cost committed in a budget period. */
    public BigDecimal committedCost(String budgetPeriod) {
        BigDecimal sum = getEntityManager().createQuery(
                "select coalesce(sum(i.estimatedCost), 0) from Intervention i where i.budgetPeriod = :period and i.status in :statuses",
                BigDecimal.class)
                .setParameter("period", budgetPeriod)
                .setParameter("statuses", InterventionStatus.COMMITTED)
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** The customer's committed interventions proposed for dates in [from, to]. */
    public List<Intervention> committedBetween(UUID customerId, LocalDate from, LocalDate to) {
        return list("customerId = ?1 and asOfDate >= ?2 and asOfDate <= ?3 and status in ?4", customerId, from, to,
                InterventionStatus.COMMITTED);
    }

    public long offersSince(UUID customerId, Instant since) {
        return count("customerId = ?1 and offeredAt >= ?2", customerId, since);
    }

    public List<UUID> offersExpiringBy(Instant asOf) {
        return getEntityManager().createQuery(
                "select i.id from Intervention i where i.status = :status and i.offerExpiresAt <= :asOf order by i.offerExpiresAt", UUID.class)
                .setParameter("status", InterventionStatus.OFFERED)
                .setParameter("asOf", asOf)
                .getResultList();
    }

    public List<UUID> openIds(String field, UUID value) {
        return getEntityManager().createQuery("select i.id from Intervention i where i." + field + " = :value and i.status in :open",
                UUID.class)
                .setParameter("value", value)
                .setParameter("open", InterventionStatus.OPEN)
                .getResultList();
    }
}
