package com.lendkeep.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param pseudonymized what was replaced by a pseudonym or removed
 * @param retained      what is kept, and why
 * @param alreadyErased true when an earlier request erased the customer (this one changed nothing)
 * @param overriddenRule when a privacy officer forced the erasure: the retention rule it overrode (else null)
 * @param forceReason    the reason they gave (else null)
 */
public record ErasureResponse(UUID customerId, Instant erasedAt, String erasedBy, String requestReference,
        List<String> pseudonymized, List<String> retained, boolean alreadyErased, String overriddenRule, String forceReason) {
}
