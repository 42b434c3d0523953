package com.lendkeep.retention.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.lendkeep.retention.config.RetentionConfig;
import com.lendkeep.retention.domain.Cohort;

/**
 * Random but reproducible assignment: SHA-256 of salt and customer id, read as a number in [0, 1).
 * The same customer is always in the same group; no state is needed to know it.
 */
@ApplicationScoped
public class ControlGroup {

    private final double share;
    private final String salt;

    @Inject
    public ControlGroup(RetentionConfig config) {
        this(config.controlGroup().share(), config.controlGroup().salt());
    }

    public ControlGroup(double share, String salt) {
        if (share < 0 || share > 1) {
            throw new IllegalStateException("retention.control-group.share must be within 0..1, was " + share);
        }
        this.share = share;
        this.salt = salt;
    }

    public Cohort cohortOf(UUID customerId) {
        return draw(customerId) < share ? Cohort.CONTROL : Cohort.TREATMENT;
    }

    double draw(UUID customerId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((salt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(hash).getLong() >>> 11; // 53 random bits
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }
}
