package com.lendkeep.retention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.domain.RetentionTask;
import com.lendkeep.retention.domain.TaskStatus;
import com.lendkeep.retention.repository.TaskRepository;

/** Relationship-manager calls and counselling sessions: done makes the intervention APPLIED, cancelled FAILED. */
@ApplicationScoped
@Transactional
public class TaskService {

    private final TaskRepository tasks;
    private final InterventionService interventions;
    private final EntityManager em;
    private final Clock clock;

    public TaskService(TaskRepository tasks, InterventionService interventions, EntityManager em, Clock clock) {
        this.tasks = tasks;
        this.interventions = interventions;
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RetentionTask> search(String owner, TaskStatus status, UUID customerId, int page, int size) {
        return tasks.search(owner, status, customerId, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RetentionTask get(UUID id) {
        return tasks.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("task", id));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Only the task's owner, or a retention manager, closes it. */
    public RetentionTask complete(UUID id, String user, boolean manager, String note) {
        RetentionTask t = lock(id);
        requireOwner(t, user, manager, "complete");
        if (t.status == TaskStatus.DONE) {
            return t;
        }
        requireOpen(t, "completed");
        close(t, TaskStatus.DONE, user, note);
        interventions.onTaskClosed(t.interventionId, true, user, t.kind + " done by " + user + (note == null ? "" : ": " + note));
        return t;
    }

    public RetentionTask cancel(UUID id, String user, boolean manager, String note) {
        RetentionTask t = lock(id);
        requireOwner(t, user, manager, "cancel");
        if (t.status == TaskStatus.CANCELLED) {
            return t;
        }
        requireOpen(t, "cancelled");
        close(t, TaskStatus.CANCELLED, user, note);
        interventions.onTaskClosed(t.interventionId, false, user, t.kind + " cancelled by " + user + (note == null ? "" : ": " + note));
        return t;
    }

    public RetentionTask reassign(UUID id, String owner, String user) {
        if (owner == null || owner.isBlank()) {
            throw ApiException.badRequest("owner", "owner is required to reassign a task");
        }
        RetentionTask t = lock(id);
        requireOpen(t, "reassigned");
        t.note = "reassigned from " + t.owner + " to " + owner + " by " + user;
        t.owner = owner.trim();
        return t;
    }

    /** An erased customer's open tasks are cancelled: nobody may call them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelOpenFor(UUID customerId, String why) {
        for (RetentionTask t : tasks.openForCustomer(customerId)) {
            close(t, TaskStatus.CANCELLED, InterventionService.SYSTEM, why);
            interventions.onTaskClosed(t.interventionId, false, InterventionService.SYSTEM, why);
        }
    }

    private void close(RetentionTask t, TaskStatus status, String user, String note) {
        t.status = status;
        t.closedAt = clock.instant();
        t.closedBy = user;
        t.note = note;
    }

    private static void requireOwner(RetentionTask t, String user, boolean manager, String what) {
        if (!manager && !t.owner.equalsIgnoreCase(user)) {
            throw ApiException.forbidden("task " + t.id + " is owned by " + t.owner + ": only its owner or a retention manager may " + what
                    + " it (a manager reassigns a queue's task to a person first)");
        }
    }

    private static void requireOpen(RetentionTask t, String what) {
        if (t.status != TaskStatus.OPEN) {
            throw ApiException.conflict("task " + t.id + " is " + t.status + " and cannot be " + what);
        }
    }

    private RetentionTask lock(UUID id) {
        RetentionTask t = em.find(RetentionTask.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw ApiException.notFound("task", id);
        }
        return t;
    }
}
