package com.lendkeep.loan.api;

import java.time.Instant;
import java.util.List;

public record ScheduleVersionResponse(int version, String reason, Instant createdAt, List<LoanResponse.InstallmentView> schedule) {
}
