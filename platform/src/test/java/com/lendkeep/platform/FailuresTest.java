package com.lendkeep.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

class FailuresTest {

    /**
     * What a REST call got when PostgreSQL shut down between its last statement and its commit (the
     * fault suite's PostgreSQL restart): the transaction manager's RollbackException, with the
     * database's error only suppressed in it. It was answered 500 instead of 503.
     */
    @Test
    void aCommitLostWithTheConnectionIsTransient() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction: FATAL: terminating connection");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(xa);

        assertTrue(Failures.isTransient(new RuntimeException("Error invoking subclass method", commit)));
    }

    @Test
    void aRollbackForAnotherReasonIsNot() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertFalse(Failures.isTransient(new RuntimeException(commit)));
        assertFalse(Failures.isTransient(new IllegalStateException("no database involved")));
    }

    @Test
    void connectionFailuresInTheCauseChainAreTransient() {
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void aCycleOfCausesAndSuppressedExceptionsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);

        assertFalse(Failures.isTransient(b));
    }
}
