package io.dictdb.internal.engine;

import io.dictdb.DictDBException;
import io.dictdb.DuplicateKeyException;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.OnConflict;
import io.dictdb.Row;
import io.dictdb.UpsertResult;
import io.dictdb.internal.index.SecondaryIndex;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The write operations of a table, applied to a {@link WriteTransaction}'s working state. Each method checks
 * everything it can before changing anything; atomicity of what remains is given by the transaction (a failed
 * write is never published, or is rolled back to its savepoint).
 */
public final class TableWrites {
    private static final RowAccess.Operations ROWS = RowAccess.get();

    private TableWrites() {
    }

    /**
     * Inserts records, all or none.
     *
     * @param txn     the transaction
     * @param table   the table name
     * @param records the caller's records
     * @param options insert options
     * @return the keys in input order
     */
    public static List<Object> insertAll(WriteTransaction txn, String table,
                                         Collection<? extends Map<String, ?>> records, InsertOptions options) {
        TableState state = txn.table(table);
        TableDef def = state.def();
        boolean validate = !options.skipValidation();
        Iterator<? extends Map<String, ?>> it = records.iterator();
        return insertPrepared(txn, state, records.size(), options.batchSize(), new RowSource() {
            private RowShape hint;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next(RecordRules.KeyCounter counter) {
                Row row = RecordRules.rowToInsert(def, it.next(), validate, counter, hint);
                hint = ROWS.shape(row);
                return row;
            }
        });
    }

