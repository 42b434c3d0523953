package com.lendkeep.retention.domain;

public enum TaskStatus {
    OPEN, DONE, CANCELLED
}
