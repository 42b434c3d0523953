package com.lendkeep.loan.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ChargeOffRequest(@Schema(example = "borrower deceased, no estate") @NotBlank @Size(max = 500) String reason) {
}