    /**
     * Inserts rows that are already in the engine's representation, all or none: immutable rows whose values are
     * normalised, such as a database file's reader builds. A row that needs nothing more is stored as it is; the
     * rules of {@link #insertAll} hold all the same (primary key present or assigned, scalar and unique, key
     * counter moved past it, schema defaults, coercions and, when asked, validation; see
     * {@link PrebuiltRowRules}).
     *
     * @param txn      the transaction
     * @param table    the table name
     * @param rows     immutable rows with normalised values (not modified)
     * @param count    how many of the array's first entries to insert
     * @param validate whether rows are checked against the table's schema
     * @return the keys in input order
     * @throws io.dictdb.DuplicateKeyException when a key exists, in the table or among the rows
     * @throws io.dictdb.SchemaValidationException when a row breaks a rule
     */
    public static List<Object> insertRows(WriteTransaction txn, String table, Row[] rows, int count,
                                          boolean validate) {
        Objects.checkFromIndexSize(0, count, rows.length);
        TableState state = txn.table(table);
        PrebuiltRowRules rules = new PrebuiltRowRules(state.def(), validate);
        return insertPrepared(txn, state, count, count, new RowSource() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Row next(RecordRules.KeyCounter counter) {
                return rules.admit(rows[next++], counter);
            }
        });
    }

    /** The rows of a bulk insert, each prepared (complete, checked, keyed) when it is taken. */
    private interface RowSource {
        /** @return whether a row is left */
        boolean hasNext();

        /**
         * Prepares the next row.
         *
         * @param counter the table's key counter during this write
         * @return the row to store, holding its primary key
         */
        Row next(RecordRules.KeyCounter counter);
    }

    /** Stores prepared rows in batches, then the key counter, the changes and the log event. */
    private static List<Object> insertPrepared(WriteTransaction txn, TableState initial, int expected,
                                               int batchSize, RowSource source) {
        TableState state = initial;
        String table = state.name();
        RecordRules.KeyCounter counter = new RecordRules.KeyCounter(state.nextKey());
        Object token = txn.token();
        List<Object> keys = new ArrayList<>(expected);
        String pk = state.def().primaryKey();
        int batch = Math.min(batchSize, Math.max(1, expected));
        Row[] prepared = new Row[Math.min(batch, 1 << 16)];
        Object[] preparedKeys = new Object[prepared.length];
        while (source.hasNext()) {
            // Prepare a batch (normalise, validate, assign keys), then store it: a batch bounds the temporary
            // buffer; atomicity comes from the transaction, whatever the batch size.
            int n = 0;
            while (n < prepared.length && source.hasNext()) {
                Row row = source.next(counter);
                Object key = row.get(pk);
                prepared[n] = row;
                preparedKeys[n] = key;
                keys.add(key);
                n++;
            }
            state = state.withInserts(preparedKeys, prepared, n, token);
        }
        state = state.withNextKey(counter.next());
        txn.put(state);
        if (txn.recordsChanges()) {
            for (Object key : keys) {
                txn.record(Change.Kind.ROW_INSERTED, table, key, null, state.get(key), null);
            }
        }
        OperationLog.rows(table, "insert", keys.size(), keys.size() == 1 ? keys.get(0) : null);
        return keys;
    }

    /**
     * Inserts or merges one record.
     *
     * @param txn        the transaction
     * @param table      the table name
     * @param record     the caller's record
     * @param onConflict what to do when the key exists
     * @return the key and the action taken
     */
    public static UpsertResult upsert(WriteTransaction txn, String table, Map<String, ?> record,
                                      OnConflict onConflict) {
        if (record == null) {
            throw new NullPointerException("record must not be null");
        }
        TableState state = txn.table(table);
        TableDef def = state.def();
        String pk = def.primaryKey();
        Object key = record.containsKey(pk) ? RecordRules.lookupKey(record.get(pk)) : null;
        Row stored = key == null ? null : state.get(key);
        if (stored == null) {
            List<Object> keys = insertAll(txn, table, List.of(record), InsertOptions.defaults());
            return new UpsertResult(keys.get(0), UpsertResult.Action.INSERTED);
        }
        switch (onConflict) {
            case IGNORE:
                OperationLog.rows(table, "upsert", 0, stored.get(pk));
                return new UpsertResult(stored.get(pk), UpsertResult.Action.IGNORED);
            case ERROR:
                throw new DuplicateKeyException("Record with key '" + stored.get(pk) + "' already exists in table '"
                        + table + "'.");
            default:
                Row changes = RecordRules.normalizeChanges(def, record);
                Row merged = RecordRules.merge(def, stored, changes, true, "Upsert");
                replace(txn, state, stored.get(pk), stored, merged);
                OperationLog.rows(table, "upsert", 1, stored.get(pk));
                return new UpsertResult(stored.get(pk), UpsertResult.Action.UPDATED);
        }
    }

    /**
     * Applies changes to rows already selected, all or none.
     *
     * @param txn     the transaction
     * @param table   the table name
     * @param matched the stored rows to change, from the transaction's working state
     * @param changes computes each row's changes, normalised by {@link RecordRules#normalizeChanges} (null for
     *                none)
     * @return the number of rows
     */
    public static int update(WriteTransaction txn, String table, List<Row> matched, Function<Row, Row> changes) {
        TableState state = txn.table(table);
        TableDef def = state.def();
        String pk = def.primaryKey();
        Object token = txn.token();
        int count = matched.size();
        Row[] updated = new Row[count]; // parallel to matched; null where a row does not change
        for (int i = 0; i < count; i++) {
            Row stored = matched.get(i);
            Row delta = changes.apply(stored);
            if (delta != null && !delta.isEmpty()) {
                Row merged = RecordRules.merge(def, stored, delta, true, "Update");
                updated[i] = merged == stored ? null : merged;
            }
        }
        for (int i = 0; i < count; i++) {
            if (updated[i] != null) {
                Row stored = matched.get(i);
                state = state.withReplace(stored.get(pk), stored, updated[i], token);
            }
        }
        txn.put(state);
        if (txn.recordsChanges()) {
            for (int i = 0; i < count; i++) {
                if (updated[i] != null) {
                    Row stored = matched.get(i);
                    txn.record(Change.Kind.ROW_UPDATED, table, stored.get(pk), stored, updated[i], null);
                }
            }
        }
        OperationLog.rows(table, "update", matched.size(), null);
        return matched.size();
    }

    /**
     * Deletes rows already selected.
     *
     * @param txn     the transaction
     * @param table   the table name
     * @param matched the stored rows to delete, from the transaction's working state
     * @return the number of rows deleted
     */
    public static int delete(WriteTransaction txn, String table, List<Row> matched) {
        TableState state = txn.table(table);
        String pk = state.def().primaryKey();
        Object token = txn.token();
        for (Row row : matched) {
            state = state.withDelete(row.get(pk), row, token);
        }
        txn.put(state);
        for (Row row : matched) {
            txn.record(Change.Kind.ROW_DELETED, table, row.get(pk), row, null, null);
        }
        OperationLog.rows(table, "delete", matched.size(), null);
        return matched.size();
    }

    /**
     * Creates an index; a no-op when the same index exists.
     *
     * @param txn   the transaction
     * @param table the table name
     * @param field the field
     * @param type  the index type
     */
    public static void createIndex(WriteTransaction txn, String table, String field, IndexType type) {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("Index field name must not be null or empty.");
        }
        if (type == null) {
            throw new IllegalArgumentException("Index type must not be null.");
        }
        TableState state = txn.table(table);
        SecondaryIndex existing = state.index(field);
        if (existing != null) {
            if (existing.type() != type) {
                throw new DictDBException("Field '" + field + "' of table '" + table + "' already has a "
                        + existing.type() + " index; drop it before creating a " + type + " index.");
            }
            return;
        }
        txn.put(state.withIndex(field, type, txn.token()));
        txn.record(Change.Kind.INDEX_CREATED, table, field, null, null, type);
        OperationLog.index(table, "createIndex", field, type);
    }

    /**
     * Drops an index.
     *
     * @param txn   the transaction
     * @param table the table name
     * @param field the field
     */
    public static void dropIndex(WriteTransaction txn, String table, String field) {
        TableState state = txn.table(table);
        if (state.index(field) == null) {
            throw new DictDBException("Field '" + field + "' of table '" + table + "' has no index.");
        }
        txn.put(state.withoutIndex(field));
        txn.record(Change.Kind.INDEX_DROPPED, table, field, null, null, null);
        OperationLog.index(table, "dropIndex", field, null);
    }

    /**
     * Moves a table's key counter forward (used when restoring a table whose counter was saved): the counter
     * becomes the larger of its current value and {@code next}.
     *
     * @param txn   the transaction
     * @param table the table name
     * @param next  the saved next auto key
     */
    public static void advanceKeyCounter(WriteTransaction txn, String table, long next) {
        TableState state = txn.table(table);
        if (next > state.nextKey()) {
            txn.put(state.withNextKey(next));
        }
    }

    private static void replace(WriteTransaction txn, TableState state, Object key, Row before, Row after) {
        if (before == after) {
            return;
        }
        txn.put(state.withReplace(key, before, after, txn.token()));
        txn.record(Change.Kind.ROW_UPDATED, state.name(), key, before, after, null);
    }
}
