package com.lendkeep.platform.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.lendkeep.platform.json.StrictStringDeserializer;

/**
 * Query parameters checked before any resource sees them, with the same rules as JSON text: no NUL
 * character or broken Unicode, neither decoded nor as percent escapes that are not UTF-8 (PostgreSQL
 * refuses a NUL with a 500; path parameters get the same check once matched, in
 * {@link ParameterTypeCheck}, which can name them). {@code page}
 * and {@code size} must be whole numbers in range, so that paging arithmetic cannot overflow and a
 * malformed one gets a 400 naming it rather than the 404 JAX-RS gives a query parameter it cannot
 * convert.
 */
public class RequestParameterCheck {

    static final int MAX_PAGE = 1_000_000;
    static final int MAX_SIZE = 1_000;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String problem = PercentEncoding.problemOf(eq < 0 ? null : pair.substring(eq + 1));
                String nameProblem = PercentEncoding.problemOf(rawName);
                if (nameProblem != null) {
                    return Optional.of(badRequest("query", "a query parameter name " + nameProblem));
                }
                if (problem != null) {
                    String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                    return Optional.of(badRequest(name, "query parameter " + name + ": " + problem));
                }
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
