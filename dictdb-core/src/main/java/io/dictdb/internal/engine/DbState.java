package io.dictdb.internal.engine;

import io.dictdb.TableNotFoundException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole database at one commit: the catalog of tables (in creation order) and the commit sequence number.
 * Immutable once published by the {@link Engine}; a reader holding a {@code DbState} holds a consistent snapshot
 * of every table.
 */
public final class DbState {
    static final DbState EMPTY = new DbState(0, new LinkedHashMap<>());

    private final long sequence;
    private final Map<String, TableState> tables;

    DbState(long sequence, LinkedHashMap<String, TableState> tables) {
        this.sequence = sequence;
        this.tables = Collections.unmodifiableMap(tables);
    }

    /**
     * The number of commits that produced this state.
     *
     * @return the commit sequence number
     */
    public long sequence() {
        return sequence;
    }

    /**
     * A table's state.
     *
     * @param name the table name
     * @return the state
     * @throws TableNotFoundException when there is no such table
     */
    public TableState table(String name) {
        TableState table = tables.get(name);
        if (table == null) {
            throw new TableNotFoundException("Table '" + name + "' does not exist.");
        }
        return table;
    }

    /**
     * Whether a table exists.
     *
     * @param name the table name
     * @return true when it exists
     */
    public boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    /**
     * The table names in creation order.
     *
     * @return a new list of names
     */
    public List<String> tableNames() {
        return new ArrayList<>(tables.keySet());
    }

    /**
     * The tables in creation order.
     *
     * @return an unmodifiable view
     */
    public Map<String, TableState> tables() {
        return tables;
    }
}
