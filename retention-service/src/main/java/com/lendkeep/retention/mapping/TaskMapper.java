package com.lendkeep.retention.mapping;

import java.time.LocalDate;

import com.lendkeep.retention.api.TaskResponse;
import com.lendkeep.retention.domain.RetentionTask;
import com.lendkeep.retention.domain.TaskStatus;

public final class TaskMapper {
    private TaskMapper() {
    }

    public static TaskResponse toResponse(RetentionTask t, LocalDate today) {
        return new TaskResponse(t.id, t.interventionId, t.customerId, t.kind, t.owner, t.dueDate, t.dueAt,
                t.status == TaskStatus.OPEN && (t.dueDate.isBefore(today) || t.overdueAt != null), t.overdueAt, t.status, t.createdAt, t.closedAt, t.closedBy, t.note);
    }
}
