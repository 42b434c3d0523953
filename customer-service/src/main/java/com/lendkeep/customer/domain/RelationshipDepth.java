package com.lendkeep.customer.domain;

public enum RelationshipDepth {
    DEEP, MODERATE, SHALLOW
}
