package com.lendkeep.retention.service;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.retention.api.BudgetResponse;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.rules.BudgetPeriods;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BudgetService {

    private final InterventionRepository interventions;
    private final RetentionConfig config;

    public BudgetService(InterventionRepository interventions, RetentionConfig config) {
        this.interventions = interventions;
        this.config = config;
    }

    public BudgetResponse of(LocalDate date) {
        BudgetPeriods.Range range = BudgetPeriods.of(config.budget().period(), date);
        var committed = interventions.committedCost(range.key()).setScale(2, java.math.RoundingMode.HALF_UP);
        var limit = config.budget().limit();
        return new BudgetResponse(range.key(), range.from(), range.to(), limit, committed, limit.subtract(committed),
                config.approval().threshold());
    }
}
