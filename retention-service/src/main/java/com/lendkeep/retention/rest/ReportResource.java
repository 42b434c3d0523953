package com.lendkeep.retention.rest;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.lendkeep.platform.rest.ApiException;
import com.lendkeep.platform.rest.Problem;
import com.lendkeep.platform.security.Roles;
import com.lendkeep.retention.api.ChurnReport;
import com.lendkeep.retention.mapping.ChurnReportCsv;
import com.lendkeep.retention.service.ReportService;

@Path("/reports")
@Tag(name = "Reports", description = "What a retention manager takes to the board (definitions in docs/retention.md)")
public class ReportResource {

    static final String CSV = "text/csv";

    private final ReportService service;
    private final Clock clock;

    public ReportResource(ReportService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.RETENTION_MANAGER)
    @Path("/churn")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(operationId = "getChurnReport", summary = "Churn, loss, interventions and uplift of the customers alerted between from and to",
            description = "JSON by default; CSV (section,key,metric,value) with Accept: text/csv or format=csv.")
    @APIResponse(responseCode = "200", content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChurnReport.class)),
            @Content(mediaType = CSV) })
    @APIResponse(responseCode = "400", description = "from or to missing or invalid, to before from, asOf after the business date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response churn(@Parameter(description = "First alert date, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Last alert date, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "Outcomes as known at this date or instant (default and latest: the business date)") @QueryParam("asOf") String asOf,
            @Parameter(description = "csv or json") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = wantsCsv(format, accept);
        ChurnReport report = service.churn(QueryDates.date(from, "from"), QueryDates.date(to, "to"), service.asOf(asOf));
        if (csv) {
            return Response.ok(ChurnReportCsv.write(report), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"churn-" + report.from() + "-" + report.to() + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase()) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.badRequest("format", "format must be csv or json, was " + format);
            };
        }
        return accept != null && accept.toLowerCase().contains(CSV) && !accept.toLowerCase().contains(MediaType.APPLICATION_JSON);
    }
}
