package com.lendkeep.retention.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.CustomerResponse;
import com.lendkeep.retention.domain.CustomerProfile;
import com.lendkeep.retention.domain.InterventionKind;
import com.lendkeep.retention.service.CaseService;
import com.lendkeep.retention.service.ContactPolicyService;
import com.lendkeep.retention.service.ControlGroup;
import com.lendkeep.retention.service.CustomerFactsService;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "What retention-service knows of a customer: tier, grade, contact policy, group")
public class CustomerResource {

    private final CustomerFactsService customers;
    private final ContactPolicyService contact;
    private final ControlGroup controlGroup;
    private final CaseService cases;

    public CustomerResource(CustomerFactsService customers, ContactPolicyService contact, ControlGroup controlGroup,
            CaseService cases) {
        this.customers = customers;
        this.contact = contact;
        this.controlGroup = controlGroup;
        this.cases = cases;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}")
    @Operation(operationId = "getRetentionCustomer", summary = "A customer's facts, group, and whether an offer could reach them today",
            description = "For a customer known from customer-events or from an alert; before any customer-event the defaults "
                    + "apply (no tier or grade, default channels).")
    @APIResponse(responseCode = "200", description = "The customer's facts as retention-service knows them")
    @APIResponse(responseCode = "404", description = "Neither a customer event nor an alert about this customer has arrived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerResponse get(@PathParam("id") UUID id) {
        CustomerProfile p = customers.find(id);
        if (p == null && !cases.anyFor(id)) {
            throw ApiException.notFound("customer", id);
        }
        var decision = contact.decide(id, InterventionKind.PAYMENT_EXTENSION, null);
        var today = new CustomerResponse.ContactToday(decision.allowed(), decision.channel(), decision.reason(), contact.offersInWindow(id));
        if (p == null) {
            return new CustomerResponse(id, null, null, false, false, List.of(), List.of(), null, controlGroup.cohortOf(id).name(), today);
        }
        List<String> channels = p.allowedChannels == null || p.allowedChannels.isBlank() ? List.of() : Arrays.asList(p.allowedChannels.split(","));
        List<CustomerResponse.QuietPeriod> quiet = customers.quietPeriods(p).stream()
                .map(q -> new CustomerResponse.QuietPeriod(q.from(), q.to(), q.reason())).toList();
        return new CustomerResponse(id, p.tier, p.grade, p.preferencesKnown, p.doNotContact, channels, quiet, p.erasedAt,
                controlGroup.cohortOf(id).name(), today);
    }
}
