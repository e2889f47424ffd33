package io.dictdb.internal.engine;

import io.dictdb.DuplicateTableException;
import io.dictdb.Row;
import io.dictdb.TableNotFoundException;
import io.dictdb.internal.index.BTree;

import java.util.ArrayList;
import java.util.List;

/**
 * The working state of the one write in progress: the catalog as this write has made it (an immutable
 * {@link DbState}, starting as the published one), the edit token its trees may be changed in place with, and the
 * changes made so far. Replacing a table's state swaps the working catalog for one that differs in that table
 * only, so a savepoint is a reference to the catalog, not a copy of it.
 *
 * <p>Invariants: only the thread holding the {@link Engine}'s writer lock uses a transaction. Nodes owned by the
 * current token are reachable only from this transaction's catalog (or from savepoints taken <em>before</em>
 * the token was issued), so in-place edits never reach a published state or a savepoint: taking a savepoint
 * issues a new token. Rolling back to a savepoint restores its catalog and forgets later changes.
 */
public final class WriteTransaction {
    private long sequence;
    /** The catalog with this transaction's changes, under the base's sequence number. */
    private DbState working;
    private Object token = BTree.newToken();
    private final List<Change> changes;
    private boolean modified;

    WriteTransaction(DbState base, boolean recordChanges) {
        this.sequence = base.sequence() + 1;
        this.working = base;
        this.changes = recordChanges ? new ArrayList<>() : null;
    }

    /** A point a transaction can roll back to. */
    public static final class Savepoint {
        private final DbState working;
        private final int changeCount;
        private final boolean modified;

        private Savepoint(DbState working, int changeCount, boolean modified) {
            this.working = working;
            this.changeCount = changeCount;
            this.modified = modified;
        }
    }

    /**
     * Marks the current state as a point to come back to.
     *
     * @return the savepoint
     */
    public Savepoint savepoint() {
        token = BTree.newToken();
        return new Savepoint(working, changes == null ? 0 : changes.size(), modified);
    }

    /**
     * Restores the state of a savepoint, forgetting every change made since.
     *
     * @param savepoint a savepoint of this transaction
     */
    public void rollbackTo(Savepoint savepoint) {
        working = savepoint.working;
        if (changes != null) {
            changes.subList(savepoint.changeCount, changes.size()).clear();
        }
        modified = savepoint.modified;
        token = BTree.newToken();
    }

    /** @return the edit token for this transaction's trees */
    public Object token() {
        return token;
    }

    /**
     * A table's working state.
     *
     * @param name the table name
     * @return the state
     * @throws TableNotFoundException when there is no such table
     */
    public TableState table(String name) {
        return working.table(name);
    }

    /**
     * Replaces a table's working state.
     *
     * @param table the new state of an existing table
     * @throws TableNotFoundException when the catalog has no table of that name
     */
    public void put(TableState table) {
        working = working.with(table);
        modified = true;
    }

    /**
     * Creates a table.
     *
     * @param def its definition
     * @throws DuplicateTableException when the name exists
     */
    public void createTable(TableDef def) {
        if (working.hasTable(def.name())) {
            throw new DuplicateTableException("Table '" + def.name() + "' already exists.");
        }
        working = working.plus(TableState.empty(def));
        modified = true;
        record(Change.Kind.TABLE_CREATED, def.name(), null, null, null, def);
        OperationLog.table(def.name(), "createTable");
    }

    /**
     * Drops a table.
     *
     * @param name the table name
     * @throws TableNotFoundException when there is no such table
     */
    public void dropTable(String name) {
        working = working.minus(name);
        modified = true;
        record(Change.Kind.TABLE_DROPPED, name, null, null, null, null);
        OperationLog.table(name, "dropTable");
    }

    /**
     * Whether changes are being recorded for change listeners.
     *
     * @return true when {@link #record} keeps what it is given
     */
    public boolean recordsChanges() {
        return changes != null;
    }

    /**
     * Records a change for the change log (ignored when nobody listens).
     *
     * @param kind   the kind of change
     * @param table  the table
     * @param key    the row key, if a row change
     * @param before the row before
     * @param after  the row after
     * @param detail the kind's detail
     */
    public void record(Change.Kind kind, String table, Object key, Row before, Row after, Object detail) {
        if (changes != null) {
            changes.add(new Change(sequence, kind, table, key, before, after, detail));
        }
    }

    /**
     * Makes the commit carry at least the given sequence number: a database loaded from a file continues the
     * numbering of the database that saved it. Only for a transaction nobody listens to (a load).
     *
     * @param saved the sequence number saved in the file
     */
    public void continueSequenceFrom(long saved) {
        if (changes != null && !changes.isEmpty()) {
            throw new IllegalStateException("The sequence number cannot change once changes are recorded");
        }
        if (saved > sequence) {
            sequence = saved;
            modified = true;
        }
    }

    /** @return the working catalog as it stands (immutable: later writes of this transaction make new ones) */
    public DbState view() {
        return working;
    }

    boolean modified() {
        return modified;
    }

    DbState commitState() {
        return working.withSequence(sequence);
    }

    List<Change> changes() {
        return changes == null ? List.of() : changes;
    }

    long sequence() {
        return sequence;
    }
}
