package com.lendkeep.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.lendkeep.platform.idempotency.IdempotencyInterceptor;
import com.lendkeep.platform.rest.Problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Makes each service's OpenAPI document one a generated client can use, in one place rather than
 * in hundreds of annotations:
 * <ul>
 * <li>every operation gets an operationId (verb and noun from the resource method, see {@link OperationIds});</li>
 * <li>every error answer is declared as {@code application/problem+json} with the {@code Problem} schema, and
 * the answers every operation can give are added where missing: 400, 401 and 403 (with bodies), 404 on a path
 * with an id, 503 when the database is down;</li>
 * <li>success answers declare {@code application/json} (a client sends the declared types as {@code Accept});</li>
 * <li>201 answers declare their {@code Location} header and every {@code ETag} header has a schema;</li>
 * <li>every request body has an example (see {@link Examples});</li>
 * <li>every POST, PUT, DELETE and PATCH declares the Idempotency-Key header, its 409 and 422, and the replay header of its answers;</li>
 * <li>an operation taking {@code If-Match} (a change to a versioned resource) declares 412 (not the current version) and
 * 428 (no version sent).</li>
 * </ul>
 * The success schema itself comes from the resource method (its return type, or
 * {@code @APIResponseSchema} where it returns a {@code Response}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String JSON = "application/json";

    private static final Map<String, String> STANDARD_ERRORS = new LinkedHashMap<>();
    static {
        STANDARD_ERRORS.put("400", "Invalid input; the detail and errors name the field");
        STANDARD_ERRORS.put("401", "No token, or one that does not verify (signature, issuer, audience, expiry)");
        STANDARD_ERRORS.put("403", "The token's roles do not allow this operation");
        STANDARD_ERRORS.put("404", "No such resource");
        STANDARD_ERRORS.put("503", "The database is unavailable; nothing was changed, retry after Retry-After seconds");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("Problem", problemSchema());
        components.addSchema("FieldError", fieldErrorSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Examples examples = new Examples(components);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation, examples)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation, Examples examples) {
        operation.setOperationId(OperationIds.of(operation.getOperationId()));
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> standard : STANDARD_ERRORS.entrySet()) {
            String code = standard.getKey();
            boolean applies = switch (code) {
                case "401", "403" -> operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                case "404" -> path.contains("{");
                default -> true;
            };
            if (applies && !responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(standard.getValue()));
            }
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE
                || method == PathItem.HttpMethod.PATCH) {
            idempotencyKey(operation, responses);
        }
        if (takesHeader(operation, "If-Match")) {
            addIfMissing(responses, "412", "If-Match is not the resource's current version (its ETag): read it again");
            addIfMissing(responses, "428", "Neither If-Match nor the version in the body was sent");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            } else if (code.startsWith("2")) {
                successAsJson(response);
                if ("201".equals(code)) {
                    addHeader(response, "Location", "Where the created resource is read", "uri");
                }
            }
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((name, header) -> {
                    if (header.getSchema() == null && header.getRef() == null) {
                        header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                    }
                });
            }
        });
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                    Object example = examples.of(media.getSchema());
                    if (example != null) {
                        media.setExample(example);
                    }
                }
            });
        }
    }

    /** Every write (POST, PUT, DELETE, PATCH) honours Idempotency-Key ({@link com.lendkeep.platform.idempotency.IdempotencyInterceptor}). */
    private static void idempotencyKey(Operation operation, APIResponses responses) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyInterceptor.HEADER.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name(IdempotencyInterceptor.HEADER).in(Parameter.In.HEADER).required(false)
                    .description("Makes a retry safe: a repeat of a completed request with the same key (and the same method, path and "
                            + "body) gets the first answer again with " + IdempotencyInterceptor.REPLAYED + ": true and changes nothing; "
                            + "the same key while the first still runs gets 409, with another request 422. Keys are per user, kept 7 days.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                            .maxLength(IdempotencyInterceptor.MAX_KEY_LENGTH))
                    .example("3f1c2a9e-7b64-4d0e-9c1a-2b5f8e7d6c40"));
        }
        mention(responses, "409", "A request with the same Idempotency-Key is still in progress");
        mention(responses, "422", "The Idempotency-Key was already used for a different request");
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("2") && (response.getHeaders() == null || !response.getHeaders().containsKey(IdempotencyInterceptor.REPLAYED))) {
                response.addHeader(IdempotencyInterceptor.REPLAYED, OASFactory.createHeader()
                        .description("true when this is the stored answer to an earlier request with the same Idempotency-Key")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("true"))));
            }
        });
    }

    private static boolean takesHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void mention(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        } else if (response.getDescription() == null || !response.getDescription().contains("Idempotency-Key")) {
            response.setDescription((response.getDescription() == null ? "" : response.getDescription() + "; or: ") + description);
        }
    }

    /** A success body declared only as problem+json or as any type would make a generated client ask for the wrong type. */
    private static void successAsJson(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        MediaType any = content.getMediaType("*/*");
        if (content.getMediaType(JSON) == null && (problem != null || any != null)) {
            content.addMediaType(JSON, problem != null ? problem : any);
        }
        if (problem != null) {
            content.removeMediaType(Problem.MEDIA_TYPE);
        }
        if (any != null) {
            content.removeMediaType("*/*");
        }
    }

    private static void addHeader(APIResponse response, String name, String description, String format) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format(format));
        response.addHeader(name, header);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail: the body of every error answer (application/problem+json)")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text("A URI naming the kind of problem; about:blank when the status says it all").format("uri-reference"))
                .addProperty("title", text("The status's reason phrase").examples(List.of("Bad Request")))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .examples(List.of(400)))
                .addProperty("detail", text("What is wrong, naming the field or the rule")
                        .examples(List.of("invalid request: amount: must be greater than 0")))
                .addProperty("instance", text("A URI of this occurrence, when there is one"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("One entry per invalid field, when the problem is invalid input")
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("existingId", text("On a 409 for a natural key (national id, external reference): the id of the "
                        + "resource that already holds it, also in the Location header")
                        .examples(List.of("5b7c2f4e-1111-4c3a-9d7e-2a6f0c1e9a01")));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("field", "message"))
                .addProperty("field", text("The field, query parameter or header at fault").examples(List.of("amount")))
                .addProperty("message", text("What is wrong with it").examples(List.of("must be greater than 0")));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
