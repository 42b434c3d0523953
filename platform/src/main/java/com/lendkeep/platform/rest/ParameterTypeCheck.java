package com.lendkeep.platform.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.lendkeep.platform.json.StrictStringDeserializer;

/**
 * The path and query parameters of the matched resource method, checked once the method is known
 * and before JAX-RS converts them, so that the answer can name the parameter:
 * <ul>
 * <li>a path parameter holding a NUL character or broken Unicode (PostgreSQL refuses the first with a
 * 500; query parameters get the same check before matching, in {@link RequestParameterCheck});</li>
 * <li>a parameter the method takes as a number, id, date or enum that does not convert: JAX-RS answers
 * that with 404, which tells the caller nothing (issue 18: {@code ?customerId=abc} on a list was "Not
 * Found", and so was {@code /customers/abc}).</li>
 * </ul>
 */
public class ParameterTypeCheck {

    private static final String BROKEN_ESCAPES = "contains broken Unicode (bytes that are not UTF-8)";

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters(true);
        boolean brokenEscapes = brokenEscapes(request.getUriInfo().getRequestUri().getRawPath());
        for (Parameter parameter : method.getParameters()) {
            PathParam pathName = parameter.getAnnotation(PathParam.class);
            QueryParam queryName = parameter.getAnnotation(QueryParam.class);
            String name = pathName != null ? pathName.value() : queryName != null ? queryName.value() : null;
            List<String> values = pathName != null ? path.get(name) : queryName != null ? query.get(name) : null;
            if (values == null) {
                continue;
            }
            String kind = pathName != null ? "path parameter " : "query parameter ";
            for (int i = 0; i < values.size(); i++) {
                String problem = pathName == null ? null : textProblem(values.get(i), brokenEscapes);
                if (problem == null) {
                    problem = problemOf(parameter.getType(), values.get(i));
                }
                if (problem != null) {
                    return Optional.of(badRequest(kind + name, name, problem));
                }
            }
        }
        if (brokenEscapes) { // not found in a parameter: name the path's first one, or the path
            String name = java.util.Arrays.stream(method.getParameters()).map(p -> p.getAnnotation(PathParam.class))
                    .filter(java.util.Objects::nonNull).map(PathParam::value).findFirst().orElse("path");
            return Optional.of(badRequest("path parameter " + name, name, BROKEN_ESCAPES));
        }
        return Optional.empty();
    }

    /**
     * The REST layer gives path parameters decoded only, with U+FFFD for escapes that are not UTF-8; a
     * parameter holding one while the path as sent has such escapes is the one at fault.
     */
    private static String textProblem(String decoded, boolean brokenEscapes) {
        String problem = StrictStringDeserializer.problemOf(decoded);
        if (problem == null && brokenEscapes && (decoded.indexOf('\uFFFD') >= 0 || PercentEncoding.problemOf(decoded) != null)) {
            problem = BROKEN_ESCAPES;
        }
        return problem;
    }

    private static boolean brokenEscapes(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        for (String segment : rawPath.split("/")) {
            if (PercentEncoding.problemOf(segment) != null) {
                return true;
            }
        }
        return false;
    }

    private static Response badRequest(String what, String name, String problem) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Bad Request", 400, what + ": " + problem,
                null, List.of(new Problem.FieldError(name, problem)))).build();
    }

    /** What is wrong with {@code value} for a parameter of {@code type}, or null when it converts. */
    static String problemOf(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == LocalDate.class) {
                return LocalDate.parse(value).getYear() > 9999 ? "must be a date (YYYY-MM-DD)" : null;
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).anyMatch(value::equals) ? null
                        : "must be one of " + Arrays.toString(type.getEnumConstants());
            }
            return null;
        } catch (RuntimeException e) {
            return type == UUID.class ? "must be a UUID"
                    : type == LocalDate.class ? "must be a date (YYYY-MM-DD)"
                    : "must be a whole number";
        }
    }
}
