package com.lendkeep.customer.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.customer.api.CustomerOverview;
import com.lendkeep.customer.api.CustomerRequest;
import com.lendkeep.customer.api.CustomerResponse;
import com.lendkeep.customer.api.CustomerSummary;
import com.lendkeep.customer.api.ErasureRequest;
import com.lendkeep.customer.api.ErasureResponse;
import com.lendkeep.customer.api.PageResponse;
import com.lendkeep.customer.domain.CustomerType;
import com.lendkeep.customer.domain.Grade;
import com.lendkeep.customer.domain.LifecycleStage;
import com.lendkeep.customer.domain.RelationshipDepth;
import com.lendkeep.customer.domain.Tier;
import com.lendkeep.customer.mapping.CustomerMapper;
import com.lendkeep.customer.repository.CustomerListing;
import com.lendkeep.customer.service.CustomerReadCache;
import com.lendkeep.customer.service.CustomerService;
import com.lendkeep.customer.service.CustomerView;
import com.lendkeep.customer.service.ErasureService;
import com.lendkeep.customer.service.NaturalKeyTaken;
import com.lendkeep.customer.service.OverviewService;
import com.lendkeep.platform.idempotency.Idempotent;
import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.rest.IfMatch;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.CurrentUser;
import com.lendkeep.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customer profiles, the customer 360 and the right to erasure")
@Idempotent
public class CustomerResource {

    /** What the REST layer sends for a JSON entity; the cached answer is bytes, so it is set here. */
    private static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    private final CustomerService service;
    private final OverviewService overviews;
    private final ErasureService erasures;
    private final CustomerMapper mapper;
    private final CurrentUser currentUser;
    private final CustomerReadCache readCache;
    private final SecurityIdentity identity;

    public CustomerResource(CustomerService service, OverviewService overviews, ErasureService erasures, CustomerMapper mapper,
            CurrentUser currentUser, CustomerReadCache readCache, SecurityIdentity identity) {
        this.identity = identity;
        this.service = service;
        this.overviews = overviews;
        this.erasures = erasures;
        this.mapper = mapper;
        this.currentUser = currentUser;
        this.readCache = readCache;
    }

