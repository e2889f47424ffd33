package io.dictdb.internal.engine;

import io.dictdb.DuplicateKeyException;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.internal.index.KeyMap;
import io.dictdb.internal.index.LongTrie;
import io.dictdb.internal.index.SecondaryIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of one table at one point in time: definition, key counter, rows by primary key and secondary
 * indexes.
 *
 * <p>Invariants: {@code trieRoot} and {@code trieShift} are those of {@code rows}' integer trie; every index holds exactly the rows of {@code rows} (maintained in the same step as the rows,
 * so no reader can see one without the other); {@code nextKey} is greater than every integral key stored or ever
 * assigned; indexes are kept in creation order. A published {@code TableState} is immutable; the
 * {@code with*} methods return new states and may reuse nodes owned by the given edit token (see
 * {@link io.dictdb.internal.index.BTree}).
 */
public final class TableState {
    private static final SecondaryIndex[] NO_INDEXES = new SecondaryIndex[0];

    private final TableDef def;
    private final long nextKey;
    private final KeyMap rows;
    /**
     * The root and shift of {@code rows}' integer trie, copied here so that a lookup by integer key (the common
     * primary key) goes from this state to the trie's root in one step instead of three (state, key map, trie): a
     * lookup is a chain of dependent loads, each waiting for the one before.
     */
    private final Object trieRoot;
    private final int trieShift;
    private final SecondaryIndex[] indexes;

    private TableState(TableDef def, long nextKey, KeyMap rows, SecondaryIndex[] indexes) {
        this.def = def;
        this.nextKey = nextKey;
        this.rows = rows;
        this.trieRoot = rows.integers().root();
        this.trieShift = rows.integers().shift();
        this.indexes = indexes;
    }

    /**
     * An empty table.
     *
     * @param def its definition
     * @return the state
     */
    public static TableState empty(TableDef def) {
        return new TableState(def, 1, KeyMap.empty(), NO_INDEXES);
    }

    /** @return the definition */
    public TableDef def() {
        return def;
    }

    /** @return the table name */
    public String name() {
        return def.name();
    }

    /** @return the next auto key */
    public long nextKey() {
        return nextKey;
    }

    /** @return rows by primary key */
    public KeyMap rows() {
        return rows;
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }

    /**
     * The stored row of a key.
     *
     * @param key a normalised key
     * @return the row, or null
     */
    public Row get(Object key) {
        long slot = KeyMap.slot(key);
        return slot >= 0 ? LongTrie.get(trieRoot, trieShift, slot) : rows.getOther(key);
    }

    /**
     * The index of a field.
     *
     * @param field a field name
     * @return the index, or null
     */
    public SecondaryIndex index(String field) {
        for (SecondaryIndex index : indexes) {
            if (index.field().equals(field)) {
                return index;
            }
        }
        return null;
    }

    /** @return the indexes in creation order */
    public List<SecondaryIndex> indexes() {
        return Arrays.asList(indexes.clone());
    }

    /**
     * With a new row.
     *
     * @param key   its normalised primary key
     * @param row   the row
     * @param token the edit token
     * @return the new state
     * @throws DuplicateKeyException when the key exists
     */
    public TableState withInsert(Object key, Row row, Object token) {
        KeyMap grown = rows.putIfAbsent(key, row, token);
        if (grown.size() == rows.size()) {
            throw new DuplicateKeyException(
                    "Record with key '" + key + "' already exists in table '" + def.name() + "'.");
        }
        SecondaryIndex[] newIndexes = indexes;
        if (indexes.length > 0) {
            newIndexes = new SecondaryIndex[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                newIndexes[i] = indexes[i].add(key, row, token);
            }
        }
        return new TableState(def, nextKey, grown, newIndexes);
    }

    /**
     * With new rows, all or none.
     *
     * @param keys  their normalised primary keys
     * @param rows  the rows
     * @param n     how many of the arrays' entries to insert
     * @param token the edit token
     * @return the new state
     * @throws DuplicateKeyException when a key exists (the returned state is then not produced; nodes owned by
     *                               the token may have been changed, which the caller's savepoint undoes)
     */
    public TableState withInserts(Object[] keys, Row[] rows, int n, Object token) {
        KeyMap tree = this.rows;
        SecondaryIndex[] newIndexes = indexes.length == 0 ? indexes : indexes.clone();
        for (int i = 0; i < n; i++) {
            Object key = keys[i];
            Row row = rows[i];
            int before = tree.size();
            tree = tree.putIfAbsent(key, row, token);
            if (tree.size() == before) {
                throw new DuplicateKeyException(
                        "Record with key '" + key + "' already exists in table '" + def.name() + "'.");
            }
            for (int k = 0; k < newIndexes.length; k++) {
                newIndexes[k] = newIndexes[k].add(key, row, token);
            }
        }
        return new TableState(def, nextKey, tree, newIndexes);
    }

    /**
     * With a row replaced by its new version.
     *
     * @param key    the primary key
     * @param before the stored row
     * @param after  the new row
     * @param token  the edit token
     * @return the new state
     */
    public TableState withReplace(Object key, Row before, Row after, Object token) {
        SecondaryIndex[] newIndexes = indexes;
        if (indexes.length > 0) {
            newIndexes = new SecondaryIndex[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                newIndexes[i] = indexes[i].replace(key, before, after, token);
            }
        }
        return new TableState(def, nextKey, rows.put(key, after, token), newIndexes);
    }

    /**
     * Without a row.
     *
     * @param key    the primary key
     * @param before the stored row
     * @param token  the edit token
     * @return the new state
     */
    public TableState withDelete(Object key, Row before, Object token) {
        SecondaryIndex[] newIndexes = indexes;
        if (indexes.length > 0) {
            newIndexes = new SecondaryIndex[indexes.length];
            for (int i = 0; i < indexes.length; i++) {
                newIndexes[i] = indexes[i].remove(key, before, token);
            }
        }
        return new TableState(def, nextKey, rows.remove(key, token), newIndexes);
    }

    /**
     * With another key counter.
     *
     * @param next the next auto key
     * @return the new state
     */
    public TableState withNextKey(long next) {
        return next == nextKey ? this : new TableState(def, next, rows, indexes);
    }

    /**
     * With a new index built over the rows.
     *
     * @param field the field
     * @param type  the index type
     * @param token the edit token
     * @return the new state
     */
    public TableState withIndex(String field, IndexType type, Object token) {
        SecondaryIndex[] newIndexes = Arrays.copyOf(indexes, indexes.length + 1);
        newIndexes[indexes.length] = SecondaryIndex.build(field, type, rows, token);
        return new TableState(def, nextKey, rows, newIndexes);
    }

    /**
     * Without the index of a field.
     *
     * @param field the field
     * @return the new state
     */
    public TableState withoutIndex(String field) {
        List<SecondaryIndex> kept = new ArrayList<>();
        for (SecondaryIndex index : indexes) {
            if (!index.field().equals(field)) {
                kept.add(index);
            }
        }
        return new TableState(def, nextKey, rows, kept.toArray(NO_INDEXES));
    }
}
