package com.lendkeep.loan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.security.Roles;

/**
 * A constant answer: the benchmark's yardstick for this service's HTTP stack (bin/bench compares the
 * real endpoints with it). It asks for the same authentication as the real endpoints, so that the
 * comparison is between the work of the endpoints, not between checking a token or not.
 */
@Path("/ping")
@Tag(name = "Ping", description = "A constant answer behind the same authentication as every endpoint")
@RolesAllowed({Roles.CORE_BANKING, Roles.ADVISOR, Roles.RETENTION_MANAGER, Roles.RISK_ANALYST, Roles.ADMIN})
public class PingResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "pingLoanService", summary = "Answers pong (for benchmarks and probes)",
            description = "A constant, behind the same authentication as every endpoint: bin/bench's yardstick for this service's HTTP stack.")
    public String ping() {
        return "pong";
    }
}
