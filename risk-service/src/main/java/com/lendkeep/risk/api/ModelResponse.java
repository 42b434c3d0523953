package com.lendkeep.risk.api;

import java.time.Instant;
import java.util.List;

import com.lendkeep.risk.domain.ChurnModelRecord;
import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.ModelTrainer;

/**
 * @param unknownCustomers customers of the request that risk-service has no features for (left out)
 * @param rescoring        customers re-scored since activation, of how many; null when not active
 */
public record ModelResponse(String version, String algorithm, ChurnType churnType, ChurnModelRecord.Status status, Instant createdAt,
        Instant activatedAt, int trainingSize, int positives, ModelTrainer.Metrics metrics, List<String> features,
        Integer unknownCustomers, Progress rescoring) {

    public record Progress(long done, long total, boolean finished) {
    }
}
