package com.lendkeep.customer.domain;

public enum LifecycleStage {
    INITIAL, GROWTH, MATURE, DECLINE
}
