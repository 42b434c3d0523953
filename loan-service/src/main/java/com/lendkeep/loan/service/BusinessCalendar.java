package com.lendkeep.loan.service;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.domain.BusinessDate;

/** The loan book's business date (not the wall clock): every due-date decision uses it. */
@ApplicationScoped
public class BusinessCalendar {

    private final EntityManager em;

    public BusinessCalendar(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate today() {
        return em.find(BusinessDate.class, BusinessDate.SINGLETON).current;
    }

    /** Locks the business date row so that two advances (or an advance and a repayment) serialize. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BusinessDate lock() {
        return em.find(BusinessDate.class, BusinessDate.SINGLETON, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void set(BusinessDate row, LocalDate date) {
        row.current = date;
        row.updatedAt = Instant.now();
    }
}
