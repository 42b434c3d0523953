package com.lendkeep.platform.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the resource method takes as a number, id, date or enum, checked once the
 * method is known and before JAX-RS converts it: JAX-RS answers a query parameter it cannot
 * convert with 404, which tells the caller nothing (issue 18: {@code ?customerId=abc} on a list
 * was "Not Found"). Here it is a 400 naming the parameter and what it must be.
 */
public class QueryParameterCheck {

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        var query = request.getUriInfo().getQueryParameters(true);
        for (Parameter parameter : method.getParameters()) {
            QueryParam name = parameter.getAnnotation(QueryParam.class);
            List<String> values = name == null ? null : query.get(name.value());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                String problem = problemOf(parameter.getType(), value);
                if (problem != null) {
                    String detail = "query parameter " + name.value() + ": " + problem;
                    return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank", "Bad Request", 400,
                            detail, null, List.of(new Problem.FieldError(name.value(), problem)))).build());
                }
            }
        }
        return Optional.empty();
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
                LocalDate.parse(value);
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
