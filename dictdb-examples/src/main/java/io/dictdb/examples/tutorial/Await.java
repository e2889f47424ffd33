package io.dictdb.examples.tutorial;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something a background thread does (a periodic or debounced backup), with a time limit. */
public final class Await {
    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /**
     * Waits until a condition holds.
     *
     * @param what      what is awaited, for the error message
     * @param condition the condition, polled every few milliseconds
     * @param timeout   how long to wait at most
     * @return how long it took
     * @throws IllegalStateException when the time is up first
     */
    public static Duration until(String what, BooleanSupplier condition, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        return Timing.since(start);
    }
}
