package com.lendkeep.customer.service;

import com.lendkeep.platform.rest.ApiException;

/**
 * A profile's national id or external reference is already another customer's. Thrown inside the
 * write's transaction, which cannot read any more once the unique index refused the row; the
 * resource finds the holder afterwards ({@link CustomerService#holderOf}) and answers its id.
 */
public class NaturalKeyTaken extends ApiException {

    private final String value;

    NaturalKeyTaken(String field, String value) {
        super(409, "Conflict", "a customer with this " + field + " already exists", field);
        this.value = value;
    }

    /** The key as stored (national ids upper case), to look the holder up. */
    public String value() {
        return value;
    }
}
