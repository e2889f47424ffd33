package io.dictdb.properties;

import io.dictdb.DictDBException;
import io.dictdb.DuplicateKeyException;
import io.dictdb.FieldType;
import io.dictdb.IndexType;
import io.dictdb.OnConflict;
import io.dictdb.RecordNotFoundException;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import io.dictdb.UpsertResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A naive reference model of one DictDB table, written straight from API.md: rows in a {@link TreeMap} ordered by
 * the documented total order of keys, every query a linear scan, every write checked completely before anything
 * changes. Each operation returns an {@link Expect} and applies its effect only when it succeeds.
 *
 * <p>With {@code schema}, the table has the schema of {@link #schema()}: {@code name} STRING required,
 * {@code age} LONG optional, {@code score} DOUBLE with default 0.5, {@code tag} ANY optional, {@code when} DATE
 * optional, and the key {@code id} added as a required LONG.
 */
final class TableModel {
    static final String PK = "id";

    /** One field of the model's schema. */
    record SchemaField(String name, FieldType type, boolean optional, Object defaultValue) {
    }

    static final List<SchemaField> SCHEMA = List.of(
            new SchemaField("name", FieldType.STRING, false, null),
            new SchemaField("age", FieldType.LONG, true, null),
            new SchemaField("score", FieldType.DOUBLE, false, 0.5),
            new SchemaField("tag", FieldType.ANY, true, null),
            new SchemaField("when", FieldType.DATE, true, null),
            new SchemaField(PK, FieldType.LONG, false, null));

    /** The DictDB schema the model describes (the key field is left for DictDB to add). */
    static Schema schema() {
        return Schema.builder()
                .field("name", FieldType.STRING)
                .optionalField("age", FieldType.LONG)
                .field("score", FieldType.DOUBLE, 0.5)
                .optionalField("tag", FieldType.ANY)
                .optionalField("when", FieldType.DATE)
                .build();
    }

    final String table;
    final boolean withSchema;
    final TreeMap<Object, LinkedHashMap<String, Object>> rows = new TreeMap<>(NaiveValues.ORDER);
    long nextKey = 1;
    final LinkedHashMap<String, IndexType> indexes = new LinkedHashMap<>();

    TableModel(String table, boolean withSchema) {
        this.table = table;
        this.withSchema = withSchema;
    }

    TableModel copy() {
        TableModel c = new TableModel(table, withSchema);
        rows.forEach((k, v) -> c.rows.put(k, new LinkedHashMap<>(v)));
        c.nextKey = nextKey;
        c.indexes.putAll(indexes);
        return c;
    }

    // ------------------------------------------------------------------ observations

    List<Map<String, Object>> all() {
        return new ArrayList<>(rows.values());
    }

    List<Object> keys() {
        return new ArrayList<>(rows.keySet());
    }

    List<String> columns() {
        if (withSchema) {
            return SCHEMA.stream().map(SchemaField::name).toList();
        }
        TreeSet<String> names = new TreeSet<>();
        rows.values().forEach(r -> names.addAll(r.keySet()));
        return new ArrayList<>(names);
    }

    Optional<Map<String, Object>> get(Object key) {
        if (key == null || !NaiveValues.isSupported(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(rows.get(NaiveValues.normalize(key)));
    }

    List<Map<String, Object>> matching(NaiveCondition where) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LinkedHashMap<String, Object> row : rows.values()) {
            if (where == null || where.test(row)) {
                out.add(row);
            }
        }
        return out;
    }

    /** filter, then stable sort (ties keep key order), offset/limit, projection, distinct. */
    List<Map<String, Object>> select(NaiveCondition where, List<String> orderBy, int offset, Integer limit,
                                     List<String> projection, boolean distinct) {
        List<Map<String, Object>> rowsOut = matching(where);
        if (!orderBy.isEmpty()) {
            rowsOut.sort(rowOrder(orderBy));
        }
        int from = Math.min(offset, rowsOut.size());
        int to = limit == null ? rowsOut.size() : Math.min(rowsOut.size(), from + limit);
        rowsOut = new ArrayList<>(rowsOut.subList(from, to));
        if (projection != null) {
            List<Map<String, Object>> projected = new ArrayList<>();
            for (Map<String, Object> row : rowsOut) {
                LinkedHashMap<String, Object> p = new LinkedHashMap<>();
                for (String f : projection) {
                    p.put(f, row.get(f));
                }
                projected.add(p);
            }
            rowsOut = projected;
        }
        if (distinct) {
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> row : rowsOut) {
                if (kept.stream().noneMatch(k -> NaiveValues.sameRow(k, row))) {
                    kept.add(row);
                }
            }
            rowsOut = kept;
        }
        return rowsOut;
    }

    static Comparator<Map<String, Object>> rowOrder(List<String> specs) {
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (String spec : specs) {
            boolean desc = spec.startsWith("-");
            String f = desc ? spec.substring(1) : spec;
            Comparator<Map<String, Object>> one = (a, b) -> NaiveValues.compare(a.get(f), b.get(f));
            order = order.thenComparing(desc ? one.reversed() : one);
        }
        return order;
    }

    // ------------------------------------------------------------------ writes

    Expect insert(Map<String, ?> record) {
        Expect all = insertAll(List.of(record));
        return all.isOk() ? Expect.ok(((List<?>) all.value()).get(0)) : all;
    }

    Expect insertAll(List<? extends Map<String, ?>> records) {
        return insertAll(records, false);
    }

    /** With {@code skipValidation}, no schema rule is checked; normalisation, defaults and key rules still are. */
    Expect insertAll(List<? extends Map<String, ?>> records, boolean skipValidation) {
        long counter = nextKey;
        TreeMap<Object, LinkedHashMap<String, Object>> added = new TreeMap<>(NaiveValues.ORDER);
        List<Object> keys = new ArrayList<>();
        Expect firstInvalid = null;
        Expect firstDuplicate = null;
        for (Map<String, ?> record : records) {
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            Expect invalid = normalizeInto(record, row);
            Object key = null;
            if (invalid == null && withSchema) {
                for (SchemaField f : SCHEMA) {
                    if (f.defaultValue() != null && !record.containsKey(f.name())) {
                        row.put(f.name(), f.defaultValue());
                    }
                }
            }
            if (invalid == null) {
                if (record.containsKey(PK)) {
                    key = row.get(PK);
                    if (key == null) {
                        invalid = Expect.failAnyMessage(SchemaValidationException.class);
                    } else {
                        counter = observe(counter, key);
                    }
                } else {
                    key = counter++;
                    row.put(PK, key);
                }
            }
            if (invalid == null && withSchema && !skipValidation) {
                invalid = validate(row);
            }
            if (invalid != null) {
                firstInvalid = firstInvalid == null ? invalid : firstInvalid;
                continue;
            }
            if (rows.containsKey(key) || added.containsKey(key)) {
                firstDuplicate = firstDuplicate == null ? duplicate(key) : firstDuplicate;
                continue;
            }
            added.put(key, row);
            keys.add(key);
        }
        if (firstInvalid != null && firstDuplicate != null) {
            // API.md fixes atomicity, not which of two faults of one batch is reported first.
            return firstInvalid.or(firstDuplicate);
        }
        if (firstInvalid != null) {
            return firstInvalid;
        }
        if (firstDuplicate != null) {
            return firstDuplicate;
        }
        rows.putAll(added);
        nextKey = counter;
        return Expect.ok(keys);
    }

    Expect upsert(Map<String, ?> record, OnConflict onConflict) {
        Object given = record.get(PK);
        if (record.containsKey(PK) && given != null && NaiveValues.isSupported(given)) {
            LinkedHashMap<String, Object> stored = rows.get(NaiveValues.normalize(given));
            if (stored != null) {
                Object storedKey = stored.get(PK);
                switch (onConflict) {
                    case IGNORE:
                        return Expect.ok(new UpsertResult(storedKey, UpsertResult.Action.IGNORED));
                    case ERROR: {
                        Expect e = duplicate(storedKey);
                        Object givenKey = NaiveValues.normalize(given);
                        return givenKey.toString().equals(storedKey.toString()) ? e : e.or(duplicate(givenKey));
                    }
                    default: {
                        LinkedHashMap<String, Object> merged = new LinkedHashMap<>(stored);
                        Expect invalid = mergeInto(record, merged);
                        if (invalid != null) {
                            return invalid;
                        }
                        rows.put(storedKey, merged);
                        return Expect.ok(new UpsertResult(storedKey, UpsertResult.Action.UPDATED));
                    }
                }
            }
        }
        Expect inserted = insert(record);
        return inserted.isOk()
                ? Expect.ok(new UpsertResult(inserted.value(), UpsertResult.Action.INSERTED)) : inserted;
    }

    Expect update(Map<String, ?> changes, NaiveCondition where) {
        return updateEach(where, row -> changes);
    }

    Expect updateEach(NaiveCondition where, Function<Map<String, Object>, Map<String, ?>> changes) {
        List<Map<String, Object>> matched = matching(where);
        if (matched.isEmpty()) {
            return Expect.fail(RecordNotFoundException.class,
                    "No records match the update criteria in table '" + table + "'.");
        }
        List<LinkedHashMap<String, Object>> merged = new ArrayList<>();
        for (Map<String, Object> row : matched) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>(row);
            Map<String, ?> delta = changes.apply(row);
            // A row given no change is not a changed row: it is counted but not re-validated.
            if (delta != null && !delta.isEmpty()) {
                Expect invalid = mergeInto(delta, m);
                if (invalid != null) {
                    return invalid;
                }
            }
            merged.add(m);
        }
        for (LinkedHashMap<String, Object> m : merged) {
            rows.put(m.get(PK), m);
        }
        return Expect.ok(matched.size());
    }

    Expect delete(NaiveCondition where) {
        List<Map<String, Object>> matched = matching(where);
        if (matched.isEmpty()) {
            return Expect.fail(RecordNotFoundException.class,
                    "No records match the deletion criteria in table '" + table + "'.");
        }
        for (Map<String, Object> row : matched) {
            rows.remove(row.get(PK));
        }
        return Expect.ok(matched.size());
    }

    Expect createIndex(String field, IndexType type) {
        IndexType existing = indexes.get(field);
        if (existing != null && existing != type) {
            return Expect.failAnyMessage(DictDBException.class);
        }
        indexes.putIfAbsent(field, type);
        return Expect.ok(null);
    }

    Expect dropIndex(String field) {
        if (indexes.remove(field) == null) {
            return Expect.failAnyMessage(DictDBException.class);
        }
        return Expect.ok(null);
    }

    // ------------------------------------------------------------------ rules

    private Expect duplicate(Object key) {
        return Expect.fail(DuplicateKeyException.class,
                "Record with key '" + key + "' already exists in table '" + table + "'.");
    }

    /** Normalises a record's values into {@code row} (coerced to the schema types); an error when unsupported. */
    private Expect normalizeInto(Map<String, ?> record, Map<String, Object> row) {
        for (Map.Entry<String, ?> e : record.entrySet()) {
            Object v = e.getValue();
            if (!NaiveValues.isSupported(v)) {
                return Expect.failStartingWith(SchemaValidationException.class,
                        "Field '" + e.getKey() + "' has unsupported type '", v.getClass().getSimpleName());
            }
            row.put(e.getKey(), coerce(e.getKey(), NaiveValues.normalize(v)));
        }
        return null;
    }

    /** Merges changes into a stored row: the key may only be given with its current value. */
    private Expect mergeInto(Map<String, ?> changes, LinkedHashMap<String, Object> row) {
        LinkedHashMap<String, Object> normalized = new LinkedHashMap<>();
        Expect invalid = normalizeInto(changes, normalized);
        if (invalid != null) {
            return invalid;
        }
        for (Map.Entry<String, Object> e : normalized.entrySet()) {
            if (e.getKey().equals(PK)) {
                if (!NaiveValues.same(row.get(PK), e.getValue())) {
                    return Expect.failAnyMessage(SchemaValidationException.class);
                }
                continue;
            }
            row.put(e.getKey(), e.getValue());
        }
        return withSchema ? validate(row) : null;
    }

    private Object coerce(String field, Object value) {
        if (withSchema && value instanceof Long) {
            for (SchemaField f : SCHEMA) {
                if (f.name().equals(field) && f.type() == FieldType.DOUBLE) {
                    return ((Long) value).doubleValue();
                }
            }
        }
        return value;
    }

    /** Every violation of the schema rules; API.md does not fix which one is reported when there are several. */
    private static Expect validate(Map<String, Object> row) {
        List<Expect> violations = new ArrayList<>();
        for (SchemaField f : SCHEMA) {
            Object v = row.get(f.name());
            if (v == null) {
                if (!f.optional()) {
                    violations.add(Expect.fail(SchemaValidationException.class,
                            "Missing field '" + f.name() + "' as defined in schema."));
                }
            } else if (!accepts(f.type(), v)) {
                violations.add(Expect.failStartingWith(SchemaValidationException.class,
                        "Field '" + f.name() + "' expects type '" + f.type() + "', got '",
                        v.getClass().getSimpleName()));
            }
        }
        for (String name : row.keySet()) {
            if (SCHEMA.stream().noneMatch(f -> f.name().equals(name))) {
                violations.add(Expect.fail(SchemaValidationException.class,
                        "Field '" + name + "' is not defined in the schema."));
            }
        }
        return violations.stream().reduce(Expect::or).orElse(null);
    }

    private static boolean accepts(FieldType type, Object v) {
        switch (type) {
            case LONG: return v instanceof Long;
            case DOUBLE: return v instanceof Double || v instanceof Long;
            case STRING: return v instanceof String;
            case DATE: return v instanceof LocalDate;
            case ANY: return true;
            default: throw new IllegalArgumentException("type not used by the model: " + type);
        }
    }

    /** An explicit integral key at or past the counter moves the counter past it. */
    private static long observe(long counter, Object key) {
        long integral;
        if (key instanceof Long) {
            integral = (Long) key;
        } else if (key instanceof Double && (Double) key == Math.rint((Double) key)) {
            integral = (long) (double) (Double) key;
        } else if (key instanceof java.math.BigDecimal) {
            try {
                integral = ((java.math.BigDecimal) key).stripTrailingZeros().longValueExact();
            } catch (ArithmeticException notIntegral) {
                return counter;
            }
        } else {
            return counter;
        }
        return integral >= counter ? integral + 1 : counter;
    }
}
