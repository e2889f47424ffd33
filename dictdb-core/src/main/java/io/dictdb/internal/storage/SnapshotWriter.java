package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.index.SecondaryIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes one database snapshot as the file model of {@code docs/formats.md}, through a Jackson generator (JSON or
 * CBOR): the format version, then every table in creation order with its primary key, schema, schema options,
 * key counter, index definitions and rows in primary-key order. The checksum trailer is added by the caller
 * ({@link SnapshotFiles}).
 *
 * <p>The snapshot is an immutable {@link DbState}: writing holds no lock and never blocks writers, and the file
 * describes exactly one point in time.
 */
final class SnapshotWriter {
    private final JsonGenerator g;
    private SnapshotWriter(JsonGenerator g) {
        this.g = g;
    }

    /**
     * Writes a snapshot, leaving the top-level object open for the checksum trailer.
     *
     * @param g     the generator
     * @param state the snapshot
     * @throws IOException when writing fails
     */
    static void write(JsonGenerator g, DbState state) throws IOException {
        new SnapshotWriter(g).writeDatabase(state);
    }

    /**
     * Writes one table object (definition, key counter, indexes and rows) as it appears under {@code tables}, as a
     * value (without its name).
     *
     * @param g     the generator
     * @param table the table
     * @throws IOException when writing fails
     */
    static void writeTableObject(JsonGenerator g, TableState table) throws IOException {
        new SnapshotWriter(g).writeTableObject(table);
    }

    private void writeDatabase(DbState state) throws IOException {
        g.writeStartObject(state, 4);
        g.writeFieldName(SnapshotLayout.FORMAT_VERSION);
        g.writeNumber(SnapshotLayout.VERSION);
        g.writeFieldName(SnapshotLayout.SEQUENCE);
        g.writeNumber(state.sequence());
        g.writeFieldName(SnapshotLayout.TABLES);
        List<TableState> tables = state.tableStates();
        g.writeStartObject(tables, tables.size());
        for (TableState table : tables) {
            writeTable(table);
        }
        g.writeEndObject();
    }

    private void writeTable(TableState table) throws IOException {
        g.writeFieldName(table.name());
        writeTableObject(table);
    }

    private void writeTableObject(TableState table) throws IOException {
        TableDef def = table.def();
        Schema schema = def.schema().orElse(null);
        boolean options = schema != null && hasOptions(schema);
        g.writeStartObject(table, options ? 6 : 5);
        g.writeFieldName(SnapshotLayout.PRIMARY_KEY);
        g.writeString(def.primaryKey());
        g.writeFieldName(SnapshotLayout.SCHEMA);
        writeSchema(schema);
        if (options) {
            g.writeFieldName(SnapshotLayout.SCHEMA_OPTIONS);
            writeSchemaOptions(schema);
        }
        g.writeFieldName(SnapshotLayout.NEXT_KEY);
        g.writeNumber(table.nextKey());
        g.writeFieldName(SnapshotLayout.INDEXES);
        List<SecondaryIndex> indexes = table.indexes();
        g.writeStartArray(indexes, indexes.size());
        for (SecondaryIndex index : indexes) {
            g.writeStartObject(index, 2);
            g.writeFieldName(SnapshotLayout.INDEX_FIELD);
            g.writeString(index.field());
            g.writeFieldName(SnapshotLayout.INDEX_TYPE);
            g.writeString(index.type().name().toLowerCase(Locale.ROOT));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(SnapshotLayout.RECORDS);
        g.writeStartArray(table, table.size());
        RowWriter rows = new RowWriter(g, schema);
        try {
            table.rows().forEachValue(row -> {
                try {
                    rows.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeSchema(Schema schema) throws IOException {
        if (schema == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject(schema, schema.size());
        for (SchemaField field : schema.fields()) {
            g.writeFieldName(field.name());
            g.writeString(field.type().fileName());
        }
        g.writeEndObject();
    }

    private static boolean hasOptions(Schema schema) {
        for (SchemaField field : schema.fields()) {
            if (field.optional() || field.hasDefault()) {
                return true;
            }
        }
        return false;
    }

    private void writeSchemaOptions(Schema schema) throws IOException {
        int count = 0;
        for (SchemaField field : schema.fields()) {
            if (field.optional() || field.hasDefault()) {
                count++;
            }
        }
        g.writeStartObject(schema, count);
        for (SchemaField field : schema.fields()) {
            if (!field.optional() && !field.hasDefault()) {
                continue;
            }
            g.writeFieldName(field.name());
            g.writeStartObject(field, field.hasDefault() ? 2 : 1);
            g.writeFieldName(SnapshotLayout.OPTIONAL);
            g.writeBoolean(field.optional());
            if (field.hasDefault()) {
                g.writeFieldName(SnapshotLayout.DEFAULT);
                ValueCodec.write(g, field.defaultValue(), field.type());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
