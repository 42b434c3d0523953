package com.lendkeep.customer.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lendkeep.customer.config.CustomerConfig;
import com.lendkeep.customer.domain.Customer;
import com.lendkeep.customer.domain.rules.Assessor;
import com.lendkeep.customer.domain.rules.CustomerAssessment;
import com.lendkeep.customer.domain.rules.CustomerFacts;
import com.lendkeep.customer.domain.rules.LoanFacts;
import com.lendkeep.customer.domain.rules.ScoreFacts;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.repository.ContactRepository;
import com.lendkeep.customer.repository.CreditScoreRepository;
import com.lendkeep.customer.repository.CustomerLoanRepository;
import com.lendkeep.customer.repository.CustomerRepository;
import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;

/**
 * Recomputes a customer's tier, grade, relationship depth and lifecycle stage in the transaction of
 * the change that moved an input, stores them with their reasons, and emits TIER_CHANGED and
 * GRADE_CHANGED when those change. The rules themselves are pure ({@link Assessor}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AssessmentService {

    private final CustomerRepository customers;
    private final CustomerLoanRepository loans;
    private final CreditScoreRepository scores;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final CustomerMapper mapper;
    private final EntityManager em;
    private final Assessor assessor;
    private final BusinessDateService businessDate;

    public AssessmentService(CustomerRepository customers, CustomerLoanRepository loans, CreditScoreRepository scores,
            ContactRepository contacts, Outbox outbox, CustomerMapper mapper, EntityManager em, CustomerConfig config,
            BusinessDateService businessDate) {
        this.businessDate = businessDate;
        this.customers = customers;
        this.loans = loans;
        this.scores = scores;
        this.contacts = contacts;
        this.outbox = outbox;
        this.mapper = mapper;
        this.em = em;
        this.assessor = new Assessor(config);
    }

    /** Locks and re-assesses the customer; empty if there is no such customer (e.g. a loan event for an unknown id). */
    public Optional<CustomerAssessment> reassess(UUID customerId) {
        return customers.lock(customerId).map(this::reassess);
    }

    /** Re-assesses a customer whose row the caller has locked (or just inserted). */
    public CustomerAssessment reassess(Customer customer) {
        // ages, windows and stages on the loan book's date, not the wall clock's
        LocalDate asOf = businessDate.today().date();
        CustomerAssessment assessment = assessor.assess(facts(customer, asOf));
        // The stored values, read from the row (not the entity, which may predate an earlier write in this transaction).
        Object[] stored = (Object[]) em.createNativeQuery("SELECT tier, grade FROM customer WHERE id = ?1 FOR UPDATE")
                .setParameter(1, customer.id).getSingleResult();
        String oldTier = (String) stored[0];
        String oldGrade = (String) stored[1];
        String newTier = assessment.tier().value().name();
        String newGrade = assessment.grade().value().name();
        if (!Objects.equals(oldTier, newTier)) {
            outbox.publish(EventType.TIER_CHANGED, customer.id, new Payloads.TierChanged(oldTier, newTier, assessment.tier().rule()));
        }
        if (!Objects.equals(oldGrade, newGrade)) {
            outbox.publish(EventType.GRADE_CHANGED, customer.id, new Payloads.GradeChanged(oldGrade, newGrade, assessment.grade().rule()));
        }
        em.createNativeQuery("UPDATE customer SET tier = ?1, grade = ?2, relationship_depth = ?3, lifecycle_stage = ?4, "
                + "assessment = ?5, assessed_at = ?6, assessed_on = ?8 WHERE id = ?7")
                .setParameter(1, newTier)
                .setParameter(2, newGrade)
                .setParameter(3, assessment.relationshipDepth().value().name())
                .setParameter(4, assessment.lifecycleStage().value().name())
                .setParameter(5, mapper.write(assessment))
                .setParameter(6, Instant.now())
                .setParameter(7, customer.id)
                .setParameter(8, asOf)
                .executeUpdate();
        return assessment;
    }

    CustomerFacts facts(Customer c, LocalDate asOf) {
        List<LoanFacts> loanFacts = loans.forCustomer(c.id).stream()
                .map(l -> new LoanFacts(l.principal, l.outstanding, l.interestPaid, l.annualRate, l.openedOn, l.maturityDate,
                        l.closedOn, l.status, l.daysPastDue(asOf)))
                .toList();
        ScoreFacts latest = scores.latest(c.id).map(s -> new ScoreFacts(s.score, s.bureau, s.scoreDate)).orElse(null);
        int recentContacts = contacts.countSince(c.id, asOf.minusMonths(12));
        return new CustomerFacts(asOf, c.type, c.relationshipSince, c.industry, c.collateralType, c.collateralValue, latest,
                recentContacts, loanFacts);
    }
}
