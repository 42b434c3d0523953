package com.lendkeep.loan.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.loan.api.PortfolioResponse;
import com.lendkeep.loan.domain.LoanStatus;

/** Loan book totals, one aggregate query over the installments of active loans and one over closed loans. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PortfolioService {

    private final EntityManager em;
    private final DelinquencyService delinquency;
    private final BusinessCalendar calendar;

    public PortfolioService(EntityManager em, DelinquencyService delinquency, BusinessCalendar calendar) {
        this.em = em;
        this.delinquency = delinquency;
        this.calendar = calendar;
    }

    public PortfolioResponse totals() {
        Map<String, PortfolioResponse.Segment> byBucket = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.delinquency_bucket, count(DISTINCT l.id),
                       coalesce(sum(i.principal_due - i.principal_paid), 0),
                       coalesce(sum(i.principal_due + i.interest_due + i.fee_due - i.principal_paid - i.interest_paid - i.fee_paid)
                                FILTER (WHERE i.status = 'OVERDUE'), 0)
                FROM loan l JOIN installment i ON i.loan_id = l.id
                WHERE l.status = 'ACTIVE'
                GROUP BY l.delinquency_bucket""").getResultList();
        for (Object[] r : rows) {
            String bucket = (String) r[0];
            byBucket.put(bucket == null ? "" : bucket, new PortfolioResponse.Segment(bucket, ((Number) r[1]).longValue(),
                    money(r[2]), money(r[3])));
        }
        PortfolioResponse.Segment current = byBucket.getOrDefault("", new PortfolioResponse.Segment(null, 0, money(0), money(0)));
        List<PortfolioResponse.Segment> buckets = new ArrayList<>();
        for (String name : delinquency.buckets().names()) {
            buckets.add(byBucket.getOrDefault(name, new PortfolioResponse.Segment(name, 0, money(0), money(0))));
        }
        long active = byBucket.values().stream().mapToLong(PortfolioResponse.Segment::loans).sum();
        BigDecimal outstanding = byBucket.values().stream().map(PortfolioResponse.Segment::outstandingPrincipal)
                .reduce(money(0), BigDecimal::add);
        BigDecimal overdue = byBucket.values().stream().map(PortfolioResponse.Segment::overdueAmount).reduce(money(0), BigDecimal::add);

        Map<String, Long> closed = new LinkedHashMap<>();
        for (LoanStatus s : LoanStatus.values()) {
            if (s.isClosed()) {
                closed.put(s.name(), 0L);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> closedRows = em.createNativeQuery("SELECT status, count(*) FROM loan WHERE status <> 'ACTIVE' GROUP BY status")
                .getResultList();
        closedRows.forEach(r -> closed.put((String) r[0], ((Number) r[1]).longValue()));
        Object chargedOff = em.createNativeQuery("""
                SELECT coalesce(sum(i.principal_due - i.principal_paid), 0) FROM loan l JOIN installment i ON i.loan_id = l.id
                WHERE l.status = 'CHARGED_OFF'""").getSingleResult();
        Object[] cash = (Object[]) em.createNativeQuery("""
                SELECT coalesce(sum(recovered) FILTER (WHERE status = 'CHARGED_OFF'), 0), coalesce(sum(credit_balance), 0)
                FROM loan WHERE recovered > 0 OR credit_balance > 0""").getSingleResult();
        return new PortfolioResponse(calendar.today(), active, outstanding, overdue, current, buckets, closed, money(chargedOff),
                money(cash[0]), money(cash[1]));
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }
}
