package com.lendkeep.customer.domain;

public enum CustomerType {
    INDIVIDUAL, SME, CORPORATE
}
