package com.lendkeep.customer.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.customer.api.ContactRequest;
import com.lendkeep.customer.api.ContactResponse;
import com.lendkeep.customer.api.CreditScoreRequest;
import com.lendkeep.customer.api.CreditScoreResponse;
import com.lendkeep.customer.api.CustomerRequest;
import com.lendkeep.customer.api.CustomerResponse;
import com.lendkeep.customer.api.PageResponse;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.service.CustomerService;
import com.lendkeep.platform.rest.Problem;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customer profiles, credit scores and contact log")
@APIResponse(responseCode = "400", description = "Invalid input; the detail names the field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CustomerResource {

    private final CustomerService service;

    public CustomerResource(CustomerService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Register a customer", description = "Creates the profile and emits CUSTOMER_REGISTERED on customer-events.")
    @APIResponse(responseCode = "201", description = "Created; Location points to the customer")
    @APIResponse(responseCode = "409", description = "A customer with this nationalId or externalRef exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid CustomerRequest request) {
        CustomerResponse created = CustomerMapper.toResponse(service.register(request));
        return Response.created(URI.create("/customers/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a customer")
    @APIResponse(responseCode = "200", description = "The customer")
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerResponse get(@PathParam("id") UUID id) {
        return CustomerMapper.toResponse(service.get(id));
    }

    @GET
    @Operation(summary = "List customers", description = "Oldest first, page by page.")
    public PageResponse<CustomerResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<CustomerResponse> items = service.list(page, size).stream().map(CustomerMapper::toResponse).toList();
        return new PageResponse<>(items, page, size, service.count());
    }

    @POST
    @Path("/{id}/credit-scores")
    @Operation(summary = "Record a credit-bureau score",
            description = "Keeps the full history. A score that becomes the customer's latest (by score date) emits "
                    + "CREDIT_SCORE_CHANGED; an older-dated score is kept as history only; an exact repeat changes nothing (200).")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Exact repeat of a recorded score: nothing changed")
    public Response recordCreditScore(@PathParam("id") UUID id, @NotNull @Valid CreditScoreRequest request) {
        CustomerService.ScoreResult result = service.recordCreditScore(id, request);
        CreditScoreResponse body = CustomerMapper.toResponse(result.score(), result.effect().name());
        return Response.status(result.effect() == CustomerService.ScoreEffect.DUPLICATE ? 200 : 201).entity(body).build();
    }

    @GET
    @Path("/{id}/credit-scores")
    @Operation(summary = "Credit-score history, newest first")
    public List<CreditScoreResponse> creditScores(@PathParam("id") UUID id) {
        return service.creditScores(id).stream().map(s -> CustomerMapper.toResponse(s, null)).toList();
    }

    @POST
    @Path("/{id}/contacts")
    @Operation(summary = "Log a contact", description = "Calls, visits, complaints, surveys...; emits CONTACT_LOGGED on contact-events.")
    @APIResponse(responseCode = "201", description = "Logged")
    public Response logContact(@PathParam("id") UUID id, @NotNull @Valid ContactRequest request) {
        ContactResponse body = CustomerMapper.toResponse(service.logContact(id, request));
        return Response.status(201).entity(body).build();
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(summary = "Contact log, newest first")
    public List<ContactResponse> contacts(@PathParam("id") UUID id) {
        return service.contacts(id).stream().map(CustomerMapper::toResponse).toList();
    }
}
