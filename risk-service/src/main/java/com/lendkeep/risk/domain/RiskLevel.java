package com.lendkeep.risk.domain;

public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL
}
