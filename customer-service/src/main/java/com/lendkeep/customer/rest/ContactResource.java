package com.lendkeep.customer.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.customer.api.ContactPreferencesRequest;
import com.lendkeep.customer.api.ContactPreferencesResponse;
import com.lendkeep.customer.api.ContactRequest;
import com.lendkeep.customer.api.ContactResponse;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.service.BusinessDateService;
import com.lendkeep.customer.service.ContactPreferenceService;
import com.lendkeep.customer.service.CustomerService;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;

@Path("/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts", description = "Contact log, contact preferences and consent")
@Idempotent
public class ContactResource {

    private final CustomerService service;
    private final ContactPreferenceService preferences;
    private final CustomerMapper mapper;
    private final BusinessDateService businessDate;
    private final CurrentUser currentUser;

    public ContactResource(CustomerService service, ContactPreferenceService preferences, CustomerMapper mapper,
            BusinessDateService businessDate, CurrentUser currentUser) {
        this.service = service;
        this.businessDate = businessDate;
        this.currentUser = currentUser;
        this.preferences = preferences;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR})
    @Path("/contacts")
    @Operation(summary = "Log a contact",
            description = "Calls, visits, e-mails, complaints, inquiries, surveys, recorded as logged by the token's user (a body "
                    + "loggedBy is refused with 400); the contact date may not be after the loan book's business date. Emits "
                    + "CONTACT_LOGGED on contact-events and re-assesses the relationship depth (contact frequency).")
    @APIResponseSchema(value = ContactResponse.class, responseCode = "201", responseDescription = "Logged; Location is the contact log")
    @APIResponse(responseCode = "422", description = "The customer was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response logContact(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id,
            @NotNull @Valid ContactRequest request) {
        ContactResponse body = mapper.toResponse(service.logContact(id, request, currentUser.name()));
        return Response.created(URI.create("/customers/" + id + "/contacts")).entity(body).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/contacts")
    @Operation(summary = "Contact log", description = "Every contact, newest contact date first.")
    @APIResponse(responseCode = "200", description = "The contact log")
    public List<ContactResponse> contacts(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id) {
        return service.contacts(id).stream().map(mapper::toResponse).toList();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/contact-preferences")
    @Operation(summary = "Contact preferences and consent",
            description = "Do-not-contact flag, allowed channels and quiet periods; the defaults (contact allowed on every "
                    + "channel, updatedAt null) until they are set.")
    @APIResponse(responseCode = "200", description = "The preferences")
    public ContactPreferencesResponse getPreferences(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id) {
        return mapper.toResponse(preferences.get(id), businessDate.today().date());
    }

    @PUT
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR})
    @Path("/contact-preferences")
    @Operation(summary = "Replace contact preferences and consent",
            description = "Emits CONTACT_PREFERENCES_CHANGED on customer-events when something changed, so retention-service "
                    + "respects it; the same preferences again emit nothing.")
    @APIResponse(responseCode = "200", description = "The preferences now in force")
    @APIResponse(responseCode = "422", description = "The customer was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContactPreferencesResponse putPreferences(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id,
            @NotNull @Valid ContactPreferencesRequest request) {
        return mapper.toResponse(preferences.replace(id, request), businessDate.today().date());
    }
}
