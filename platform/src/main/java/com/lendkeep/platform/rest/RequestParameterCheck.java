package com.lendkeep.platform.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.lendkeep.platform.json.StrictStringDeserializer;

/**
 * Query and path parameters checked before any resource sees them, with the same rules as JSON
 * text: no NUL character or broken Unicode (PostgreSQL refuses the first with a 500). {@code page}
 * and {@code size} must be whole numbers in range, so that paging arithmetic cannot overflow and a
 * malformed one gets a 400 naming it rather than the 404 JAX-RS gives a query parameter it cannot
 * convert.
 */
public class RequestParameterCheck {

    static final int MAX_PAGE = 1_000_000;
    static final int MAX_SIZE = 1_000;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            String problem = StrictStringDeserializer.problemOf(segment.getPath());
            if (problem != null) {
                return Optional.of(badRequest("path", "a path segment " + problem));
            }
        }
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String name = param.getKey();
            String nameProblem = StrictStringDeserializer.problemOf(name);
            if (nameProblem != null) {
                return Optional.of(badRequest("query", "a query parameter name " + nameProblem));
            }
            for (String value : param.getValue()) {
                String problem = StrictStringDeserializer.problemOf(value);
                if (problem != null) {
                    return Optional.of(badRequest(name, "query parameter " + name + ": " + problem));
                }
                // only what no resource may accept: each resource still applies its own, narrower range
                if ("page".equals(name) && !wholeNumberIn(value, 0, MAX_PAGE)) {
                    return Optional.of(badRequest(name, "query parameter page: an integer from 0 to " + MAX_PAGE));
                }
                if ("size".equals(name) && !wholeNumberIn(value, 0, MAX_SIZE)) {
                    return Optional.of(badRequest(name, "query parameter size: an integer from 0 to " + MAX_SIZE));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean wholeNumberIn(String value, int min, int max) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return false;
        }
        int n = Integer.parseInt(value);
        return n >= min && n <= max;
    }

    private static Response badRequest(String field, String detail) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Bad Request", 400, detail, null,
                List.of(new Problem.FieldError(field, detail)))).build();
    }
}
