package io.dictdb.internal.backup;

import io.dictdb.internal.engine.Change;
import io.dictdb.internal.engine.ChangeListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the engine's committed changes that no backup holds yet: the source of incremental backups.
 *
 * <p>Invariants: changes are kept in commit order, each with its commit's sequence number; the engine calls
 * {@link #onCommit} before it publishes a commit, so once a state with sequence S is visible every change up to S
 * is here. A backup of state S takes the changes up to S ({@link #upTo}) and, once its file is safely written,
 * forgets them ({@link #forgetUpTo}); a failed backup forgets nothing, so the next one still covers them. Only
 * what incremental backups need is kept (kind, table, key, detail), never the rows.
 */
public final class ChangeCollector implements ChangeListener {
    /** One change without its rows. */
    public record Entry(long sequence, Change.Kind kind, String table, Object key, Object detail) {
    }

    private final ArrayDeque<Entry> pending = new ArrayDeque<>();

    @Override
    public synchronized void onCommit(long sequence, List<Change> changes) {
        for (Change c : changes) {
            pending.addLast(new Entry(sequence, c.kind(), c.table(), c.key(), c.detail()));
        }
    }

    /**
     * The changes with a sequence number at most {@code sequence}, oldest first.
     *
     * @param sequence the last sequence number wanted
     * @return a copy of those changes
     */
    public synchronized List<Entry> upTo(long sequence) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : pending) {
            if (e.sequence() > sequence) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Forgets the changes a backup now holds.
     *
     * @param sequence the sequence number of the backed-up state
     */
    public synchronized void forgetUpTo(long sequence) {
        while (!pending.isEmpty() && pending.peekFirst().sequence() <= sequence) {
            pending.removeFirst();
        }
    }

    /** @return the number of changes kept */
    public synchronized int size() {
        return pending.size();
    }
}
