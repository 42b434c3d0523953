package com.lendkeep.retention.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionEvent;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.repository.InterventionEventRepository;
import com.lendkeep.retention.repository.InterventionRepository;
import com.lendkeep.retention.repository.TaskRepository;

/** Read side of interventions: search, one, its history, its task. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InterventionQueryService {

    private final InterventionRepository interventions;
    private final InterventionEventRepository events;
    private final TaskRepository tasks;

    public InterventionQueryService(InterventionRepository interventions, InterventionEventRepository events, TaskRepository tasks) {
        this.interventions = interventions;
        this.events = events;
        this.tasks = tasks;
    }

    public List<Intervention> search(UUID customerId, UUID alertId, InterventionStatus status, InterventionKind kind, int page, int size) {
        return interventions.search(customerId, alertId, status, kind, page, size);
    }

    public Intervention get(UUID id) {
        return interventions.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("intervention", id));
    }

    public List<InterventionEvent> history(UUID id) {
        get(id);
        return events.history(id);
    }

    public UUID taskOf(UUID interventionId) {
        return tasks.forIntervention(interventionId).map(t -> t.id).orElse(null);
    }

}
