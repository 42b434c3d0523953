package com.lendkeep.retention.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionEvent;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.domain.RetentionTask;
import com.lendkeep.retention.domain.TaskStatus;
import com.lendkeep.retention.repository.InterventionEventRepository;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.repository.TaskRepository;
import com.lendkeep.retention.rules.ContactPolicy;


/**
 * The intervention lifecycle (docs/retention.md, "Lifecycle"). Every change goes through
 * {@link #move}, which refuses a transition the lifecycle does not allow and records who made it,
 * when and why. Repeating a command that already took effect returns the intervention as it is.
 */
@ApplicationScoped
@Transactional
public class InterventionService {

    public static final String SYSTEM = "system";

    private final InterventionRepository interventions;
    private final InterventionEventRepository events;
    private final TaskRepository tasks;
    private final ContactPolicyService contact;
    private final Outbox outbox;
    private final Locks locks;
    private final EntityManager em;
    private final RetentionConfig config;
    private final Clock clock;

    public InterventionService(InterventionRepository interventions, InterventionEventRepository events, TaskRepository tasks,
            ContactPolicyService contact, Outbox outbox, Locks locks, EntityManager em, RetentionConfig config, Clock clock) {
        this.interventions = interventions;
        this.events = events;
        this.tasks = tasks;
        this.contact = contact;
        this.outbox = outbox;
        this.locks = locks;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** A new intervention starts PROPOSED; below the approval threshold it is approved (and offered) at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Intervention i, String detail) {
        i.status = InterventionStatus.PROPOSED;
        i.updatedAt = clock.instant(); // before persist: Hibernate inserts the state of that moment
        interventions.persist(i);
        record(i, null, InterventionStatus.PROPOSED, i.proposedBy, detail);
        if (!i.approvalRequired) {
            i.approvedBy = SYSTEM;
            i.approvedAt = clock.instant();
            move(i, InterventionStatus.APPROVED, SYSTEM, "automatic: estimated cost " + i.estimatedCost.toPlainString()
                    + " is not above the approval threshold " + config.approval().threshold().toPlainString() + " and " + i.kind
                    + " is not a kind a person must approve");
            offerIfAutomatic(i);
        }
    }

    /** Four eyes: the approver is a person and not the proposer. */
    public Intervention approve(UUID id, String user, String note) {
        Intervention i = lock(id);
        if (i.status != InterventionStatus.PROPOSED) {
            if (user.equalsIgnoreCase(String.valueOf(i.approvedBy))) {
                return i;
            }
            throw ApiException.conflict("intervention " + id + " is " + i.status + (i.approvedBy == null ? "" : " (approved by "
                    + i.approvedBy + ")") + ": only a PROPOSED intervention can be approved");
        }
        fourEyes(i, user, "approve");
        i.approvedBy = user;
        i.approvedAt = clock.instant();
        move(i, InterventionStatus.APPROVED, user, note == null ? "approved" : "approved: " + note);
        offerIfAutomatic(i);
        return i;
    }

    public Intervention reject(UUID id, String user, String note) {
        Intervention i = lock(id);
        if (i.status == InterventionStatus.REJECTED) {
            return i;
        }
        if (i.status != InterventionStatus.PROPOSED) {
            throw ApiException.conflict("intervention " + id + " is " + i.status + ": only a PROPOSED intervention can be rejected");
        }
        fourEyes(i, user, "reject");
        i.approvedBy = user;
        i.approvedAt = clock.instant();
        move(i, InterventionStatus.REJECTED, user, note == null ? "rejected" : "rejected: " + note);
        return i;
    }

