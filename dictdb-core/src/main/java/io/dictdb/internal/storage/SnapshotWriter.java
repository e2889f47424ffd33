package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.dictdb.FieldType;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.index.SecondaryIndex;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private static final RowAccess.Operations ROWS = RowAccess.get();
    private static final int PLAN_CACHE_LIMIT = 1024;

    private final JsonGenerator g;
    /** Field names and schema types by row shape, so that each shape is looked at once per table. */
    private final Map<RowShape, ShapePlan> plans = new IdentityHashMap<>();

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

    private void writeDatabase(DbState state) throws IOException {
        g.writeStartObject(state, 3);
        g.writeFieldName(SnapshotLayout.FORMAT_VERSION);
        g.writeNumber(SnapshotLayout.VERSION);
        g.writeFieldName(SnapshotLayout.TABLES);
        g.writeStartObject(state.tables(), state.tables().size());
        for (TableState table : state.tables().values()) {
            writeTable(table);
        }
        g.writeEndObject();
    }

    private void writeTable(TableState table) throws IOException {
        TableDef def = table.def();
        Schema schema = def.schema().orElse(null);
        boolean options = schema != null && hasOptions(schema);
        g.writeFieldName(def.name());
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
        plans.clear();
        try {
            table.rows().forEachValue(row -> {
                try {
                    writeRow(row, schema);
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

    private void writeRow(Row row, Schema schema) throws IOException {
        RowShape shape = ROWS.shape(row);
        Object[] values = ROWS.values(row);
        ShapePlan plan = plans.get(shape);
        if (plan == null) {
            if (plans.size() >= PLAN_CACHE_LIMIT) {
                plans.clear();
            }
            plan = new ShapePlan(shape, values.length, schema);
            plans.put(shape, plan);
        }
        g.writeStartObject(row, values.length);
        for (int i = 0; i < values.length; i++) {
            if (plan.encodedNames[i] != null) {
                g.writeFieldName(plan.encodedNames[i]);
            } else {
                g.writeFieldName(shape.name(i));
            }
            ValueCodec.write(g, values[i], plan.types[i]);
        }
        g.writeEndObject();
    }

    /** The pre-encoded field names and schema types of one row shape. */
    private static final class ShapePlan {
        /** Printable-ASCII names pre-encoded once; null for names that need escaping at each use. */
        final SerializableString[] encodedNames;
        /** The schema type of each field, null when undeclared. */
        final FieldType[] types;

        ShapePlan(RowShape shape, int size, Schema schema) {
            encodedNames = new SerializableString[size];
            types = new FieldType[size];
            for (int i = 0; i < size; i++) {
                String name = shape.name(i);
                if (isPrintableAscii(name)) {
                    encodedNames[i] = new SerializedString(name);
                }
                SchemaField field = schema == null ? null : schema.fieldOrNull(name);
                types[i] = field == null ? null : field.type();
            }
        }

        private static boolean isPrintableAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }
    }
}
