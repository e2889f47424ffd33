package io.dictdb;

/**
 * Receives one {@link OperationEvent} for each operation of a {@link DictDB}, for example to feed metrics. Register
 * it with {@link DictDB#addOperationListener}; it is called for that database only.
 *
 * <p><b>When.</b> A listener is called synchronously, on the thread that made the call, after the operation has
 * completed — successfully or with an exception — and before the call returns or rethrows. A write outside a
 * transaction has been committed and published by then, and the writer lock is released. A write made inside a
 * {@link DictDB#transaction transaction} is reported when that write returns, while the transaction is still
 * running and holds the writer lock: the event says the write was done, not that it was committed, and it is not
 * withdrawn if the transaction is later rolled back.
 *
 * <p><b>Contract.</b> Keep it short and non-blocking: it runs on the caller's hot path and, inside a transaction,
 * while every other writer waits. It may be called from many threads at once. It should not write to the database
 * (inside a transaction such a write would join the transaction). An exception it throws is logged at WARN and
 * ignored: it never changes the outcome of the operation, and the other listeners are still called.
 *
 * <p>When no listener is registered, operations pay nothing for this hook beyond one volatile read: they are not
 * timed and no event is created.
 */
@FunctionalInterface
public interface OperationListener {

    /**
     * Called once per completed operation.
     *
     * @param event what was done, on which table, how long it took and whether it failed
     */
    void onOperation(OperationEvent event);
}
