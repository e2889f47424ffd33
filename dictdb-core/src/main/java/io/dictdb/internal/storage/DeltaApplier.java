package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.dictdb.DictDBException;
import io.dictdb.FieldType;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.TableNotFoundException;
import io.dictdb.internal.engine.RecordRules;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.engine.TableWrites;
import io.dictdb.internal.engine.WriteTransaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a verified delta to a write transaction: the table-level events in order, then each table's upserts
 * (a row replaces the stored row with its key whole, or is inserted) and deletes, then the key counters.
 *
 * <p>Our deltas are strict: a table, index or key they expect must be there, or the delta does not belong on this
 * database and nothing is applied (the caller's transaction rolls back). The Python DictDB's deltas follow its
 * rules instead: tables the database lacks are skipped, an upsert without a key gets an automatic one; unlike the
 * Python library, records are validated against the table's schema and indexes and the key counter stay right.
 */
final class DeltaApplier {
    private final WriteTransaction txn;
    private final ParsedDelta delta;
    private final boolean ours;
    private final InsertOptions insertOptions;

    DeltaApplier(WriteTransaction txn, ParsedDelta delta) {
        this.txn = txn;
        this.delta = delta;
        this.ours = delta.ours();
        this.insertOptions = InsertOptions.builder().skipValidation(ours).build();
    }

    int apply() {
        try {
            if (delta.events() != null) {
                applyEvents();
            }
            int affected = applyTables();
            for (Map.Entry<String, Long> counter : delta.nextKeys().entrySet()) {
                guard("the key counter of table '" + counter.getKey() + "'",
                        () -> TableWrites.advanceKeyCounter(txn, counter.getKey(), counter.getValue()));
            }
            return affected;
        } catch (IOException e) {
            throw new IllegalFileDataException(SnapshotFiles.describe(e), e);
        }
    }

    // ------------------------------------------------------------------ events

    private void applyEvents() throws IOException {
        try (JsonParser p = delta.events().asParser()) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                applyEvent(p);
            }
        }
    }

    private void applyEvent(JsonParser p) throws IOException {
        long sequence = -1;
        String op = null;
        String table = null;
        String field = null;
        String type = null;
        TokenBuffer definition = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (DeltaLayout.DEFINITION.equals(key) && value == JsonToken.START_OBJECT) {
                definition = new TokenBuffer(p);
                definition.copyCurrentStructure(p);
            } else if (DeltaLayout.SEQUENCE.equals(key) && value == JsonToken.VALUE_NUMBER_INT) {
                sequence = p.getLongValue();
            } else if (value == JsonToken.VALUE_STRING) {
                switch (key) {
                    case DeltaLayout.OP: op = p.getText(); break;
                    case DeltaLayout.TABLE: table = p.getText(); break;
                    case DeltaLayout.FIELD: field = p.getText(); break;
                    case DeltaLayout.INDEX_TYPE: type = p.getText(); break;
                    default: break;
                }
            } else {
                p.skipChildren();
            }
        }
        String what = "event " + sequence + " (" + op + " '" + table + "')";
        if (op == null || table == null) {
            throw new IllegalFileDataException("An event lacks its op or table: " + what, null);
        }
        String name = table;
        String indexField = field;
        switch (op) {
            case DeltaLayout.CREATE_TABLE:
                if (definition == null) {
                    throw new IllegalFileDataException("The " + what + " lacks its definition", null);
                }
                createTable(name, definition);
                break;
            case DeltaLayout.DROP_TABLE:
                guard(what, () -> txn.dropTable(name));
                break;
            case DeltaLayout.CREATE_INDEX:
                IndexType indexType = indexType(type, what);
                guard(what, () -> TableWrites.createIndex(txn, name, indexField, indexType));
                break;
            case DeltaLayout.DROP_INDEX:
                guard(what, () -> TableWrites.dropIndex(txn, name, indexField));
                break;
            default:
                throw new IllegalFileDataException("Unknown " + what, null);
        }
    }

    private static IndexType indexType(String type, String what) {
        try {
            return IndexType.valueOf(String.valueOf(type).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalFileDataException("The " + what + " has an unknown index type '" + type + "'", e);
        }
    }

    /** Creates a table from its definition by reading it as the one table of a database file. */
    private void createTable(String name, TokenBuffer definition) throws IOException {
        TokenBuffer file = new TokenBuffer((ObjectCodec) null, false);
        file.writeStartObject();
        file.writeFieldName(SnapshotLayout.TABLES);
        file.writeStartObject();
        file.writeFieldName(name);
        try (JsonParser d = definition.asParser()) {
            d.nextToken();
            file.copyCurrentStructure(d);
        }
        file.writeEndObject();
        file.writeEndObject();
        try (JsonParser p = file.asParser()) {
            new SnapshotReader(p, true, new TransactionSink(txn, false)).read();
        }
    }

    // ------------------------------------------------------------------ rows

    private int applyTables() throws IOException {
        int affected = 0;
        try (JsonParser p = delta.tables().asParser()) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String table = p.currentName();
                p.nextToken();
                if (!exists(table)) {
                    if (ours) {
                        throw new IllegalFileDataException("Table '" + table + "' does not exist", null);
                    }
                    p.skipChildren();
                    continue;
                }
                affected += applyTable(p, table);
            }
        }
        return affected;
    }

    private boolean exists(String table) {
        try {
            txn.table(table);
            return true;
        } catch (TableNotFoundException e) {
            return false;
        }
    }

    /** Upserts first, then deletes, whatever their order in the file (as the Python DictDB does). */
    private int applyTable(JsonParser p, String table) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalFileDataException("The changes of table '" + table + "' must be an object", null);
        }
        TokenBuffer upserts = null;
        TokenBuffer deletes = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && (DeltaLayout.UPSERTS.equals(key) || DeltaLayout.DELETES.equals(key))) {
                TokenBuffer buffer = new TokenBuffer(p);
                buffer.copyCurrentStructure(p);
                if (DeltaLayout.UPSERTS.equals(key)) {
                    upserts = buffer;
                } else {
                    deletes = buffer;
                }
            } else {
                p.skipChildren();
            }
        }
        int affected = 0;
        if (upserts != null) {
            affected += applyUpserts(table, upserts);
        }
        if (deletes != null) {
            affected += applyDeletes(table, deletes);
        }
        return affected;
    }

    private int applyUpserts(String table, TokenBuffer upserts) throws IOException {
        TableDef def = txn.table(table).def();
        Schema schema = def.schema().orElse(null);
        int count = 0;
        try (JsonParser p = upserts.asParser()) {
            p.nextToken();
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
                Map<String, Object> record = readRecord(p, table, schema);
                guard("an upsert into table '" + table + "'", () -> replace(table, def.primaryKey(), record));
                count++;
            }
            if (token != JsonToken.END_ARRAY) {
                throw new IllegalFileDataException("Each upsert of table '" + table + "' must be an object", null);
            }
        }
        return count;
    }

    private void replace(String table, String primaryKey, Map<String, Object> record) {
        Object key = record.get(primaryKey);
        if (key == null) {
            // The Python DictDB gives a record without a key the next automatic one.
            record.remove(primaryKey);
        } else {
            Row stored = txn.table(table).get(RecordRules.lookupKey(key));
            if (stored != null) {
                TableWrites.delete(txn, table, List.of(stored));
            }
        }
        TableWrites.insertAll(txn, table, List.of(record), insertOptions);
    }

    private int applyDeletes(String table, TokenBuffer deletes) throws IOException {
        TableState state = txn.table(table);
        String primaryKey = state.def().primaryKey();
        FieldType keyType = declaredType(state.def().schema().orElse(null), primaryKey);
        int count = 0;
        try (JsonParser p = deletes.asParser()) {
            p.nextToken();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                Object key = RecordRules.lookupKey(ValueCodec.read(p, keyType, ours));
                Row stored = key == null ? null : txn.table(table).get(key);
                if (stored != null) {
                    guard("a delete from table '" + table + "'", () -> TableWrites.delete(txn, table, List.of(stored)));
                    count++;
                }
            }
        }
        return count;
    }

    private Map<String, Object> readRecord(JsonParser p, String table, Schema schema) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (record.containsKey(field)) {
                throw new IllegalFileDataException("An upsert of table '" + table + "' has field '" + field
                        + "' twice", null);
            }
            record.put(field, ValueCodec.read(p, declaredType(schema, field), ours));
        }
        return record;
    }

    private FieldType declaredType(Schema schema, String field) {
        if (!ours || schema == null) {
            return null;
        }
        SchemaField declared = schema.fieldOrNull(field);
        return declared == null ? null : declared.type();
    }

    /** Runs one engine operation, turning a broken rule into a failure naming what the delta was doing. */
    private static void guard(String what, Runnable operation) {
        try {
            operation.run();
        } catch (DictDBException | IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalFileDataException("Applying " + what + ": " + e.getMessage(), e);
        }
    }
}
