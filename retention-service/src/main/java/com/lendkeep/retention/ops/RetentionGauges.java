package com.lendkeep.retention.ops;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.platform.ops.TableGauges;
import com.lendkeep.retention.domain.InterventionStatus;

/** retention-service's business gauges (docs/operations.md). */
@ApplicationScoped
public class RetentionGauges implements TableGauges.Catalog {

    @Override
    public List<TableGauges.Definition> gauges() {
        String committed = InterventionStatus.COMMITTED.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        return List.of(
                new TableGauges.Definition("lendkeep.retention.interventions", "Interventions by kind and status", null,
                        List.of("kind", "status"), "SELECT kind, status, count(*) FROM intervention GROUP BY 1, 2"),
                new TableGauges.Definition("lendkeep.retention.budget.committed",
                        "Estimated cost committed by interventions, per budget period", null, List.of("period"),
                        "SELECT budget_period, sum(estimated_cost) FROM intervention WHERE status IN (" + committed + ") "
                                + "GROUP BY 1 ORDER BY 1 DESC LIMIT 3"));
    }
}
