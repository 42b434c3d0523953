package com.lendkeep.risk.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lendkeep.platform.StoredJson;
import com.lendkeep.risk.api.AlertResponse;
import com.lendkeep.risk.api.RiskProfileResponse;
import com.lendkeep.risk.domain.ChurnAlert;
import com.lendkeep.risk.domain.CustomerRisk;
import com.lendkeep.risk.domain.ScoreHistory;

public final class RiskMapper {
    private RiskMapper() {
    }

    public static AlertResponse toResponse(ObjectMapper mapper, ChurnAlert a) {
        return new AlertResponse(a.id, a.customerId, a.churnType, a.level, a.score, read(mapper, a.reasons, new TypeReference<List<String>>() {
        }), a.modelVersion, a.loanId, a.status, a.raisedAt, a.updatedAt, a.clearedAt);
    }

    public static RiskProfileResponse toResponse(ObjectMapper mapper, CustomerRisk r, List<ScoreHistory> history) {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("daysPastDue", r.daysPastDue);
        features.put("maxDaysPastDue", r.maxDaysPastDue);
        features.put("consecutiveMissed", r.consecutiveMissed);
        features.put("missedTotal", r.missedTotal);
        features.put("paymentsTotal", r.paymentsTotal);
        features.put("paymentsOnTime", r.paymentsOnTime);
        features.put("lastPaymentRatio", r.lastPaymentRatio);
        features.put("creditScore", r.creditScore);
        features.put("creditScoreChange", r.creditScoreChange);
        features.put("complaints", r.complaints);
        features.put("hardshipContacts", r.hardshipContacts);
        features.put("payoffInquiries", r.payoffInquiries);
        features.put("competitorMentions", r.competitorMentions);
        features.put("rateComplaints", r.rateComplaints);
        features.put("lowSatisfaction", r.lowSatisfaction);
        features.put("activeLoans", r.activeLoans);
        features.put("loanRate", r.loanRate);
        features.put("forbearanceUntil", r.forbearanceUntil);
        features.put("asOf", r.asOf);
        features.put("rescoreDue", r.rescoreDue);
        List<RiskProfileResponse.ReasonView> reasons = read(mapper, r.reasons, new TypeReference<List<RiskProfileResponse.ReasonView>>() {
        });
        List<RiskProfileResponse.ScorePoint> points = history.stream().map(h -> new RiskProfileResponse.ScorePoint(h.scoredAt, h.cause,
                h.involuntaryScore, h.voluntaryScore, h.combinedScore, h.modelVersion, h.involuntaryChallenger, h.voluntaryChallenger,
                h.challengerVersion, h.businessDate)).toList();
        return new RiskProfileResponse(r.customerId, r.involuntaryScore, r.involuntaryLevel, r.voluntaryScore, r.voluntaryLevel,
                r.combinedScore, r.modelVersion, reasons, features, points, r.updatedAt);
    }

    private static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type) {
        return StoredJson.read(mapper, json, type);
    }
}
