package com.lendkeep.loan.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DisbursementRequest(
        @Schema(description = "The loan's start date; default the business date, never after it", example = "2026-11-01") LocalDate disbursedOn) {
}
