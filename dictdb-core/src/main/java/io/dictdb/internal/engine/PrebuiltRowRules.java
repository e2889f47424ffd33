package io.dictdb.internal.engine;

import io.dictdb.FieldType;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The rules of {@link RecordRules#rowToInsert} for rows that arrive already in the engine's stored representation
 * (immutable {@link Row}s: a shared {@link RowShape} and normalised values), as a database file's reader builds
 * them: such a row is stored as it is, without being copied and normalised a second time.
 *
 * <p>Invariants. {@link #admit} returns exactly the row {@code rowToInsert} would build from the same fields and
 * values, and throws exactly what it would throw, with the same effect on the key counter. A row is returned
 * itself only when nothing would change it: its shape holds the primary key and every schema field that has a
 * default, and no value needs the schema's storage coercion (a {@code Long} in a {@code DOUBLE} or {@code DECIMAL}
 * field). Then its key is checked and moves the counter, and the schema is validated when asked. Any other row
 * goes through {@code rowToInsert} itself (which copies it), so both paths share one set of rules. What depends
 * on the shape alone is worked out once per shape; the values are looked at for every row.
 *
 * <p>The caller guarantees that the values are normalised (the contract of {@link RowAccess.Operations#frozen}
 * that built the row); this is not checked, since checking means reading every value, the cost this class
 * exists to avoid. Not thread-safe: one instance per bulk write.
 */
final class PrebuiltRowRules {
    private static final RowAccess.Operations ROWS = RowAccess.get();
    /** Shapes planned before the cache is emptied (rows of one table have a handful of shapes). */
    private static final int PLAN_CACHE_LIMIT = 1024;

    private final TableDef def;
    private final Schema schema;
    private final boolean validate;
    private final Map<RowShape, ShapePlan> plans = new IdentityHashMap<>();
    private RowShape lastShape;
    private ShapePlan lastPlan;

    /**
     * @param def      the table definition
     * @param validate whether rows are checked against the schema
     */
    PrebuiltRowRules(TableDef def, boolean validate) {
        this.def = def;
        this.schema = def.schemaOrNull();
        this.validate = validate;
    }

    /**
     * The row to store for a row built outside the engine.
     *
     * @param row     an immutable row with normalised values
     * @param counter the key counter (advanced by an auto key or an explicit integral key)
     * @return the row itself, or its completed copy when a key, a default or a coercion had to be applied
     * @throws IllegalArgumentException when the row is mutable
     * @throws io.dictdb.SchemaValidationException when the row breaks a rule, as {@code rowToInsert} would throw
     */
    Row admit(Row row, RecordRules.KeyCounter counter) {
        if (row.isMutable()) {
            throw new IllegalArgumentException("Only immutable rows can be stored as they are");
        }
        RowShape shape = ROWS.shape(row);
        ShapePlan plan = plan(shape);
        Object[] values = ROWS.values(row);
        if (!plan.storedAsIs || plan.needsCoercion(values)) {
            return RecordRules.rowToInsert(def, row, validate, counter, shape);
        }
        Object key = values[plan.keyAt];
        RecordRules.checkKey(def.primaryKey(), key);
        counter.observe(key);
        if (validate && schema != null) {
            RecordRules.validate(schema, plan.names, values);
        }
        return row;
    }

    private ShapePlan plan(RowShape shape) {
        if (shape == lastShape) {
            return lastPlan;
        }
        ShapePlan plan = plans.get(shape);
        if (plan == null) {
            if (plans.size() >= PLAN_CACHE_LIMIT) {
                plans.clear();
            }
            plan = new ShapePlan(shape, def.primaryKey(), schema);
            plans.put(shape, plan);
        }
        lastShape = shape;
        lastPlan = plan;
        return plan;
    }

    /** What the rules need to know about one row shape. */
    private static final class ShapePlan {
        private static final int[] NONE = new int[0];

        /** The field names, for schema validation. */
        final String[] names;
        /** The position of the primary key, or -1. */
        final int keyAt;
        /** Whether a row of this shape is complete: it holds its key and every field that has a default. */
        final boolean storedAsIs;
        /** Positions of fields declared DOUBLE or DECIMAL, where a Long would be coerced. */
        final int[] coercible;

        ShapePlan(RowShape shape, String primaryKey, Schema schema) {
            names = new String[shape.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = shape.name(i);
            }
            keyAt = shape.indexOf(primaryKey);
            boolean complete = keyAt >= 0;
            int[] positions = NONE;
            if (schema != null) {
                for (SchemaField f : schema.fields()) {
                    if (f.hasDefault() && shape.indexOf(f.name()) < 0) {
                        complete = false;
                    }
                }
                positions = new int[names.length];
                int n = 0;
                for (int i = 0; i < names.length; i++) {
                    SchemaField f = schema.fieldOrNull(names[i]);
                    if (f != null && (f.type() == FieldType.DOUBLE || f.type() == FieldType.DECIMAL)) {
                        positions[n++] = i;
                    }
                }
                positions = n == 0 ? NONE : Arrays.copyOf(positions, n);
            }
            storedAsIs = complete;
            coercible = positions;
        }

        boolean needsCoercion(Object[] values) {
            for (int at : coercible) {
                if (values[at] instanceof Long) {
                    return true;
                }
            }
            return false;
        }
    }
}
