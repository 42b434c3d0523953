package com.lendkeep.platform.rest;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.lendkeep.platform.Failures;
import com.lendkeep.platform.json.StrictJson;

import io.quarkus.hibernate.validator.runtime.jaxrs.ViolationReport;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into {@code application/problem+json} with a detail a caller can act on.
 * Unexpected errors are logged with a reference and answered without internals; a database that
 * is down answers 503 with Retry-After instead of a 500.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        List<Problem.FieldError> errors = e.field() == null ? null : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        Problem problem = new Problem("about:blank", e.title(), e.status(), e.getMessage(), null, errors, e.existingId());
        if (e.existingLocation() != null) {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).location(java.net.URI.create(e.existingLocation()))
                    .entity(problem).build();
        }
        return build(problem);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return build(new Problem("about:blank", "Bad Request", 400, "invalid request: " + detail, null, errors));
    }

    /** No token, or one that does not verify (signature, issuer, expiry); the reason stays in the server log. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        Log.debugf("authentication failed: %s", e.getMessage());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(401, "Unauthorized", "a valid bearer token is required (Authorization: Bearer <JWT>)")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return build(Problem.of(403, "Forbidden", "the token's roles do not allow this operation (see docs/security.md)"));
    }

    /**
     * JSON that does not parse (bad syntax, bytes that are not UTF-8, a number beyond 64 bits): named by
     * where the parser was, else as the request body.
     */
    @ServerExceptionMapper
    public Response malformedJson(StreamReadException e) {
        String field = e.getProcessor() instanceof JsonParser parser ? fieldOf(parser.getParsingContext()) : "";
        String what = e instanceof InputCoercionException ? "number out of range"
                : e.getOriginalMessage() != null && e.getOriginalMessage().contains("UTF-8") ? "text that is not UTF-8"
                : "malformed JSON";
        String detail = "request body: " + what + (field.isEmpty() ? "" : " in " + field) + " (" + location(e) + ")";
        return build(new Problem("about:blank", "Bad Request", 400, detail, null,
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, what))));
    }

    /** "line 1, column 12", without Jackson's source description (which names Java types). */
    private static String location(StreamReadException e) {
        return e.getLocation() == null ? "at its start" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** The JSON path the parser was in: "rule.when.levels[0]". */
    private static String fieldOf(JsonStreamContext context) {
        List<String> steps = new java.util.ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                steps.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                steps.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return String.join(".", steps).replace(".[", "[");
    }

    /** Declared for the exact type so it replaces Quarkus' built-in mapper of the same exception. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = jsonPath(e);
        String detail;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            detail = "value " + quote(invalid.getValue()) + " is not one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid && StrictJson.isOwnMessage(invalid.getOriginalMessage())) {
            detail = invalid.getOriginalMessage(); // says what is wrong without echoing a NUL or broken text
        } else if (e instanceof InvalidFormatException invalid) {
            detail = "value " + quote(invalid.getValue()) + " is not a valid " + invalid.getTargetType().getSimpleName();
        } else if (e instanceof UnrecognizedPropertyException) {
            detail = "unknown field";
        } else {
            detail = "wrong type or shape";
        }
        if (field.isEmpty()) {
            // Jackson's own message names Java types: say it in the API's words
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
                    ? "text after the JSON value is not allowed"
                    : "it must be one JSON object of the documented shape";
            return build(Problem.of(400, "Bad Request", "request body: " + what));
        }
        return build(new Problem("about:blank", "Bad Request", 400, field + ": " + detail, null,
                List.of(new Problem.FieldError(field, detail))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // the JSON body reader wraps some parse errors in a plain 400
        StreamReadException parse = Failures.findCause(e, StreamReadException.class);
        if (parse != null) {
            return malformedJson(parse);
        }
        JsonMappingException mapping = Failures.findCause(e, JsonMappingException.class);
        if (mapping != null) {
            return jsonMapping(mapping);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 415) {
            String detail = "Content-Type: the request body must be application/json";
            return build(new Problem("about:blank", "Unsupported Media Type", 415, detail, null,
                    List.of(new Problem.FieldError("Content-Type", "must be application/json"))));
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return build(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        ApiException api = Failures.findCause(e, ApiException.class);
        if (api != null) {
            return api(api);
        }
        ConstraintViolationException violation = Failures.findCause(e, ConstraintViolationException.class);
        if (violation != null) {
            return validation(violation);
        }
        if (Failures.isTransient(e)) {
            Log.warnf("database unavailable: %s", Failures.rootMessage(e));
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(Problem.of(503, "Service Unavailable",
                            "the database is unavailable; nothing was changed, retry later"))
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error, reference %s", reference);
        return build(Problem.of(500, "Internal Server Error", "unexpected error; reference " + reference));
    }

    /**
     * Quarkus answers endpoint validation failures with its own mapper, which cannot be overridden
     * (quarkusio/quarkus#41102); this filter rewrites its report as problem+json.
     */
    @ServerResponseFilter
    public void violationReportAsProblem(ContainerResponseContext response) {
        if (response.getEntity() instanceof ViolationReport report) {
            List<Problem.FieldError> errors = report.getViolations().stream()
                    .map(v -> new Problem.FieldError(stripMethod(v.getField()), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field()))
                    .toList();
            String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
            int status = report.getStatus();
            response.setEntity(new Problem("about:blank", status == 400 ? "Bad Request" : report.getTitle(), status,
                    "invalid request: " + detail, null, errors), null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    private static Response build(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> v) {
        return stripMethod(v.getPropertyPath().toString());
    }

    /** "register.request.fullName" -> "fullName", "list.size" -> "size": drop method and parameter names. */
    private static String stripMethod(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + (s.length() > 50 ? s.substring(0, 50) + "..." : s) + "\"" : String.valueOf(value);
    }
}
