package com.lendkeep.retention.rest;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.CaseResponse;
import com.lendkeep.retention.domain.AlertCase;
import com.lendkeep.retention.mapping.CaseMapper;
import com.lendkeep.retention.mapping.InterventionMapper;
import com.lendkeep.retention.service.CaseService;
import com.lendkeep.retention.service.ProposalService;
import com.lendkeep.retention.service.ReportService;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alert cases", description = "Each churn-risk alert received: cohort, playbook candidates with their decisions, outcome")
@Idempotent
public class CaseResource {

    private final CaseService cases;
    private final ProposalService proposals;
    private final ReportService reports;
    private final Clock clock;
    private final com.lendkeep.retention.service.OverdueJob checks;
    private final com.lendkeep.retention.config.RetentionConfig config;

    public CaseResource(CaseService cases, ProposalService proposals, ReportService reports, com.lendkeep.retention.service.OverdueJob checks,
            com.lendkeep.retention.config.RetentionConfig config, Clock clock) {
        this.checks = checks;
        this.config = config;
        this.cases = cases;
        this.proposals = proposals;
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "Alert cases, newest first (candidates and interventions only in GET /cases/{alertId})")
    public List<CaseResponse> list(@QueryParam("customerId") UUID customerId, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        java.time.Instant businessEnd = reports.asOf(null);
        return cases.search(customerId, page, size).stream()
                .map(c -> CaseMapper.toResponse(c, proposals.reasons(c), reports.outcome(c, businessEnd).name(), null, null)).toList();
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{alertId}")
    @Operation(summary = "One alert case with every candidate the playbook produced and why it was or was not proposed",
            description = "outcome: RETAINED, CHURNED_VOLUNTARY, CHURNED_INVOLUNTARY or PENDING (observation windows still running), "
                    + "as of asOf (a date or instant; default the end of the business date; later than the business date is a 400).")
    public CaseResponse get(@PathParam("alertId") UUID alertId, @QueryParam("asOf") String asOf) {
        AlertCase c = cases.get(alertId);
        return CaseMapper.toResponse(c, proposals.reasons(c), reports.outcome(c, reports.asOf(asOf)).name(),
                cases.candidates(alertId), cases.interventions(alertId).stream().map(InterventionMapper::toResponse).toList());
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{alertId}/decisions")
    @Operation(summary = "The decision log of an alert: each run with its trigger, winners and every candidate priced, with why it "
            + "won or was suppressed (eligibility, value, contact policy, budget, outranked, control group)")
    public List<CaseResponse.Decision> decisions(@PathParam("alertId") UUID alertId) {
        cases.get(alertId);
        return CaseMapper.decisions(cases.candidates(alertId));
    }

    @jakarta.ws.rs.POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/stop-waiting")
    @jakarta.ws.rs.Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run the no-dead-ends check now", description = "Cases still WAITING_FOR_LOAN that were received more than "
            + "retention.cases.loan-wait before asOf (an instant, or a date meaning the end of that day; default now) are decided on "
            + "what is known and become LOAN_TERMS_MISSING. The scheduler runs the same every retention.overdue.check-every.")
    public com.lendkeep.retention.api.ExpiryRun stopWaiting(@QueryParam("asOf") String asOf) {
        java.time.Instant at = QueryDates.asOf(asOf, clock);
        List<UUID> stopped = checks.stopWaiting(at.minus(config.cases().loanWait()));
        return new com.lendkeep.retention.api.ExpiryRun(at, stopped.size(), stopped);
    }
}
