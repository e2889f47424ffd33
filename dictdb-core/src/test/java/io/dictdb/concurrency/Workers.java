package io.dictdb.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts named worker threads together and collects what they throw, so that a failure on any thread fails the
 * test on the test thread (with its thread name), and a thread that does not finish in time is reported as a
 * hang instead of blocking the build.
 */
final class Workers {
    /** A worker's body; may throw anything. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final CountDownLatch start = new CountDownLatch(1);

    /** Adds a worker (started by {@link #start()}). */
    Workers add(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                start.await();
                body.run();
            } catch (Throwable e) {
                failures.add(new AssertionError("worker '" + Thread.currentThread().getName() + "' failed: " + e, e));
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        return this;
    }

    /** Starts every worker at once. */
    Workers start() {
        threads.forEach(Thread::start);
        start.countDown();
        return this;
    }

    /** Whether any worker has failed so far. */
    boolean anyFailed() {
        return !failures.isEmpty();
    }

    /**
     * Waits for every worker, then rethrows the first failure (the others as suppressed).
     *
     * @param timeout how long to wait in total
     * @param unit    its unit
     */
    void join(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<String> alive = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                StringBuilder trace = new StringBuilder(t.getName());
                for (StackTraceElement e : t.getStackTrace()) {
                    trace.append("\n    at ").append(e);
                }
                alive.add(trace.toString());
            }
        }
        Throwable first = failures.peek();
        if (!alive.isEmpty()) {
            AssertionError hang = new AssertionError("workers still running after " + timeout + " " + unit
                    + " (deadlock or livelock?):\n" + String.join("\n", alive));
            if (first != null) {
                hang.addSuppressed(first);
            }
            throw hang;
        }
        if (first != null) {
            AssertionError error = new AssertionError(first.getMessage(), first.getCause());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
