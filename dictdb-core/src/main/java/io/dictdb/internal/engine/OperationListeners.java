package io.dictdb.internal.engine;

import io.dictdb.OperationEvent;
import io.dictdb.OperationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The {@link OperationListener}s of one database, and the timing of the operations they are told about.
 *
 * <p>Invariants. The listeners are a copy-on-write array published through one volatile field; with none
 * registered it is the shared empty array. An operation asks {@link #start()} first: with no listener that is one
 * volatile read and returns {@link #NOT_TIMED}, and {@link #succeeded}/{@link #failed} then return at once, so an
 * unobserved operation calls no clock and allocates nothing. Hot paths therefore use the explicit
 * {@code start / succeeded / failed} pattern in a try/catch (a helper taking a lambda would allocate it on every
 * call); {@link #call} and {@link #run} are that same pattern for rare operations. A listener that throws is
 * logged at WARN and skipped; the operation's outcome never depends on listeners.
 */
public final class OperationListeners {
    /** The start time of an operation that no listener was registered for when it started. */
    public static final long NOT_TIMED = 0;

    private static final Logger LOG = LoggerFactory.getLogger(OperationListeners.class);
    private static final OperationListener[] NONE = new OperationListener[0];

    private volatile OperationListener[] listeners = NONE;

    /**
     * Registers a listener; a listener already registered is not added twice.
     *
     * @param listener the listener
     */
    public synchronized void add(OperationListener listener) {
        Objects.requireNonNull(listener, "listener");
        OperationListener[] current = listeners;
        if (indexOf(current, listener) >= 0) {
            return;
        }
        OperationListener[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = listener;
        listeners = next;
    }

    /**
     * Unregisters a listener.
     *
     * @param listener the listener
     * @return true when it was registered
     */
    public synchronized boolean remove(OperationListener listener) {
        OperationListener[] current = listeners;
        int i = indexOf(current, listener);
        if (i < 0) {
            return false;
        }
        OperationListener[] next = new OperationListener[current.length - 1];
        System.arraycopy(current, 0, next, 0, i);
        System.arraycopy(current, i + 1, next, i, next.length - i);
        listeners = next.length == 0 ? NONE : next;
        return true;
    }

    private static int indexOf(OperationListener[] array, OperationListener listener) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == listener) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Starts timing an operation.
     *
     * @return {@link #NOT_TIMED} when no listener is registered, else the current {@link System#nanoTime()} (never
     *         {@link #NOT_TIMED})
     */
    public long start() {
        if (listeners.length == 0) {
            return NOT_TIMED;
        }
        long now = System.nanoTime();
        return now == NOT_TIMED ? 1 : now;
    }

    /**
     * Reports a successful operation, if it was timed.
     *
     * @param start     what {@link #start()} returned
     * @param table     the table
     * @param operation the operation name
     * @param rows      rows affected or returned
     */
    public void succeeded(long start, String table, String operation, long rows) {
        if (start != NOT_TIMED) {
            report(start, table, operation, rows, false);
        }
    }

    /**
     * Reports a failed operation, if it was timed.
     *
     * @param start     what {@link #start()} returned
     * @param table     the table
     * @param operation the operation name
     */
    public void failed(long start, String table, String operation) {
        if (start != NOT_TIMED) {
            report(start, table, operation, 0, true);
        }
    }

    /**
     * Runs and reports an operation (for rare operations: the lambda is allocated even when nobody listens).
     *
     * @param table     the table
     * @param operation the operation name
     * @param work      the operation
     * @param rows      the rows affected or returned, from the result
     * @param <T>       the result type
     * @return the operation's result
     */
    public <T> T call(String table, String operation, Supplier<T> work, ToLongFunction<? super T> rows) {
        long start = start();
        try {
            T result = work.get();
            if (start != NOT_TIMED) {
                succeeded(start, table, operation, rows.applyAsLong(result));
            }
            return result;
        } catch (RuntimeException | Error e) {
            failed(start, table, operation);
            throw e;
        }
    }

    /**
     * Runs and reports an operation that affects no rows (see {@link #call}).
     *
     * @param table     the table
     * @param operation the operation name
     * @param work      the operation
     */
    public void run(String table, String operation, Runnable work) {
        call(table, operation, () -> {
            work.run();
            return null;
        }, result -> 0);
    }

    private void report(long start, String table, String operation, long rows, boolean failed) {
        OperationListener[] current = listeners;
        if (current.length == 0) {
            return;
        }
        OperationEvent event = new OperationEvent(table, operation, rows, Math.max(0, System.nanoTime() - start),
                failed);
        for (OperationListener listener : current) {
            try {
                listener.onOperation(event);
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("table", table).addKeyValue("op", operation)
                        .setCause(e).log("Operation listener {} failed on {} of table '{}'; ignored.", listener,
                                operation, table);
            }
        }
    }
}
