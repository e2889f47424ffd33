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
 *
 * <p>Besides the map by name, the catalog is laid out as two parallel arrays in creation order ({@code names},
 * {@code states}), so that a caller that remembers where its table was ({@link #tableAt}) finds it with two array
 * loads and a name check instead of a hash lookup: a primary-key read is a few tens of nanoseconds, and the
 * catalog lookup was a fifth of it. Invariant: {@code names[i]} is the name of {@code states[i]}, and both hold
 * exactly the map's entries in the map's order.
 */
public final class DbState {
    static final DbState EMPTY = new DbState(0, new LinkedHashMap<>());

    private final long sequence;
    private final Map<String, TableState> tables;
    private final String[] names;
    private final TableState[] states;

    DbState(long sequence, LinkedHashMap<String, TableState> tables) {
        this.sequence = sequence;
        this.tables = Collections.unmodifiableMap(tables);
        this.names = tables.keySet().toArray(new String[0]);
        this.states = tables.values().toArray(new TableState[0]);
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
     * Where a table stands in the catalog, for {@link #tableAt}.
     *
     * @param name the table name
     * @return its position in creation order
     * @throws TableNotFoundException when there is no such table
     */
    public int position(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new TableNotFoundException("Table '" + name + "' does not exist.");
    }

    /**
     * The table at a remembered position, if it is still the named table there.
     *
     * @param position a position {@link #position} returned for this or another state (any int is accepted)
     * @param name     the table name
     * @return the table's state, or null when the position holds no table of that name in this state
     */
    public TableState tableAt(int position, String name) {
        String[] known = names;
        if (position >= 0 && position < known.length) {
            String there = known[position];
            if (there == name || there.equals(name)) {
                return states[position];
            }
        }
        return null;
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
