package com.lendkeep.loan.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.domain.CloseOfBusinessRun;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CloseOfBusinessRunRepository implements PanacheRepositoryBase<CloseOfBusinessRun, Long> {

    public Optional<CloseOfBusinessRun> unfinished() {
        return find("finishedAt is null").firstResultOptional();
    }

    public Optional<CloseOfBusinessRun> latest() {
        return findAll(Sort.descending("id")).firstResultOptional();
    }
}
