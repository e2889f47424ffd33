package io.dictdb.internal.engine;

import io.dictdb.TableNotFoundException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole database at one commit: the catalog of tables (in creation order) and the commit sequence number.
 * Immutable; a reader holding a {@code DbState} holds a consistent snapshot of every table.
 *
 * <p>The catalog is two parallel arrays in creation order ({@code names}, {@code states}), shared between states
 * where they do not differ: replacing a table's state (every row write) copies only the {@code states} array, so
 * that a one-row write allocates a few dozen bytes of catalog instead of a map. A caller that remembers where its
 * table was ({@link #tableAt}) finds it with two array loads and a name check; a name is otherwise found by a
 * linear search, or through a name-to-position map once the catalog holds more than {@link #SCAN_LIMIT} tables.
 *
 * <p>Invariants: {@code names[i]} is the name of {@code states[i]}; names are distinct; {@code positions}, when
 * present, maps every name to its index; the arrays are never modified once the state is built (a state that
 * differs gets new arrays, or shares the unchanged one).
 */
public final class DbState {
    /** Up to this many tables, a name is found by scanning {@code names}; beyond, through {@code positions}. */
    static final int SCAN_LIMIT = 8;
    static final DbState EMPTY = new DbState(0, new String[0], new TableState[0], null);

    private final long sequence;
    private final String[] names;
    private final TableState[] states;
    private final Map<String, Integer> positions;

    private DbState(long sequence, String[] names, TableState[] states, Map<String, Integer> positions) {
        this.sequence = sequence;
        this.names = names;
        this.states = states;
        this.positions = positions;
    }

    private static DbState of(long sequence, String[] names, TableState[] states) {
        Map<String, Integer> positions = null;
        if (names.length > SCAN_LIMIT) {
            Map<String, Integer> map = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], i);
            }
            positions = Collections.unmodifiableMap(map);
        }
        return new DbState(sequence, names, states, positions);
    }

    /**
     * The number of commits that produced this state.
     *
     * @return the commit sequence number
     */
    public long sequence() {
        return sequence;
    }

    /** The index of a table, or -1. */
    private int indexOf(String name) {
        if (positions != null) {
            Integer at = positions.get(name);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A table's state.
     *
     * @param name the table name
     * @return the state
     * @throws TableNotFoundException when there is no such table
     */
    public TableState table(String name) {
        return states[position(name)];
    }

    /**
     * Where a table stands in the catalog, for {@link #tableAt}.
     *
     * @param name the table name
     * @return its position in creation order
     * @throws TableNotFoundException when there is no such table
     */
    public int position(String name) {
        int at = indexOf(name);
        if (at < 0) {
            throw new TableNotFoundException("Table '" + name + "' does not exist.");
        }
        return at;
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
        return indexOf(name) >= 0;
    }

    /**
     * The table names in creation order.
     *
     * @return a new list of names
     */
    public List<String> tableNames() {
        return new ArrayList<>(Arrays.asList(names));
    }

    /**
     * The tables' states in creation order.
     *
     * @return an unmodifiable view (no copy)
     */
    public List<TableState> tableStates() {
        return Collections.unmodifiableList(Arrays.asList(states));
    }

    /**
     * This catalog with one existing table's state replaced (the table names and their lookup are shared).
     *
     * @param table the new state of a table of this catalog
     * @return the new state, with this state's sequence number
     * @throws TableNotFoundException when there is no such table
     */
    DbState with(TableState table) {
        int at = position(table.name());
        TableState[] next = states.clone();
        next[at] = table;
        return new DbState(sequence, names, next, positions);
    }

    /**
     * This catalog with a new table at the end.
     *
     * @param table the new table's state (its name must not be in the catalog)
     * @return the new state, with this state's sequence number
     */
    DbState plus(TableState table) {
        String[] nextNames = Arrays.copyOf(names, names.length + 1);
        TableState[] nextStates = Arrays.copyOf(states, states.length + 1);
        nextNames[names.length] = table.name();
        nextStates[states.length] = table;
        return of(sequence, nextNames, nextStates);
    }

    /**
     * This catalog without a table; the tables after it keep their order.
     *
     * @param name a table of this catalog
     * @return the new state, with this state's sequence number
     * @throws TableNotFoundException when there is no such table
     */
    DbState minus(String name) {
        int at = position(name);
        String[] nextNames = new String[names.length - 1];
        TableState[] nextStates = new TableState[states.length - 1];
        System.arraycopy(names, 0, nextNames, 0, at);
        System.arraycopy(states, 0, nextStates, 0, at);
        System.arraycopy(names, at + 1, nextNames, at, names.length - at - 1);
        System.arraycopy(states, at + 1, nextStates, at, states.length - at - 1);
        return of(sequence, nextNames, nextStates);
    }

    /**
     * The same catalog under another sequence number (the arrays are shared).
     *
     * @param next the sequence number
     * @return the new state
     */
    DbState withSequence(long next) {
        return next == sequence ? this : new DbState(next, names, states, positions);
    }
}
