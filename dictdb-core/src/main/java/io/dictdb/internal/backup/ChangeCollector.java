package io.dictdb.internal.backup;

import io.dictdb.internal.engine.Change;
import io.dictdb.internal.engine.ChangeListener;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.Engine;

import java.util.List;

/**
 * Collects the engine's committed changes that no backup holds yet: the source of incremental backups.
 *
 * <p>Invariants: the engine calls {@link #onCommit} before it publishes a commit, and {@link #take} runs between
 * two commits ({@link Engine#atCommitBoundary}), so the state a backup captures and the changes it takes match
 * exactly: every change up to the state's sequence number, none after. A backup that fails gives its changes back
 * ({@link #giveBack}) in front of the ones collected since, so the next backup covers them; nothing is lost.
 */
public final class ChangeCollector implements ChangeListener {
    /** A captured state with the changes that led to it since the previous capture. */
    public record Capture(DbState state, PendingChanges changes) {
    }

    private final Engine engine;
    private PendingChanges pending = new PendingChanges();

    private ChangeCollector(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts collecting the changes of an engine.
     *
     * @param engine the engine
     * @return the collector, registered
     */
    public static ChangeCollector attach(Engine engine) {
        ChangeCollector collector = new ChangeCollector(engine);
        engine.addChangeListener(collector);
        return collector;
    }

    /** Stops collecting. */
    public void detach() {
        engine.removeChangeListener(this);
    }

    @Override
    public synchronized void onCommit(long sequence, List<Change> changes) {
        pending.add(sequence, changes);
    }

    /**
     * Takes the committed state and every change collected up to it, leaving the collector empty.
     *
     * @return the state and its changes
     */
    public Capture take() {
        return engine.atCommitBoundary(state -> {
            synchronized (this) {
                PendingChanges taken = pending;
                pending = new PendingChanges();
                return new Capture(state, taken);
            }
        });
    }

    /**
     * Gives back the changes of a capture whose backup failed.
     *
     * @param changes the capture's changes
     */
    public synchronized void giveBack(PendingChanges changes) {
        pending.prepend(changes);
    }

    /** @return the number of table events and changed keys waiting for a backup */
    public synchronized int pendingCount() {
        return pending.size();
    }
}
