package com.lendkeep.retention.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.IfMatch;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.PlaybookChangeRequest;
import com.lendkeep.retention.api.PlaybookResponse;
import com.lendkeep.retention.api.PlaybookVersionResponse;
import com.lendkeep.retention.mapping.PlaybookMapper;
import com.lendkeep.retention.rules.PlaybookRule;
import com.lendkeep.retention.service.PlaybookService;

@Path("/playbook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Playbook", description = "The rules that turn alerts into candidate interventions; every change is a new, audited version")
@Idempotent
public class PlaybookResource {

    private static final String IF_MATCH = "The rule's ETag as read (GET /playbook/rules/{id}), or * for whatever version; "
            + "required unless expectedVersion is sent";

    private final PlaybookService service;
    private final CurrentUser currentUser;

    public PlaybookResource(PlaybookService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "The rules in force and their version")
    public PlaybookResponse get() {
        return PlaybookMapper.toResponse(service.current());
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/rules/{id}")
    @Operation(summary = "One rule; its ETag is the rule's version, for If-Match on PUT and DELETE",
            description = "The rule's version is the playbook version that last created or replaced it.")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaybookRule.class)),
            headers = @Header(name = "ETag", description = "The rule's version, for If-Match"))
    public Response rule(@Parameter(description = "Rule id", example = "involuntary-payment-extension") @PathParam("id") String id) {
        PlaybookService.VersionedRule rule = service.rule(id);
        return Response.ok(rule.rule()).tag(etag(rule.version())).build();
    }

    @POST
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/rules")
    @Operation(operationId = "addPlaybookRule", summary = "Add a rule", description = "Validated (400 lists every invalid field); 409 if the id exists or "
            + "expectedVersion is not the current version. Answers the new playbook.")
    @APIResponseSchema(value = PlaybookResponse.class, responseCode = "201", responseDescription = "Added: the new playbook; Location is the rule")
    public Response create(@NotNull @Valid PlaybookChangeRequest request) {
        PlaybookService.Current current = service.create(request.rule(), currentUser.name(),
                request.comment(), request.expectedVersion());
        // the new rule's version is the playbook version its creation made
        return Response.created(URI.create("/playbook/rules/" + request.rule().id())).tag(etag(current.version()))
                .entity(PlaybookMapper.toResponse(current)).build();
    }

    @PUT
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/rules/{id}")
    @Operation(operationId = "replacePlaybookRule", summary = "Replace a rule",
            description = "Say which version the change was made against: If-Match with the rule's ETag (412 when the rule has "
                    + "changed since), or the body's expectedVersion, the playbook's version (409 when the playbook has changed since); "
                    + "428 with neither, so that no one overwrites a change they did not see. Answers the new playbook, and the rule's "
                    + "new ETag; an identical rule makes no new version.")
    @APIResponse(responseCode = "200", description = "Replaced (or identical): the playbook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaybookResponse.class)),
            headers = @Header(name = "ETag", description = "The rule's version after the change"))
    @APIResponse(responseCode = "409", description = "expectedVersion is not the playbook's current version")
    public Response update(@Parameter(description = "Rule id", example = "involuntary-payment-extension") @PathParam("id") String id,
            @Parameter(description = IF_MATCH, example = "\"4\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PlaybookChangeRequest request) {
        PlaybookService.RuleChange change = service.update(id, request.rule(), currentUser.name(), request.comment(),
                precondition(ifMatch, request.expectedVersion()));
        return Response.ok(PlaybookMapper.toResponse(change.playbook())).tag(etag(change.ruleVersion())).build();
    }

    @DELETE
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/rules/{id}")
    @Operation(operationId = "removePlaybookRule", summary = "Remove a rule",
            description = "If-Match with the rule's ETag (412 when the rule has changed since) or expectedVersion, the playbook's "
                    + "version (409 when it has changed since); 428 with neither. Answers the new playbook.")
    @APIResponse(responseCode = "200", description = "Removed: the playbook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaybookResponse.class)))
    @APIResponse(responseCode = "409", description = "expectedVersion is not the playbook's current version")
    public PlaybookResponse delete(@Parameter(description = "Rule id", example = "involuntary-payment-extension") @PathParam("id") String id,
            @Parameter(description = IF_MATCH, example = "\"4\"") @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Why", example = "trial over") @QueryParam("comment") String comment,
            @Parameter(description = "The playbook version the removal was decided on (instead of If-Match)", example = "12")
            @QueryParam("expectedVersion") Integer expectedVersion) {
        return PlaybookMapper.toResponse(service.delete(id, currentUser.name(), comment, precondition(ifMatch, expectedVersion)).playbook());
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/versions")
    @Operation(summary = "The change log, newest first: who changed which rule, when, from what to what")
    public List<PlaybookVersionResponse> versions(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.versions(page, size).stream().map(c -> PlaybookMapper.toResponse(c, service::read, service::readAll, false)).toList();
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/versions/{version}")
    @Operation(summary = "One version, with the whole rule set as it was after that change")
    public PlaybookVersionResponse version(@PathParam("version") int version) {
        return PlaybookMapper.toResponse(service.version(version), service::read, service::readAll, true);
    }

    private static PlaybookService.Precondition precondition(String ifMatch, Integer expectedVersion) {
        if (IfMatch.present(ifMatch)) {
            return new PlaybookService.Precondition(IfMatch.version(ifMatch, "the playbook rule"), true, expectedVersion);
        }
        if (expectedVersion == null) {
            throw IfMatch.required("expectedVersion");
        }
        return new PlaybookService.Precondition(null, false, expectedVersion);
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
