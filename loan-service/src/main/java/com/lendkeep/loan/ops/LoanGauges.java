package com.lendkeep.loan.ops;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.platform.ops.TableGauges;

/** loan-service's business gauges (docs/operations.md): the last close of business. */
@ApplicationScoped
public class LoanGauges implements TableGauges.Catalog {

    private static final String LAST_RUN = "FROM close_of_business_run ORDER BY id DESC LIMIT 1";

    @Override
    public List<TableGauges.Definition> gauges() {
        return List.of(
                new TableGauges.Definition("lendkeep.loan.cob.last.duration", "Duration of the last close of business", "seconds",
                        List.of(), "SELECT EXTRACT(EPOCH FROM finished_at - started_at) " + LAST_RUN),
                new TableGauges.Definition("lendkeep.loan.cob.last.missed.payments",
                        "Missed payments found by the last close of business", null, List.of(), "SELECT missed_payments " + LAST_RUN),
                new TableGauges.Definition("lendkeep.loan.cob.runs", "Close-of-business runs recorded", null, List.of(),
                        "SELECT count(*) FROM close_of_business_run"));
    }
}
