package com.lendkeep.retention.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One profile for every @QuarkusTest (one application start): half the customers held out, so
 * tests pick treatment or control customers by id (see {@link Customers}); a budget large enough
 * for every test of a month; the expiry timer out of the way (tests run expiry through the API).
 */
public class RetentionTestProfile implements QuarkusTestProfile {

    public static final double SHARE = 0.5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "retention.control-group.share", Double.toString(SHARE),
                "retention.budget.limit", "100000.00",
                "retention.offers.expiry-every", "24h");
    }
}
