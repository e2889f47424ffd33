package io.dictdb.internal.engine;

import io.dictdb.DictDBException;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.SchemaValidationException;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;
import io.dictdb.internal.value.Values;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what callers give into stored rows: value normalisation, schema coercion and defaults, primary-key
 * assignment and the schema rules. Every check happens before anything is stored, so a rejected record leaves
 * no trace.
 */
public final class RecordRules {
    private static final RowAccess.Operations ROWS = RowAccess.get();
    private static final double TWO_POW_63 = 9.223372036854775807E18;

    private RecordRules() {
    }

    /** The key counter of a table during one write: the next auto key, moved past explicit integral keys. */
    public static final class KeyCounter {
        private long next;

        /**
         * @param next the table's next auto key
         */
        public KeyCounter(long next) {
            this.next = next;
        }

        /** @return the next auto key */
        public long next() {
            return next;
        }

        long take(String table) {
            if (next == Long.MAX_VALUE) {
                // Long.MAX_VALUE itself is never handed out: reaching it means the counter is used up.
                throw new DictDBException("Table '" + table + "' has no automatic key left (the counter reached "
                        + Long.MAX_VALUE + "); give explicit keys.");
            }
            return next++;
        }

        void observe(Object key) {
            long integral;
            if (key instanceof Long) {
                integral = (Long) key;
            } else if (key instanceof Double) {
                double d = (Double) key;
                if (d != Math.rint(d) || d < -TWO_POW_63 || d >= TWO_POW_63) {
                    return;
                }
                integral = (long) d;
            } else if (key instanceof BigDecimal) {
                BigDecimal b = (BigDecimal) key;
                try {
                    integral = b.stripTrailingZeros().longValueExact();
                } catch (ArithmeticException notIntegral) {
                    return;
                }
            } else {
                return;
            }
            if (integral >= next) {
                next = integral == Long.MAX_VALUE ? Long.MAX_VALUE : integral + 1;
            }
        }
    }

    /**
     * Builds the row to insert from a caller's record.
     *
     * @param def      the table definition
     * @param record   the caller's record (not kept, not modified)
     * @param validate whether to check the schema rules
     * @param counter  the key counter (advanced by an auto key or an explicit integral key)
     * @param hint     a shape likely to match (the previous row's), or null
     * @return the immutable row, holding its primary key
     */
    public static Row rowToInsert(TableDef def, Map<String, ?> record, boolean validate, KeyCounter counter,
                                  RowShape hint) {
        Objects.requireNonNull(record, "record must not be null");
        Schema schema = def.schemaOrNull();
        String pk = def.primaryKey();
        boolean hasKey = record.containsKey(pk);
        int defaults = 0;
        if (schema != null) {
            for (SchemaField f : schema.fields()) {
                if (f.hasDefault() && !record.containsKey(f.name())) {
                    defaults++;
                }
            }
        }
        int size = record.size() + defaults + (hasKey ? 0 : 1);
        String[] names = new String[size];
        Object[] values = new Object[size];
        int i = copyNormalized(record, schema, names, values);
        if (defaults > 0) {
            for (SchemaField f : schema.fields()) {
                if (f.hasDefault() && !record.containsKey(f.name())) {
                    names[i] = f.name();
                    values[i] = f.defaultValue();
                    i++;
                }
            }
        }
        if (hasKey) {
            checkKey(pk, values[indexOf(names, pk)]);
            counter.observe(values[indexOf(names, pk)]);
        } else {
            if (!def.autoKey()) {
                throw new SchemaValidationException("Missing field '" + pk + "' as defined in schema.");
            }
            names[i] = pk;
            values[i] = counter.take(def.name());
        }
        if (validate && schema != null) {
            validate(schema, names, values);
        }
        return ROWS.frozen(RowShape.of(names, hint), values);
    }

    /**
     * Normalises a set of changes (update or upsert merge) for a table: values normalised and coerced to the
     * schema types.
     *
     * @param def     the table definition
     * @param changes field to value
     * @return the normalised changes as an immutable row (its shape lists the changed fields)
     */
    public static Row normalizeChanges(TableDef def, Map<String, ?> changes) {
        Objects.requireNonNull(changes, "changes must not be null");
        Schema schema = def.schemaOrNull();
        String[] names = new String[changes.size()];
        Object[] values = new Object[names.length];
        copyNormalized(changes, schema, names, values);
        return ROWS.frozen(RowShape.of(names, null), values);
    }

