package com.lendkeep.loan.service;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Stops a close of business after a number of committed chunks, as a crash of the service would. */
@ApplicationScoped
public class CrashAfterChunks {

    private static final AtomicInteger AFTER = new AtomicInteger();

    /** The next run stops after {@code chunks} chunks (0: never). */
    public static void arm(int chunks) {
        AFTER.set(chunks);
    }

    void onChunk(@Observes CloseOfBusiness.ChunkClosed closed) {
        int after = AFTER.get();
        if (after > 0 && closed.chunk() >= after && AFTER.compareAndSet(after, 0)) {
            throw new IllegalStateException("simulated crash after chunk " + closed.chunk() + " of run " + closed.runId());
        }
    }
}
