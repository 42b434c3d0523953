package com.lendkeep.retention.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.lendkeep.retention.domain.PlaybookChange;
import com.lendkeep.retention.domain.PlaybookRuleRecord;

/** The current rules and the change log, which is also the version history. */
@ApplicationScoped
public class PlaybookRepository {

    private final EntityManager em;

    public PlaybookRepository(EntityManager em) {
        this.em = em;
    }

    public List<PlaybookRuleRecord> rules() {
        return em.createQuery("select r from PlaybookRuleRecord r order by r.priority, r.id", PlaybookRuleRecord.class).getResultList();
    }

    public Optional<PlaybookRuleRecord> rule(String id) {
        return Optional.ofNullable(em.find(PlaybookRuleRecord.class, id));
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(PlaybookRuleRecord rule) {
        em.remove(rule);
    }

    public Optional<PlaybookChange> latest() {
        return em.createQuery("select c from PlaybookChange c order by c.version desc", PlaybookChange.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * A rule's own version (its ETag): the playbook version that last created or replaced it, or for a
     * rule untouched since the seed, the seed's version.
     */
    public int ruleVersion(String id) {
        Integer changed = em.createQuery("select max(c.version) from PlaybookChange c where c.ruleId = :id and c.action in ('CREATE', 'UPDATE')",
                Integer.class).setParameter("id", id).getSingleResult();
        if (changed != null) {
            return changed;
        }
        Integer seed = em.createQuery("select max(c.version) from PlaybookChange c where c.action = 'SEED'", Integer.class).getSingleResult();
        return seed == null ? 0 : seed;
    }

    public Optional<PlaybookChange> version(int version) {
        return Optional.ofNullable(em.find(PlaybookChange.class, version));
    }

    public List<PlaybookChange> versions(int page, int size) {
        return em.createQuery("select c from PlaybookChange c order by c.version desc", PlaybookChange.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }
}