    @POST
    @RolesAllowed(Roles.CORE_BANKING)
    @Operation(summary = "Register a customer",
            description = "Creates the profile, computes its tier, grade, relationship depth and lifecycle stage, and emits "
                    + "CUSTOMER_REGISTERED, then TIER_CHANGED and GRADE_CHANGED (from no value) on customer-events.")
    @APIResponse(responseCode = "201", description = "Created; Location points to the customer, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class)),
            headers = @Header(name = "ETag", description = "The profile's version, for If-Match on PUT"))
    @APIResponse(responseCode = "409", description = "A customer with this nationalId or externalRef exists: existingId is its id "
            + "and Location points to it (a registration retried after a lost answer finds the customer the first one made)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
            headers = @Header(name = "Location", description = "The customer holding the key", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response register(@NotNull @Valid CustomerRequest request) {
        CustomerView created = withHolderNamed(() -> service.register(request));
        return Response.created(URI.create("/customers/" + created.customer().id)).tag(etag(created.customer().version))
                .entity(mapper.toResponse(created)).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}")
    @Operation(summary = "Read a customer",
            description = "The profile with tier, grade, relationship depth and lifecycle stage, each with the rule that "
                    + "produced it, every comparison made and its inputs. ETag is the profile's version.")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class)),
            headers = @Header(name = "ETag", description = "The profile's version, for If-Match on PUT"))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id) {
        // cached in memory until the row changes (CustomerReadCache); a 404 is not cached
        CustomerReadCache.Entry answer = readCache.get(id, () -> {
            var customer = service.get(id);
            return new CustomerReadCache.Entry(mapper.toJson(mapper.toResponse(customer)), customer.version);
        });
        return Response.ok(answer.json(), JSON_UTF8).tag(etag(answer.version())).build();
    }

    @PUT
    @RolesAllowed(Roles.CORE_BANKING)
    @Path("/{id}")
    @Operation(summary = "Replace a customer's profile",
            description = "Optimistic locking: send the version read, as If-Match (the ETag) or as the body's version. "
                    + "Derived values are recomputed in the same transaction; no event carries the profile (personal data), "
                    + "only TIER_CHANGED or GRADE_CHANGED when they change. An erased customer cannot be updated.")
    @APIResponse(responseCode = "200", description = "Updated; ETag is the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class)),
            headers = @Header(name = "ETag", description = "The new version"))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The body's version is not the current one, or nationalId/externalRef is "
            + "another customer's (existingId names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The customer was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Neither If-Match nor version was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id,
            @Parameter(description = "The ETag read (e.g. \"3\"), or * to overwrite whatever version", example = "\"3\"")
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid CustomerRequest request) {
        CustomerService.Precondition precondition;
        if (IfMatch.present(ifMatch)) {
            precondition = new CustomerService.Precondition(IfMatch.version(ifMatch, "the customer"), true);
        } else if (request.version() != null) {
            precondition = new CustomerService.Precondition(request.version(), false);
        } else {
            throw IfMatch.required("version");
        }
        CustomerView updated = withHolderNamed(() -> service.update(id, request, precondition));
        return Response.ok(mapper.toResponse(updated)).tag(etag(updated.customer().version)).build();
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Operation(summary = "List customers",
            description = "Filtered, sorted and paged; each line is a summary with the four derived values (their reasons and "
                    + "the contact details are on GET /customers/{id}). The order always ends with the id, so pages never overlap. Page by "
                    + "offset (page, within the first 10,000 customers) or, for long lists, by keyset: pass the previous "
                    + "page's nextAfter as after, which costs the same on the last page as on the first.")
    @APIResponse(responseCode = "200", description = "One page")
    public PageResponse<CustomerSummary> list(
            @Parameter(description = "Page number from 0 (offset paging, up to page x size = customer.list.max-offset, "
                    + "10,000 by default; not with after)", example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("size") String size,
            @Parameter(description = "Sort field (createdAt, updatedAt, relationshipSince, fullName), optionally followed by "
                    + "',asc' or ',desc'", example = "createdAt,desc")
            @QueryParam("sort") String sort,
            @Parameter(description = "Keyset paging: the nextAfter of the previous page", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01")
            @QueryParam("after") String after,
            @Parameter(description = "GOLD, SILVER or STANDARD", example = "GOLD") @QueryParam("tier") String tier,
            @Parameter(description = "A, B or C", example = "A") @QueryParam("grade") String grade,
            @Parameter(description = "INITIAL, GROWTH, MATURE or DECLINE", example = "MATURE") @QueryParam("stage") String stage,
            @Parameter(description = "DEEP, MODERATE or SHALLOW", example = "DEEP") @QueryParam("depth") String depth,
            @Parameter(description = "User id of the relationship manager", example = "rm.garcia")
            @QueryParam("relationshipManager") String relationshipManager,
            @Parameter(description = "Industry (normalized like the profile's)", example = "REAL_ESTATE") @QueryParam("industry") String industry,
            @Parameter(description = "INDIVIDUAL, SME or CORPORATE", example = "SME") @QueryParam("type") String type,
            @Parameter(description = "The core banking system's customer number (exact): finds the customer it registered "
                    + "(at most one). There is no search by national id: it is personal data, kept out of URLs and lists",
                    example = "CB-000123")
            @QueryParam("externalRef") String externalRef) {
        int pageNumber = Params.integer("page", page, 0, 0, 1_000_000);
        int pageSize = Params.integer("size", size, 50, 1, 500);
        CustomerListing.Filter filter = new CustomerListing.Filter(
                Params.enumValue("tier", tier, Tier.class),
                Params.enumValue("grade", grade, Grade.class),
                Params.enumValue("stage", stage, LifecycleStage.class),
                Params.enumValue("depth", depth, RelationshipDepth.class),
                Params.text("relationshipManager", relationshipManager, 64),
                CustomerMapper.normalizeIndustry(Params.text("industry", industry, 64)),
                Params.enumValue("type", type, CustomerType.class),
                Params.text("externalRef", externalRef, 64));
        CustomerService.Listing listing = service.list(filter, parseSort(sort), pageNumber, pageSize, Params.uuid("after", after));
        List<CustomerSummary> items = listing.items().stream().map(mapper::toSummary).toList();
        return new PageResponse<>(items, pageNumber, pageSize, listing.total(), listing.nextAfter());
    }

    @GET
    @RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER})
    @Path("/{id}/overview")
    @Operation(summary = "The customer 360",
            description = "Profile with tier, grade, depth and stage and their reasons; credit-score trend; recent contacts; "
                    + "contact preferences; the loans' status from loan-service's events; the latest churn risk per churn "
                    + "type from risk-service's alerts.")
    @APIResponse(responseCode = "200", description = "The overview")
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerOverview overview(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id) {
        return overviews.overview(id);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER})
    @Path("/{id}/erasure")
    @Operation(summary = "Erase a customer's personal data (right to erasure)",
            description = "Pseudonymizes name and national id, removes external reference, e-mail, phone and address, "
                    + "replaces the contact log's free text and withdraws contact consent; keeps the financial records. "
                    + "Emits CONTACT_PREFERENCES_CHANGED (no contact) and CUSTOMER_ERASED. Refused (409, with the reason) while "
                    + "money is owed on any loan (active, or charged off and not fully recovered) or within "
                    + "customer.erasure.retention-period (5 years) after the last loan closed, unless a privacy-officer forces "
                    + "it with a reason (force, forceReason), which is recorded with the overridden rule. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "Erased (now or before)")
    @APIResponse(responseCode = "403", description = "force without the privacy-officer role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The data must still be kept: money owed, or the retention period runs",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ErasureResponse erase(@Parameter(description = "Customer id", example = "5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01") @PathParam("id") UUID id,
            @NotNull @Valid ErasureRequest request) {
        var erasure = erasures.erase(id, request, currentUser.name(), identity.hasRole(Roles.PRIVACY_OFFICER));
        var c = erasure.customer();
        return new ErasureResponse(c.id, c.erasedAt, c.erasedBy, c.erasureReference, ErasureService.PSEUDONYMIZED,
                ErasureService.RETAINED, erasure.alreadyErased(), c.erasureOverriddenRule, c.erasureForceReason);
    }

    /**
     * A natural key already held answers 409 with the holder's id and Location, looked up after the
     * failed write (whose transaction, refused by the unique index, cannot read any more).
     */
    private CustomerView withHolderNamed(java.util.function.Supplier<CustomerView> write) {
        try {
            return write.get();
        } catch (NaturalKeyTaken taken) {
            UUID holder = service.holderOf(taken).orElseThrow(() -> taken);
            throw ApiException.alreadyExists(taken.field(), "customer " + holder + " already has this " + taken.field()
                    + "; read it at /customers/" + holder, holder, "/customers/" + holder);
        }
    }

    private static CustomerListing.Sort parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return new CustomerListing.Sort(CustomerListing.SortField.createdAt, false);
        }
        String[] parts = sort.strip().split(",", -1);
        var field = CustomerListing.SortField.parse(parts[0].strip()).orElseThrow(() -> ApiException.badRequest("sort",
                "sort must be one of " + CustomerListing.SortField.names() + ", optionally followed by ',asc' or ',desc'"));
        if (parts.length == 1) {
            return new CustomerListing.Sort(field, false);
        }
        String direction = parts[1].strip().toLowerCase(Locale.ROOT);
        if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw ApiException.badRequest("sort", "the sort direction must be 'asc' or 'desc'");
        }
        return new CustomerListing.Sort(field, direction.equals("desc"));
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
