package io.dictdb.internal.query;

import io.dictdb.AggregateQuery;
import io.dictdb.Condition;
import io.dictdb.CsvExportOptions;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.OnConflict;
import io.dictdb.RecordNotFoundException;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.Select;
import io.dictdb.Table;
import io.dictdb.UpsertResult;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.Engine;
import io.dictdb.internal.engine.OperationListeners;
import io.dictdb.internal.engine.RecordRules;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.engine.TableWrites;
import io.dictdb.internal.engine.WriteTransaction;
import io.dictdb.internal.index.SecondaryIndex;
import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.storage.CsvExport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The {@link Table} implementation: a handle naming a table of an {@link Engine}, optionally bound to one
 * transaction. Every call resolves the table by name in the state it reads (so a handle follows a table that is
 * dropped and re-created, and fails with {@code TableNotFoundException} while it does not exist); reads use the
 * calling thread's transaction when it runs one, else the latest committed snapshot; writes go through
 * {@link Engine#write}. Each operation listed in {@link io.dictdb.OperationEvent} is timed and reported to the
 * engine's {@link OperationListeners} (at no cost when none is registered).
 */
public final class TableHandle implements Table {
    private static final ToLongFunction<Object> NO_ROWS = result -> 0;
    private static final ToLongFunction<List<?>> LIST_SIZE = List::size;
    private static final ToLongFunction<Integer> COUNT = Integer::longValue;
    private static final ToLongFunction<UpsertResult> UPSERTED =
            result -> result.action() == UpsertResult.Action.IGNORED ? 0 : 1;

    private final Engine engine;
    private final String name;
    private final WriteTransaction boundTo;
    /**
     * Where the table stood in the catalog at this handle's last read ({@link DbState#tableAt}): only a hint,
     * checked on every use, so racing threads may overwrite it freely and a stale value costs one catalog search.
     */
    private int catalogPosition;

    /**
     * Creates a handle.
     *
     * @param engine  the engine
     * @param name    the table name
     * @param boundTo the transaction this handle belongs to, or null for a free handle
     */
    public TableHandle(Engine engine, String name, WriteTransaction boundTo) {
        this.engine = engine;
        this.name = name;
        this.boundTo = boundTo;
    }

    private TableState state() {
        checkBinding();
        DbState db = engine.readState();
        TableState table = db.tableAt(catalogPosition, name);
        if (table == null) {
            int position = db.position(name);
            catalogPosition = position;
            table = db.tableAt(position, name);
        }
        return table;
    }

    private void checkBinding() {
        if (boundTo != null && engine.activeTransaction() != boundTo) {
            throw new IllegalStateException("Table '" + name + "' belongs to a transaction: use it only inside the"
                    + " transaction's function, on the thread running it.");
        }
    }

    /** Runs one write and reports it as {@code operation}, its rows counted from its result. */
    private <T> T write(String operation, Function<WriteTransaction, T> work, ToLongFunction<? super T> rows) {
        OperationListeners operations = engine.operations();
        long start = operations.start();
        try {
            checkBinding();
            T result = engine.write(work);
            if (start != OperationListeners.NOT_TIMED) {
                operations.succeeded(start, name, operation, rows.applyAsLong(result));
            }
            return result;
        } catch (RuntimeException | Error e) {
            operations.failed(start, name, operation);
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String primaryKey() {
        return state().def().primaryKey();
    }

    @Override
    public Object insert(Map<String, ?> record) {
        return insert(record, InsertOptions.defaults());
    }

    @Override
    public Object insert(Map<String, ?> record, InsertOptions options) {
        Objects.requireNonNull(record, "record must not be null");
        Objects.requireNonNull(options, "options");
        return write("insert", txn -> TableWrites.insertAll(txn, name, Collections.singletonList(record), options),
                LIST_SIZE).get(0);
    }

    @Override
    public List<Object> insertAll(Collection<? extends Map<String, ?>> records) {
        return insertAll(records, InsertOptions.defaults());
    }

    @Override
    public List<Object> insertAll(Collection<? extends Map<String, ?>> records, InsertOptions options) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(options, "options");
        if (records.isEmpty()) {
            state();
            return new ArrayList<>();
        }
        return write("insertAll", txn -> TableWrites.insertAll(txn, name, records, options), LIST_SIZE);
    }

    @Override
    public UpsertResult upsert(Map<String, ?> record) {
        return upsert(record, OnConflict.UPDATE);
    }

    @Override
    public UpsertResult upsert(Map<String, ?> record, OnConflict onConflict) {
        Objects.requireNonNull(record, "record must not be null");
        Objects.requireNonNull(onConflict, "onConflict");
        return write("upsert", txn -> TableWrites.upsert(txn, name, record, onConflict), UPSERTED);
    }

    @Override
    public Optional<Row> get(Object primaryKey) {
        OperationListeners operations = engine.operations();
        long start = operations.start();
        try {
            Object key = RecordRules.lookupKey(primaryKey);
            TableState table = state();
            Row row = key == null ? null : table.get(key);
            operations.succeeded(start, name, "get", row == null ? 0 : 1);
            return Optional.ofNullable(row);
        } catch (RuntimeException | Error e) {
            operations.failed(start, name, "get");
            throw e;
        }
    }

    @Override
    public Select select() {
        checkBinding();
        return new SelectQuery(this::state, engine.operations(), name);
    }

    @Override
    public List<Row> select(Condition where) {
        return select().where(where).list();
    }

    @Override
    public int update(Map<String, ?> changes, Condition where) {
        Objects.requireNonNull(changes, "changes must not be null");
        return write("update", txn -> {
            TableState table = txn.table(name);
            Row normalized = RecordRules.normalizeChanges(table.def(), changes);
            List<Row> matched = matching(table, where, "update");
            return TableWrites.update(txn, name, matched, row -> normalized);
        }, COUNT);
    }

    @Override
    public int update(Map<String, ?> changes) {
        return update(changes, null);
    }

    @Override
    public int update(Condition where, Function<Row, Map<String, ?>> changes) {
        Objects.requireNonNull(changes, "changes must not be null");
        return write("update", txn -> {
            TableState table = txn.table(name);
            List<Row> matched = matching(table, where, "update");
            return TableWrites.update(txn, name, matched, row -> {
                Map<String, ?> delta = changes.apply(row);
                return delta == null ? null : RecordRules.normalizeChanges(table.def(), delta);
            });
        }, COUNT);
    }

    @Override
    public int delete(Condition where) {
        return write("delete", txn -> TableWrites.delete(txn, name, matching(txn.table(name), where, "deletion")),
                COUNT);
    }

    @Override
    public int delete() {
        return delete(null);
    }

    private List<Row> matching(TableState table, Condition where, String what) {
        List<Row> rows;
        Object key = Planner.singleKey(table, where);
        if (key != null) {
            Row row = table.get(key);
            rows = row == null ? List.of() : List.of(row);
        } else {
            SelectQuery query = new SelectQuery(() -> table);
            query.where(where);
            rows = query.storedRows(table, -1);
        }
        if (rows.isEmpty()) {
            throw new RecordNotFoundException("No records match the " + what + " criteria in table '" + name + "'.");
        }
        return rows;
    }

    @Override
    public void createIndex(String field) {
        createIndex(field, IndexType.HASH);
    }

    @Override
    public void createIndex(String field, IndexType type) {
        write("createIndex", txn -> {
            TableWrites.createIndex(txn, name, field, type);
            return null;
        }, NO_ROWS);
    }

    @Override
    public void dropIndex(String field) {
        write("dropIndex", txn -> {
            TableWrites.dropIndex(txn, name, field);
            return null;
        }, NO_ROWS);
    }

    @Override
    public AggregateQuery aggregate() {
        checkBinding();
        return new AggregationQuery(this::state, engine.operations(), name);
    }

    @Override
    public Field field(String fieldName) {
        return Field.of(fieldName);
    }

    @Override
    public long count() {
        return state().size();
    }

    @Override
    public List<String> columns() {
        TableState table = state();
        Optional<Schema> schema = table.def().schema();
        if (schema.isPresent()) {
            return schema.get().fieldNames();
        }
        TreeSet<String> names = new TreeSet<>();
        table.rows().forEachValue(row -> names.addAll(row.keySet()) || true);
        return new ArrayList<>(names);
    }

    @Override
    public List<String> indexedFields() {
        List<String> fields = new ArrayList<>();
        for (SecondaryIndex index : state().indexes()) {
            fields.add(index.field());
        }
        return fields;
    }

    @Override
    public boolean hasIndex(String field) {
        return state().index(field) != null;
    }

    @Override
    public Optional<IndexType> indexType(String field) {
        SecondaryIndex index = state().index(field);
        return index == null ? Optional.empty() : Optional.of(index.type());
    }

    @Override
    public List<String> schemaFields() {
        return state().def().schema().map(Schema::fieldNames).orElse(List.of());
    }

    @Override
    public Optional<Schema> schema() {
        return state().def().schema();
    }

    @Override
    public List<Row> all() {
        List<Row> rows = new ArrayList<>(state().size());
        state().rows().forEachValue(row -> rows.add(row.mutableCopy()));
        return rows;
    }

    @Override
    public Map<Object, Row> copy() {
        TableState table = state();
        Map<Object, Row> rows = new LinkedHashMap<>(Math.max(16, table.size() * 2));
        String pk = table.def().primaryKey();
        table.rows().forEach((key, row) -> {
            rows.put(((Row) row).get(pk), ((Row) row).mutableCopy());
            return true;
        });
        return rows;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The rows matching the options' condition, in primary-key order, from one snapshot of the table, written
     * with RFC 4180 quoting and CRLF line ends; the file is replaced atomically. Columns: those of the options;
     * else the schema's fields followed by any other field met; else every field met, in first-seen order. A
     * missing field or null is an empty cell; lists and maps are written as JSON. With no matching row, only the
     * header is written when columns were given, and no file is created otherwise.
     */
    @Override
    public int exportCsv(Path file, CsvExportOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        TableState table = state();
        SelectQuery query = new SelectQuery(() -> table);
        query.where(options.where().orElse(null));
        List<Row> rows = query.storedRows(table, -1);
        return CsvExport.write(CurrentFileIo.get(), file, rows, options.columns().orElse(null),
                table.def().schema().orElse(null), options.delimiter(), options.encoding());
    }

    /**
     * Describes how a condition would be answered (for tests and diagnostics), e.g. {@code FullScan},
     * {@code KeyLookup(1)}, {@code Index(age = 1 value(s))}.
     *
     * @param where the condition
     * @return the access path's description
     */
    public String explain(Condition where) {
        return Planner.explain(state(), where);
    }

    @Override
    public String toString() {
        return "Table[" + name + "]";
    }
}
