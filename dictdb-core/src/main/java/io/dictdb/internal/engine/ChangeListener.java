package io.dictdb.internal.engine;

import java.util.List;

/**
 * Receives every committed change, in commit order, on the committing thread while the writer lock is held
 * (so a listener sees commits strictly one after another and must be quick). The change log is the single source
 * for incremental backups and, later, the write-ahead log and migration dual-writes.
 */
@FunctionalInterface
public interface ChangeListener {
    /**
     * Called once per commit that changed something.
     *
     * @param sequence the commit's sequence number (the state's {@link DbState#sequence()} after it)
     * @param changes  the commit's changes, in the order they were made
     */
    void onCommit(long sequence, List<Change> changes);
}
