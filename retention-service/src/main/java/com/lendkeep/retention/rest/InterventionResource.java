package com.lendkeep.retention.rest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.DecisionRequest;
import com.lendkeep.retention.api.ExpiryRun;
import com.lendkeep.retention.api.HistoryEntry;
import com.lendkeep.retention.api.InterventionResponse;
import com.lendkeep.retention.api.OfferRequest;
import com.lendkeep.retention.api.ProposalRequest;
import com.lendkeep.retention.domain.Intervention;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.domain.InterventionStatus;
import com.lendkeep.retention.mapping.InterventionMapper;
import com.lendkeep.retention.service.InterventionService;
import com.lendkeep.retention.service.ManualProposalService;

@Path("/interventions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interventions", description = "Retention offers: PROPOSED -> APPROVED -> OFFERED -> ACCEPTED -> APPLIED (docs/retention.md)")
@Idempotent
public class InterventionResource {

    private final InterventionService service;
    private final ManualProposalService proposals;
    private final com.lendkeep.retention.service.InterventionQueryService queries;
    private final com.lendkeep.retention.service.OverdueService overdue;
    private final Clock clock;
    private final CurrentUser currentUser;

    public InterventionResource(InterventionService service, ManualProposalService proposals,
            com.lendkeep.retention.service.OverdueService overdue, com.lendkeep.retention.service.InterventionQueryService queries, Clock clock, CurrentUser currentUser) {
        this.service = service;
        this.proposals = proposals;
        this.overdue = overdue;
        this.queries = queries;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "List interventions, newest first", description = "Filter by customer, alert, status and kind.")
    public List<InterventionResponse> list(@QueryParam("customerId") UUID customerId, @QueryParam("alertId") UUID alertId,
            @QueryParam("status") InterventionStatus status, @QueryParam("kind") InterventionKind kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page, @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.search(customerId, alertId, status, kind, page, size).stream().map(this::response).toList();
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}")
    @Operation(summary = "One intervention")
    public InterventionResponse get(@PathParam("id") UUID id) {
        return response(queries.get(id));
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/history")
    @Operation(summary = "Every status change: who, when, why")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return queries.history(id).stream().map(InterventionMapper::toResponse).toList();
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "Propose an intervention for an alert by hand",
            description = "Eligibility, budget and the approval threshold apply as for the playbook's proposals; the proposer "
                    + "cannot approve it.")
    @APIResponseSchema(value = InterventionResponse.class, responseCode = "201",
            responseDescription = "Proposed (or approved and offered at once when below the approval threshold); Location is the intervention")
    @APIResponse(responseCode = "422", description = "Not eligible, over budget, or a control-group customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@NotNull @Valid ProposalRequest request) {
        Intervention i = proposals.propose(request, currentUser.name());
        return Response.created(URI.create("/interventions/" + i.id)).entity(response(i)).build();
    }

    @POST
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/{id}/approve")
    @Operation(summary = "Approve a PROPOSED intervention (four eyes: not by its proposer)",
            description = "It is then offered at once if retention.offers.auto-offer is on and the contact policy allows.")
    @APIResponse(responseCode = "200", description = "APPROVED (or OFFERED at once)")
    @APIResponse(responseCode = "403", description = "The approver is the proposer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InterventionResponse approve(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return response(service.approve(id, currentUser.name(), note(request)));
    }

    @POST
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/{id}/reject")
    @Operation(summary = "Refuse a PROPOSED intervention (four eyes: not by its proposer)")
    public InterventionResponse reject(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return response(service.reject(id, currentUser.name(), note(request)));
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/offer")
    @Operation(summary = "Offer an APPROVED or BLOCKED intervention to the customer",
            description = "Answers 200 with status OFFERED, or BLOCKED with the contact-policy reason in deliveryDetail.")
    public InterventionResponse offer(@PathParam("id") UUID id, @Valid OfferRequest request) {
        return response(service.offer(id, currentUser.name(),
                request == null ? null : request.channel()));
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/accept")
    @Operation(summary = "Record that the customer accepted an OFFERED intervention",
            description = "Loan relief goes to loan-service as INTERVENTION_ACCEPTED and becomes APPLIED when loan-service confirms; "
                    + "a call or counselling becomes a task. Accepting twice is harmless.")
    @APIResponse(responseCode = "200", description = "ACCEPTED (APPLIED once loan-service confirms loan relief)")
    @APIResponse(responseCode = "409", description = "Not offered, expired, declined...",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InterventionResponse accept(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return response(service.accept(id, currentUser.name(), note(request)));
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/decline")
    @Operation(summary = "Record that the customer declined an OFFERED intervention")
    public InterventionResponse decline(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return response(service.decline(id, currentUser.name(), note(request)));
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/withdraw")
    @Operation(summary = "Take back an intervention the customer has not answered")
    public InterventionResponse withdraw(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return response(service.withdraw(id, currentUser.name(), note(request)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/expire")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "runInterventionExpiry", summary = "Run the expiry job now", description = "Expires every OFFERED intervention whose offer ended at or before asOf "
            + "(an instant, or a date meaning the end of that day; default now). The scheduler runs the same every "
            + "retention.offers.expiry-every.")
    public ExpiryRun expire(@QueryParam("asOf") String asOf) {
        var at = QueryDates.asOf(asOf, clock);
        List<UUID> expired = service.expire(at);
        return new ExpiryRun(at, expired.size(), expired);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/overdue")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "runOverdueCheck", summary = "Run the overdue check now", description = "Flags every approval (PROPOSED, approval required) and open task "
            + "whose due time is at or before asOf (default now) and not yet escalated, and publishes RETENTION_ITEM_OVERDUE for each. "
            + "The scheduler runs the same every retention.overdue.check-every.")
    public ExpiryRun overdue(@QueryParam("asOf") String asOf) {
        var at = QueryDates.asOf(asOf, clock);
        List<UUID> escalated = overdue.escalate(at);
        return new ExpiryRun(at, escalated.size(), escalated);
    }

    private InterventionResponse response(Intervention i) {
        return InterventionMapper.toResponse(i, i.kind.isTask() ? queries.taskOf(i.id) : null);
    }

    private static String note(DecisionRequest request) {
        return request == null || request.note() == null || request.note().isBlank() ? null : request.note().trim();
    }
}
