package io.dictdb.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The database engine: the published state, the writer lock and the change log.
 *
 * <p>Implementation notes. The whole database is one immutable {@link DbState} published through a volatile
 * field. Readers take the current state and run on it without any lock. Writers are serialised by one lock
 * (single writer, as in SQLite and LMDB: serializable transactions for free): a write builds the next state
 * from the current one inside a {@link WriteTransaction}, hands its changes to the change listeners, then
 * publishes the state with one volatile write. A write that throws publishes nothing.
 *
 * <p>The thread running a write or transaction is remembered ({@code writer}): any operation it makes on this
 * database while the transaction runs joins it (reads see its writes; writes become part of it, each one atomic
 * through a savepoint). Without that, a write through another table handle would commit on its own and then be
 * overwritten by the outer commit.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private volatile DbState state = DbState.EMPTY;
    private final ReentrantLock writerLock = new ReentrantLock();
    /**
     * The thread running a write right now, or null (writers are serialised, so there is at most one). Set and
     * cleared only by that thread while it holds the writer lock; any other thread reading it sees either null or
     * another thread, never itself, so a reader finds out with one volatile read that it runs no transaction.
     */
    private volatile Thread writer;
    /** The transaction of {@link #writer}: written before {@code writer} is set, read only by the writer thread. */
    private WriteTransaction current;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final OperationListeners operations = new OperationListeners();

    /**
     * The latest committed state (ignores any transaction of the calling thread).
     *
     * @return the published state
     */
    public DbState committedState() {
        return state;
    }

    /**
     * The state the calling thread reads: its transaction's working state when it runs one, else the latest
     * committed state.
     *
     * @return the state to read
     */
    public DbState readState() {
        return writer == Thread.currentThread() ? current.view() : state;
    }

    /**
     * The transaction the calling thread is running, if any.
     *
     * @return the transaction, or null
     */
    public WriteTransaction activeTransaction() {
        return writer == Thread.currentThread() ? current : null;
    }

    /**
     * Runs one atomic write. Joins the calling thread's transaction when there is one (rolled back to a
     * savepoint if it throws), else runs and commits a transaction of its own.
     *
     * @param work  the write
     * @param <T>   the result type
     * @return the write's result
     */
    public <T> T write(Function<WriteTransaction, T> work) {
        WriteTransaction txn = activeTransaction();
        if (txn != null) {
            return inSavepoint(txn, work);
        }
        return runAndCommit(work);
    }

    /**
     * Runs a transaction; nested in the calling thread's transaction when there is one.
     *
     * @param work the transaction's body
     * @param <T>  the result type
     * @return the body's result
     */
    public <T> T transaction(Function<WriteTransaction, T> work) {
        return write(work);
    }

    private static <T> T inSavepoint(WriteTransaction txn, Function<WriteTransaction, T> work) {
        WriteTransaction.Savepoint savepoint = txn.savepoint();
        try {
            return work.apply(txn);
        } catch (RuntimeException | Error e) {
            txn.rollbackTo(savepoint);
            throw e;
        }
    }

    private <T> T runAndCommit(Function<WriteTransaction, T> work) {
        writerLock.lock();
        try {
            WriteTransaction txn = new WriteTransaction(state, !listeners.isEmpty());
            current = txn;
            writer = Thread.currentThread();
            T result;
            try {
                result = work.apply(txn);
            } finally {
                writer = null;
                current = null;
            }
            if (txn.modified()) {
                commit(txn);
            }
            return result;
        } finally {
            writerLock.unlock();
        }
    }

    private void commit(WriteTransaction txn) {
        DbState next = txn.commitState();
        if (txn.recordsChanges() && !txn.changes().isEmpty()) {
            for (ChangeListener listener : listeners) {
                try {
                    listener.onCommit(txn.sequence(), List.copyOf(txn.changes()));
                } catch (RuntimeException e) {
                    LOG.error("Change listener {} failed on commit {}", listener, txn.sequence(), e);
                }
            }
        }
        state = next;
        OperationLog.commit(txn.sequence(), txn.changes().size());
    }

    /**
     * Registers a change listener and returns the state it starts from, atomically with respect to commits: the
     * listener receives exactly the commits after the returned state.
     *
     * @param listener the listener
     * @return the committed state at registration
     */
    public DbState addChangeListener(ChangeListener listener) {
        writerLock.lock();
        try {
            listeners.add(listener);
            return state;
        } finally {
            writerLock.unlock();
        }
    }

    /**
     * Runs an action between two commits, with the committed state: no commit starts or finishes while it runs
     * (it waits for a running write to end). Used to take a state together with everything change listeners have
     * received up to it; the action must be quick, since writers wait for it.
     *
     * @param action the action, given the committed state
     * @param <T>    the result type
     * @return the action's result
     */
    public <T> T atCommitBoundary(Function<DbState, T> action) {
        writerLock.lock();
        try {
            return action.apply(state);
        } finally {
            writerLock.unlock();
        }
    }

    /**
     * Unregisters a change listener.
     *
     * @param listener the listener
     */
    public void removeChangeListener(ChangeListener listener) {
        listeners.remove(listener);
    }

    /**
     * The operation listeners of this database (told about each table operation after it completes).
     *
     * @return the listeners
     */
    public OperationListeners operations() {
        return operations;
    }

    /** Releases background resources (none yet); idempotent. */
    public void close() {
        // The engine owns no threads or files yet; persistence and backups release their own resources.
    }
}
