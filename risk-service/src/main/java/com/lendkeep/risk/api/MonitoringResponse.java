package com.lendkeep.risk.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.lendkeep.risk.domain.ChurnType;
import com.lendkeep.risk.model.ModelTrainer;

/**
 * How the champion and the challenger did on matured outcomes, and whether today's customers still
 * look like the active model's training data.
 *
 * @param matured    customers with a score kept at least {@code horizonDays} before the business date
 * @param churned    of those, how many churned (this type) within the horizon after that score
 * @param psi        population stability index of each model input, today's customers against the training data
 * @param drift      true when any input's PSI is above {@code psiDriftAbove}
 */
public record MonitoringResponse(ChurnType churnType, LocalDate businessDate, int horizonDays, int matured, int churned,
        Performance champion, Performance challenger, String activeModel, int customersCompared, Map<String, Double> psi,
        double psiDriftAbove, boolean drift, List<String> drifted) {

    /** @param auc null when the matured outcomes hold only one class */
    public record Performance(int scored, Double auc, double brier, List<ModelTrainer.Decile> calibration) {
    }
}
