package com.lendkeep.loan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.ScheduleVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ScheduleVersionRepository implements PanacheRepositoryBase<ScheduleVersion, ScheduleVersion.Key> {

    public List<ScheduleVersion> forLoan(UUID loanId) {
        return list("loanId", Sort.ascending("version"), loanId);
    }
}
