package com.lendkeep.loan.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BusinessDateRequest(@Schema(example = "2026-12-05") @NotNull LocalDate date) {
}
