package com.lendkeep.loan.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import com.lendkeep.loan.api.ApplicationRequest;
import com.lendkeep.loan.api.ApplicationResponse;
import com.lendkeep.loan.api.DecisionRequest;
import com.lendkeep.loan.api.DisbursementRequest;
import com.lendkeep.loan.domain.LoanApplication;
import com.lendkeep.loan.mapping.ApplicationMapper;
import com.lendkeep.loan.service.ApplicationService;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;

@Path("/loan-applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loan applications", description = "SUBMITTED -> APPROVED -> DISBURSED (books the loan); REJECTED or WITHDRAWN before that")
@Idempotent
public class LoanApplicationResource {

    private final ApplicationService applications;
    private final CurrentUser currentUser;

    public LoanApplicationResource(ApplicationService applications, CurrentUser currentUser) {
        this.applications = applications;
        this.currentUser = currentUser;
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Operation(summary = "Submit an application", description = "The terms are checked as for a loan; the submitter is the token's user.")
    @APIResponseSchema(value = ApplicationResponse.class, responseCode = "201", responseDescription = "SUBMITTED; Location is the application")
    public Response submit(@NotNull @Valid ApplicationRequest request) {
        ApplicationResponse created = view(applications.submit(request, currentUser.name()));
        return Response.created(URI.create("/loan-applications/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR})
    @Path("/{id}")
    @Operation(summary = "An application")
    public ApplicationResponse get(@PathParam("id") UUID id) {
        return view(applications.get(id));
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR})
    @Operation(summary = "Applications of a customer, oldest first")
    public List<ApplicationResponse> forCustomer(@QueryParam("customerId") @NotNull UUID customerId) {
        return applications.forCustomer(customerId).stream().map(this::view).toList();
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/approve")
    @Operation(summary = "Approve (a user other than the submitter)")
    @APIResponseSchema(value = ApplicationResponse.class, responseDescription = "APPROVED")
    @APIResponse(responseCode = "409", description = "The application's status does not allow this transition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id) {
        return Response.ok(view(applications.approve(id, currentUser.name()))).build();
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/reject")
    @Operation(summary = "Reject, with the reason (emits LOAN_APPLICATION_CLOSED)")
    @APIResponseSchema(value = ApplicationResponse.class, responseDescription = "REJECTED")
    @APIResponse(responseCode = "409", description = "The application's status does not allow this transition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        return Response.ok(view(applications.reject(id, currentUser.name(), request.reason()))).build();
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/withdraw")
    @Operation(summary = "The customer withdraws, with the reason (emits LOAN_APPLICATION_CLOSED)")
    @APIResponseSchema(value = ApplicationResponse.class, responseDescription = "WITHDRAWN")
    @APIResponse(responseCode = "409", description = "The application's status does not allow this transition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        return Response.ok(view(applications.withdraw(id, currentUser.name(), request.reason()))).build();
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}/disburse")
    @Operation(summary = "Disburse: books the loan (LOAN_OPENED) starting on disbursedOn")
    @APIResponseSchema(value = ApplicationResponse.class, responseCode = "201", responseDescription = "DISBURSED; Location is the new loan")
    @APIResponse(responseCode = "409", description = "The application's status does not allow this transition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response disburse(@PathParam("id") UUID id, @Valid DisbursementRequest request) {
        LoanApplication a = applications.disburse(id, currentUser.name(), request == null ? null : request.disbursedOn());
        return Response.created(URI.create("/loans/" + a.loanId)).entity(view(a)).build();
    }

    private ApplicationResponse view(LoanApplication a) {
        return ApplicationMapper.toResponse(a, applications.plan(a));
    }
}
