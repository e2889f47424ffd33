package io.dictdb.internal.storage;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs {@code saveAsync} and {@code loadAsync} off the caller's thread.
 *
 * <p>The default executor is bounded: at most {@link #DEFAULT_THREADS} daemon threads named
 * {@code dictdb-io-N}, which end after 30 s without work (so nothing needs shutting down), and a queue of at most
 * {@link #DEFAULT_QUEUE} waiting tasks; a task submitted beyond that completes its future exceptionally with
 * {@link RejectedExecutionException}. The executor in use can be replaced process-wide ({@link #set}).
 *
 * <p>Futures complete with the task's own exception (not wrapped), so {@code exceptionally} and
 * {@code whenComplete} see the {@code CorruptFileException} or {@code UncheckedIOException} that the synchronous
 * method would have thrown.
 */
public final class AsyncFileExecutor {
    /** Threads of the default executor. */
    public static final int DEFAULT_THREADS = 2;
    /** Tasks the default executor queues before rejecting new ones. */
    public static final int DEFAULT_QUEUE = 256;

    private static final Executor DEFAULT = createDefault();
    private static volatile Executor current = DEFAULT;

    private AsyncFileExecutor() {
    }

    private static Executor createDefault() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "dictdb-io-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(DEFAULT_QUEUE), threads, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** @return the executor in use */
    public static Executor get() {
        return current;
    }

    /**
     * Replaces the executor used by {@code saveAsync} and {@code loadAsync}.
     *
     * @param executor the new executor, or null to restore the default one
     */
    public static void set(Executor executor) {
        current = executor == null ? DEFAULT : executor;
    }

    /**
     * Runs work on an executor.
     *
     * @param executor the executor
     * @param work     the work
     * @param <T>      the result type
     * @return a future completed with the work's result, or exceptionally with its exception as thrown (also
     *         with the executor's {@link RejectedExecutionException} when it refuses the task)
     */
    public static <T> CompletableFuture<T> submit(Executor executor, Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    future.complete(work.get());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future;
    }
}
