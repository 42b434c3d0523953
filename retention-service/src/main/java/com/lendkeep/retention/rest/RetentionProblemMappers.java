package com.lendkeep.retention.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.lendkeep.platform.rest.Problem;
import com.lendkeep.retention.service.InvalidRequestException;

/** A rule or proposal with several invalid fields: every one listed, as for Bean Validation. */
public class RetentionProblemMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        List<Problem.FieldError> errors = e.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Bad Request", 400, e.getMessage(), null, errors)).build();
    }
}