    /** Offers an approved (or earlier blocked) intervention if the contact policy allows it now; else it is BLOCKED with the reason. */
    public Intervention offer(UUID id, String user, String channel) {
        Intervention i = lock(id);
        if (i.status == InterventionStatus.OFFERED) {
            return i;
        }
        if (i.status != InterventionStatus.APPROVED && i.status != InterventionStatus.BLOCKED) {
            throw ApiException.conflict("intervention " + id + " is " + i.status + ": only an APPROVED or BLOCKED intervention can be offered"
                    + (i.status == InterventionStatus.PROPOSED ? " (it awaits approval)" : ""));
        }
        tryOffer(i, user, channel);
        return i;
    }

    public Intervention accept(UUID id, String user, String note) {
        Intervention i = lock(id);
        switch (i.status) {
            case ACCEPTED, APPLIED -> {
                return i;
            }
            case OFFERED -> {
                Instant now = clock.instant();
                if (!now.isBefore(i.offerExpiresAt)) {
                    throw ApiException.conflict("intervention " + id + ": the offer expired at " + i.offerExpiresAt + " and cannot be accepted");
                }
                i.decidedBy = user;
                i.decidedAt = now;
                move(i, InterventionStatus.ACCEPTED, user, note == null ? "customer accepted" : "customer accepted: " + note);
                if (i.kind.isTask()) {
                    openTask(i);
                } else {
                    outbox.publish(EventType.INTERVENTION_ACCEPTED, i.customerId, new Payloads.InterventionAccepted(i.id, i.loanId,
                            i.kind.name(), i.extensionMonths == null ? 0 : i.extensionMonths, i.newAnnualRate, i.newTermMonths,
                            i.holidayMonths, i.feeWaived));
                }
                return i;
            }
            default -> throw ApiException.conflict("intervention " + id + " is " + i.status + " and cannot be accepted: " + whyNotOpen(i));
        }
    }

    public Intervention decline(UUID id, String user, String note) {
        Intervention i = lock(id);
        if (i.status == InterventionStatus.DECLINED) {
            return i;
        }
        if (i.status != InterventionStatus.OFFERED) {
            throw ApiException.conflict("intervention " + id + " is " + i.status + " and cannot be declined: " + whyNotOpen(i));
        }
        i.decidedBy = user;
        i.decidedAt = clock.instant();
        move(i, InterventionStatus.DECLINED, user, note == null ? "customer declined" : "customer declined: " + note);
        return i;
    }

    public Intervention withdraw(UUID id, String user, String note) {
        Intervention i = lock(id);
        if (i.status == InterventionStatus.WITHDRAWN) {
            return i;
        }
        if (!InterventionStatus.OPEN.contains(i.status)) {
            throw ApiException.conflict("intervention " + id + " is " + i.status + ": only PROPOSED, APPROVED, BLOCKED or OFFERED can be withdrawn");
        }
        move(i, InterventionStatus.WITHDRAWN, user, note == null ? "withdrawn" : "withdrawn: " + note);
        return i;
    }

    /** Expires every offer whose validity ended at or before {@code asOf}. Run by the scheduler and by POST /interventions/expire. */
    public List<UUID> expire(Instant asOf) {
        List<UUID> expired = new ArrayList<>();
        for (UUID id : interventions.offersExpiringBy(asOf)) {
            Intervention i = lock(id);
            if (i.status == InterventionStatus.OFFERED && !i.offerExpiresAt.isAfter(asOf)) {
                move(i, InterventionStatus.EXPIRED, SYSTEM, "no answer: the offer expired at " + i.offerExpiresAt);
                expired.add(id);
            }
        }
        return expired;
    }

