package com.lendkeep.customer.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.lendkeep.customer.domain.CollateralType;
import com.lendkeep.customer.domain.Contact;
import com.lendkeep.customer.domain.CustomerType;
import com.lendkeep.customer.domain.VolatilityClass;
import com.lendkeep.customer.domain.rules.DepthAssessment;
import com.lendkeep.customer.domain.rules.GradeAssessment;
import com.lendkeep.customer.domain.rules.StageAssessment;
import com.lendkeep.customer.domain.rules.TierAssessment;

/**
 * A customer with its derived values. After erasure the personal fields show pseudonyms or null.
 *
 * @param version the profile's version, also sent as the ETag; send it back on PUT
 */
@Schema(description = "A customer profile with tier, grade, relationship depth and lifecycle stage, each with its rule and inputs.")
public record CustomerResponse(UUID id, String externalRef, CustomerType type, String fullName, String nationalId,
        String email, String phone, String postalAddress, Contact.Channel preferredChannel, String industry,
        VolatilityClass industryVolatility, BigDecimal annualIncome, Collateral collateral, LocalDate relationshipSince,
        String relationshipManager, boolean erased, Instant erasedAt, Instant createdAt, Instant updatedAt, long version,
        TierAssessment tier, GradeAssessment grade, DepthAssessment relationshipDepth, StageAssessment lifecycleStage,
        LocalDate assessedAsOf) {

    public record Collateral(CollateralType type, BigDecimal appraisedValue, LocalDate appraisedOn) {
    }
}
