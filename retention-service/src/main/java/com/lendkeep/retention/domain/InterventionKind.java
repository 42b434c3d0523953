package com.lendkeep.retention.domain;

public enum InterventionKind {
    PAYMENT_EXTENSION, LOYALTY_RATE
}
