package com.lendkeep.loan.domain;

public enum InstallmentStatus {
    PENDING, OVERDUE, PAID
}
