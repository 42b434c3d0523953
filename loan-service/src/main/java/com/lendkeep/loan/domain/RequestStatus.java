package com.lendkeep.loan.domain;

public enum RequestStatus {
    PENDING, APPROVED, REJECTED
}