    /**
     * Copies a caller's fields into parallel arrays, normalising each value and applying its schema type's
     * storage coercion.
     *
     * @return the number of fields copied
     */
    private static int copyNormalized(Map<String, ?> fields, Schema schema, String[] names, Object[] values) {
        int i = 0;
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            String name = entry.getKey();
            if (name == null) {
                throw new SchemaValidationException("Field names must not be null.");
            }
            Object value = Values.normalize(name, entry.getValue());
            if (schema != null) {
                SchemaField f = schema.fieldOrNull(name);
                if (f != null) {
                    value = Values.coerce(f.type(), value);
                }
            }
            names[i] = name;
            values[i] = value;
            i++;
        }
        return i;
    }

    /**
     * Merges normalised changes into a stored row: changed fields keep their position, new fields are appended.
     * The primary key can be given only with its current value.
     *
     * @param def      the table definition
     * @param stored   the stored row
     * @param changes  normalised changes (from {@link #normalizeChanges})
     * @param validate whether to check the schema rules on the merged row
     * @param keyRule  the message prefix used when the changes try to change the key
     * @return the merged row (the stored row itself when nothing changes)
     */
    public static Row merge(TableDef def, Row stored, Row changes, boolean validate, String keyRule) {
        RowShape shape = ROWS.shape(stored);
        Object[] old = ROWS.values(stored);
        RowShape changeShape = ROWS.shape(changes);
        Object[] changeValues = ROWS.values(changes);
        Object[] values = old.clone(); // grown only when a change adds a field
        String[] names = null;
        int size = old.length;
        String pk = def.primaryKey();
        for (int c = 0; c < changeValues.length; c++) {
            String name = changeShape.name(c);
            Object value = changeValues[c];
            if (name.equals(pk)) {
                Object key = stored.get(pk);
                if (!Values.equal(key, value)) {
                    throw new SchemaValidationException(keyRule + " cannot change the primary key field '" + pk
                            + "' of table '" + def.name() + "'.");
                }
                continue;
            }
            int at = shape.indexOf(name);
            if (at >= 0) {
                values[at] = value;
            } else {
                if (names == null) {
                    names = new String[old.length + changeValues.length];
                    for (int k = 0; k < old.length; k++) {
                        names[k] = shape.name(k);
                    }
                    values = Arrays.copyOf(values, names.length);
                }
                names[size] = name;
                values[size] = value;
                size++;
            }
        }
        RowShape newShape = names == null ? shape : RowShape.of(Arrays.copyOf(names, size), null);
        Object[] newValues = size == values.length ? values : Arrays.copyOf(values, size);
        if (validate && def.schemaOrNull() != null) {
            String[] allNames = new String[size];
            for (int k = 0; k < size; k++) {
                allNames[k] = newShape.name(k);
            }
            validate(def.schemaOrNull(), allNames, newValues);
        }
        if (!ROWS.nested(stored) && !ROWS.nested(changes)) {
            return ROWS.frozen(newShape, newValues, false); // flat values merged with flat values: no scan
        }
        return ROWS.frozen(newShape, newValues);
    }

    /**
     * Normalises a key given for a lookup.
     *
     * @param key a caller's key
     * @return the normalised key, or null when it cannot be a key (null, list, map, unsupported type)
     */
    public static Object lookupKey(Object key) {
        if (key instanceof Long || key instanceof String) {
            return key;
        }
        if (key == null || key instanceof List || key instanceof Map) {
            return null;
        }
        try {
            return Values.normalize("key", key);
        } catch (SchemaValidationException unsupported) {
            return null;
        }
    }

    /**
     * Checks that a primary-key value can be stored: not null, not a list or a map.
     *
     * @param pk  the key field
     * @param key its normalised value
     * @throws SchemaValidationException when it cannot be a key
     */
    static void checkKey(String pk, Object key) {
        if (key instanceof Long || key instanceof String) {
            return; // the common keys, told apart without the costlier interface tests below
        }
        if (key == null) {
            throw new SchemaValidationException("Primary key field '" + pk + "' must not be null.");
        }
        if (key instanceof List || key instanceof Map) {
            throw new SchemaValidationException("Primary key field '" + pk + "' must be a scalar value, got '"
                    + Values.typeName(key) + "'.");
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks the schema rules, in the reference's order: declared fields in schema order (missing, then type),
     * then undeclared fields in record order.
     *
     * @param schema the table's effective schema
     * @param names  the row's field names
     * @param values the row's normalised values, parallel to the names
     * @throws SchemaValidationException naming the first rule broken
     */
    static void validate(Schema schema, String[] names, Object[] values) {
        for (SchemaField f : schema.fields()) {
            int at = indexOf(names, f.name());
            Object value = at < 0 ? null : values[at];
            if (value == null) {
                if (!f.optional()) {
                    throw new SchemaValidationException("Missing field '" + f.name() + "' as defined in schema.");
                }
            } else if (!f.type().accepts(value)) {
                throw new SchemaValidationException("Field '" + f.name() + "' expects type '" + f.type()
                        + "', got '" + Values.typeName(value) + "'.");
            }
        }
        for (String name : names) {
            if (!schema.hasField(name)) {
                throw new SchemaValidationException("Field '" + name + "' is not defined in the schema.");
            }
        }
    }
}
