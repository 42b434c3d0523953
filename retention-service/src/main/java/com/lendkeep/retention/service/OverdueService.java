package com.lendkeep.retention.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.events.EventType;
import com.lendkeep.platform.events.Payloads;
import com.lendkeep.platform.outbox.Outbox;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.domain.RetentionTask;
import com.lendkeep.retention.domain.TaskStatus;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.repository.TaskRepository;

/**
 * Approvals and tasks past their due time (docs/retention.md, "Approvals" and "Tasks"): each is
 * flagged once ({@code overdueAt}) and escalated with RETENTION_ITEM_OVERDUE on retention-events,
 * in the same transaction (outbox). Run by {@link OverdueJob} and by POST /interventions/overdue.
 */
@ApplicationScoped
@Transactional
public class OverdueService {

    static final String APPROVERS = "retention-managers";
    static final int BATCH = 500;

    private final InterventionRepository interventions;
    private final TaskRepository tasks;
    private final Outbox outbox;

    public OverdueService(InterventionRepository interventions, TaskRepository tasks, Outbox outbox) {
        this.interventions = interventions;
        this.tasks = tasks;
        this.outbox = outbox;
    }

    /** @return the ids of the approvals (interventions) and tasks escalated now */
    public List<UUID> escalate(Instant asOf) {
        List<UUID> escalated = new ArrayList<>();
        List<Intervention> approvals = interventions.list(
                "status = ?1 and approvalDueAt <= ?2 and overdueAt is null order by approvalDueAt", InterventionStatus.PROPOSED, asOf);
        for (Intervention i : approvals.subList(0, Math.min(BATCH, approvals.size()))) {
            i.overdueAt = asOf;
            outbox.publish(EventType.RETENTION_ITEM_OVERDUE, i.customerId,
                    new Payloads.RetentionItemOverdue(i.id, "APPROVAL", i.id, i.approvalDueAt, APPROVERS));
            escalated.add(i.id);
        }
        List<RetentionTask> open = tasks.list("status = ?1 and dueAt <= ?2 and overdueAt is null order by dueAt", TaskStatus.OPEN, asOf);
        for (RetentionTask t : open.subList(0, Math.min(BATCH, open.size()))) {
            t.overdueAt = asOf;
            outbox.publish(EventType.RETENTION_ITEM_OVERDUE, t.customerId,
                    new Payloads.RetentionItemOverdue(t.id, "TASK", t.interventionId, t.dueAt, t.owner));
            escalated.add(t.id);
        }
        return escalated;
    }
}
