package com.lendkeep.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param pseudonymized what was replaced by a pseudonym or removed
 * @param retained      what is kept, and why
 * @param alreadyErased true when an earlier request erased the customer (this one changed nothing)
 */
public record ErasureResponse(UUID customerId, Instant erasedAt, String erasedBy, String requestReference,
        List<String> pseudonymized, List<String> retained, boolean alreadyErased) {
}
