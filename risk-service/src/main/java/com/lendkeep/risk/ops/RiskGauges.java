package com.lendkeep.risk.ops;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.platform.ops.TableGauges;

/** risk-service's business gauges (docs/operations.md). */
@ApplicationScoped
public class RiskGauges implements TableGauges.Catalog {

    @Override
    public List<TableGauges.Definition> gauges() {
        return List.of(new TableGauges.Definition("lendkeep.risk.alerts.open", "Open churn-risk alerts by churn type and level",
                null, List.of("churn_type", "level"),
                "SELECT churn_type, level, count(*) FROM churn_alert WHERE status = 'OPEN' GROUP BY 1, 2"));
    }
}
