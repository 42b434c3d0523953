package com.lendkeep.customer.domain;

/** Credit-risk grade, best first. */
public enum Grade {
    A, B, C;

    /** One grade worse; C stays C. */
    public Grade down() {
        return this == A ? B : C;
    }
}
