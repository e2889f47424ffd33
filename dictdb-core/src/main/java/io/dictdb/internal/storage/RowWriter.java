package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.dictdb.FieldType;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes the rows of one table as JSON/CBOR objects, each value through {@link ValueCodec} under its field's
 * schema type. Field names and types are worked out once per row shape (rows of a table share a handful of
 * shapes), which keeps the per-row cost to the values themselves. Used for snapshot records and delta upserts.
 */
final class RowWriter {
    private static final RowAccess.Operations ROWS = RowAccess.get();
    private static final int PLAN_CACHE_LIMIT = 1024;

    private final JsonGenerator g;
    private final Schema schema;
    /** Field names and schema types by row shape. */
    private final Map<RowShape, ShapePlan> plans = new IdentityHashMap<>();

    /**
     * @param g      the generator
     * @param schema the table's schema, or null
     */
    RowWriter(JsonGenerator g, Schema schema) {
        this.g = g;
        this.schema = schema;
    }

    /**
     * Writes one row as an object.
     *
     * @param row the row
     * @throws IOException when writing fails
     */
    void write(Row row) throws IOException {
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

    /**
     * Writes a single value of a field (a primary key in a delta's deletes).
     *
     * @param field the field name
     * @param value the value
     * @throws IOException when writing fails
     */
    void writeValue(String field, Object value) throws IOException {
        SchemaField declared = schema == null ? null : schema.fieldOrNull(field);
        ValueCodec.write(g, value, declared == null ? null : declared.type());
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