    /** Withdraws the open interventions where {@code field} (alertId, loanId or customerId) is {@code value}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawOpen(String field, UUID value, String why, boolean offeredToo) {
        for (UUID id : interventions.openIds(field, value)) {
            Intervention i = lock(id);
            if (InterventionStatus.OPEN.contains(i.status) && (offeredToo || i.status != InterventionStatus.OFFERED)) {
                move(i, InterventionStatus.WITHDRAWN, SYSTEM, why);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onTaskClosed(UUID interventionId, boolean done, String user, String detail) {
        Intervention i = lock(interventionId);
        if (i.status != InterventionStatus.ACCEPTED) {
            return;
        }
        i.outcomeDetail = detail;
        if (done) {
            i.appliedAt = clock.instant();
        }
        move(i, done ? InterventionStatus.APPLIED : InterventionStatus.FAILED, user, detail);
    }

    private void offerIfAutomatic(Intervention i) {
        if (config.offers().autoOffer()) {
            tryOffer(i, SYSTEM, null);
        }
    }

    private void tryOffer(Intervention i, String user, String channel) {
        locks.customer(i.customerId); // counting the customer's recent offers and adding one must not interleave
        ContactPolicy.Decision decision = contact.decide(i.customerId, i.kind, channel);
        if (decision.allowed()) {
            Instant now = clock.instant();
            i.offeredBy = user;
            i.offeredAt = now;
            i.offerChannel = decision.channel();
            i.offerExpiresAt = now.plus(Duration.ofDays(config.offers().validityDays()));
            i.deliveryDetail = null;
            move(i, InterventionStatus.OFFERED, user, "offered by " + decision.channel() + " until " + i.offerExpiresAt);
        } else if (i.status != InterventionStatus.BLOCKED || !decision.reason().equals(i.deliveryDetail)) {
            i.deliveryDetail = decision.reason();
            move(i, InterventionStatus.BLOCKED, user, decision.reason());
        }
    }

    private void openTask(Intervention i) {
        RetentionTask t = new RetentionTask();
        t.id = UUID.randomUUID();
        t.interventionId = i.id;
        t.customerId = i.customerId;
        t.kind = i.kind;
        t.owner = config.tasks().owner().getOrDefault(i.kind.name(),
                i.kind == InterventionKind.RELATIONSHIP_MANAGER_CALL ? "relationship-managers" : "financial-counselling");
        t.dueDate = LocalDate.now(clock).plusDays(config.tasks().dueDays());
        t.dueAt = t.dueDate.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        t.status = TaskStatus.OPEN;
        t.createdAt = clock.instant();
        tasks.persist(t);
    }

    private static void fourEyes(Intervention i, String user, String what) {
        if (SYSTEM.equalsIgnoreCase(user) || user.equalsIgnoreCase(i.proposedBy)) {
            throw new ApiException(403, "Forbidden", "four eyes: " + user + " proposed intervention " + i.id + " and cannot " + what
                    + " it; another person must", "decidedBy");
        }
    }

    private static String whyNotOpen(Intervention i) {
        return switch (i.status) {
            case PROPOSED -> "it awaits approval";
            case APPROVED -> "it has not been offered yet";
            case BLOCKED -> "it could not be offered (" + i.deliveryDetail + ")";
            case EXPIRED -> "the offer expired at " + i.offerExpiresAt;
            case FAILED -> "loan-service could not apply it (" + i.outcomeDetail + ")";
            default -> "the customer's answer is already " + i.status;
        };
    }

    /** The one way an intervention changes status: refused when the lifecycle does not allow it, recorded with who and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    void move(Intervention i, InterventionStatus to, String actor, String detail) {
        if (!i.status.canBecome(to)) {
            throw new IllegalStateException("intervention " + i.id + ": " + i.status + " -> " + to + " is not a lifecycle transition");
        }
        InterventionStatus from = i.status;
        i.status = to;
        i.updatedAt = clock.instant();
        record(i, from, to, actor, detail);
    }

    private void record(Intervention i, InterventionStatus from, InterventionStatus to, String actor, String detail) {
        InterventionEvent e = new InterventionEvent();
        e.interventionId = i.id;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor;
        e.at = clock.instant();
        e.detail = detail;
        events.persist(e);
        i.updatedAt = e.at;
    }

    private Intervention lock(UUID id) {
        Intervention i = em.find(Intervention.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ApiException.notFound("intervention", id);
        }
        return i;
    }
}
