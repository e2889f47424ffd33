package io.dictdb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;
import io.dictdb.internal.value.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A record of a table, seen as a {@code Map<String, Object>} in field order.
 *
 * <p>A row is either <em>immutable</em> (rows handed out by {@link Table#get}, by {@code copy(false)} queries, and
 * {@link #of(Map)}): every mutator throws {@link UnsupportedOperationException} and nested lists and maps are
 * immutable too; or <em>mutable</em> (the default copies returned by queries, {@link Table#all()} and
 * {@link Table#copy()}): a deep, independent copy that the caller may change freely without affecting the table.
 *
 * <p>Typed getters return {@code null} for a null or missing field and throw {@link ClassCastException} naming
 * the field when the value has another type.
 *
 * <p>Implementation notes: an immutable row is a shared {@code RowShape} (field names) plus an array of
 * normalised values. A mutable copy starts as the same shape with its own copy of the array (nested lists and
 * maps copied deeply), so that the default copying queries cost two small allocations per row; it turns into a
 * {@link LinkedHashMap} the first time a field is added or removed, or its entries are iterated. Equality and
 * hash code follow {@link Map}.
 */
public final class Row extends AbstractMap<String, Object> {
    private static final Row EMPTY = new Row(RowShape.EMPTY, new Object[0]);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static {
        RowAccess.install(new RowAccess.Operations() {
            @Override
            public Row frozen(RowShape shape, Object[] values) {
                return new Row(shape, values);
            }

            @Override
            public Row frozen(RowShape shape, Object[] values, boolean nested) {
                return new Row(shape, values, false, nested);
            }

            @Override
            public RowShape shape(Row row) {
                return row.shape;
            }

            @Override
            public boolean nested(Row row) {
                return row.nested;
            }

            @Override
            public Object[] values(Row row) {
                return row.values;
            }

            @Override
            public Row mutable(LinkedHashMap<String, Object> map) {
                return new Row(map);
            }

            @Override
            public Row mutable(RowShape shape, Object[] values) {
                return new Row(shape, values, true);
            }
        });
    }

    /** Field names, for an immutable row and a mutable row not yet turned into a map; else null. */
    private RowShape shape;
    /** Values parallel to the shape, for an immutable row and a mutable row not yet turned into a map. */
    private Object[] values;
    /** Content of a mutable row once it is a map; else null. */
    private LinkedHashMap<String, Object> map;
    /** Whether this row may be changed. */
    private final boolean mutable;
    /**
     * Whether the values array holds a list or a map (known when the row is built, while its values are in cache),
     * so that copying a flat row never has to look at its values.
     */
    private final boolean nested;

    private Row(RowShape shape, Object[] values) {
        this(shape, values, false);
    }

    private Row(RowShape shape, Object[] values, boolean mutable) {
        this(shape, values, mutable, hasNested(values));
    }

    private Row(RowShape shape, Object[] values, boolean mutable, boolean nested) {
        this.shape = shape;
        this.values = values;
        this.mutable = mutable;
        this.nested = nested;
    }

    private static boolean hasNested(Object[] values) {
        for (Object v : values) {
            if (v instanceof List || v instanceof Map) {
                return true;
            }
        }
        return false;
    }

    private Row(LinkedHashMap<String, Object> map) {
        this.map = map;
        this.mutable = true;
        this.nested = true;
    }

    /**
     * The immutable row with no fields.
     *
     * @return an empty immutable row
     */
    public static Row empty() {
        return EMPTY;
    }

    /**
     * An immutable row holding the normalised values of a map, in its iteration order.
     *
     * @param fields field names to values
     * @return an immutable row
     * @throws SchemaValidationException when a value has an unsupported type
     */
    public static Row of(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        if (fields instanceof Row && !((Row) fields).isMutable()) {
            return (Row) fields;
        }
        String[] names = new String[fields.size()];
        Object[] vals = new Object[names.length];
        int i = 0;
        for (Map.Entry<String, ?> entry : fields.entrySet()) {
            names[i] = Objects.requireNonNull(entry.getKey(), "field names must not be null");
            vals[i] = Values.normalize(entry.getKey(), entry.getValue());
            i++;
        }
        return new Row(RowShape.of(names, null), vals);
    }

    /**
     * Whether this row may be changed.
     *
     * @return true for a mutable copy, false for a stored (immutable) row
     */
    public boolean isMutable() {
        return mutable;
    }

    /**
     * A deep, mutable copy of this row.
     *
     * @return a new mutable row sharing no mutable state with this one
     */
    public Row mutableCopy() {
        if (map == null) {
            Object[] copy = values.clone();
            for (int i = 0; nested && i < copy.length; i++) {
                Object v = copy[i];
                if (v instanceof List || v instanceof Map) {
                    copy[i] = Values.mutableCopy(v);
                }
            }
            return new Row(shape, copy, true, nested);
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(8, map.size() * 2));
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            copy.put(entry.getKey(), Values.mutableCopy(entry.getValue()));
        }
        return new Row(copy);
    }

    // ------------------------------------------------------------------ Map

    @Override
    public int size() {
        return map != null ? map.size() : values.length;
    }

    @Override
    public Object get(Object key) {
        if (map != null) {
            return map.get(key);
        }
        int i = shape.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return map != null ? map.containsKey(key) : shape.indexOf(key) >= 0;
    }

    @Override
    public Object put(String key, Object value) {
        Objects.requireNonNull(key, "field names must not be null");
        if (mutable && map == null) {
            int i = shape.indexOf(key);
            if (i >= 0) {
                Object old = values[i];
                values[i] = value;
                return old;
            }
        }
        return mutableMap().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return mutableMap().remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        for (Map.Entry<? extends String, ?> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void clear() {
        mutableMap().clear();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (map != null) {
            return map.entrySet();
        }
        if (mutable) {
            return mutableMap().entrySet();
        }
        return new FrozenEntries();
    }

    /** The map of a mutable row, turning an array-backed copy into a map on first need. */
    private LinkedHashMap<String, Object> mutableMap() {
        if (!mutable) {
            throw new UnsupportedOperationException("This row is immutable (a stored row); use mutableCopy().");
        }
        if (map == null) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>(Math.max(8, values.length * 2));
            for (int i = 0; i < values.length; i++) {
                m.put(shape.name(i), values[i]);
            }
            map = m;
            shape = null;
            values = null;
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (map != null || !(other instanceof Map)) {
            return super.equals(other);
        }
        Map<?, ?> m = (Map<?, ?>) other;
        if (m.size() != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            String k = shape.name(i);
            if (v == null ? m.get(k) != null || !m.containsKey(k) : !v.equals(m.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        if (map != null) {
            return super.hashCode();
        }
        int h = 0;
        for (int i = 0; i < values.length; i++) {
            h += shape.name(i).hashCode() ^ Objects.hashCode(values[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        if (map != null) {
            return map.toString();
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape.name(i)).append('=').append(values[i] == this ? "(this Map)" : values[i]);
        }
        return sb.append('}').toString();
    }

    private final class FrozenEntries extends AbstractSet<Entry<String, Object>> {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < values.length;
                }

                @Override
                public Entry<String, Object> next() {
                    if (next >= values.length) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new SimpleImmutableEntry<>(shape.name(i), values[i]);
                }
            };
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    // ------------------------------------------------------------------ typed getters

    /**
     * The field as a String.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a String
     */
    public String getString(String field) {
        return typed(field, String.class, "String");
    }

    /**
     * The field as a Long (any integral value).
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not an integral number
     */
    public Long getLong(String field) {
        Object v = get(field);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger && ((BigInteger) v).bitLength() < 64) {
            return ((BigInteger) v).longValue();
        }
        throw wrongType(field, v, "Long");
    }

    /**
     * The field as an Integer (integral values in int range).
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not an integral number in int range
     */
    public Integer getInt(String field) {
        Long v;
        try {
            v = getLong(field);
        } catch (ClassCastException e) {
            throw wrongType(field, get(field), "Integer");
        }
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ClassCastException("Field '" + field + "' holds " + v + ", which does not fit an Integer.");
        }
        return v.intValue();
    }

    /**
     * The field as a Double (any number).
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a number
     */
    public Double getDouble(String field) {
        Object v = get(field);
        if (v == null || v instanceof Double) {
            return (Double) v;
        }
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        throw wrongType(field, v, "Double");
    }

    /**
     * The field as a Boolean.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a Boolean
     */
    public Boolean getBoolean(String field) {
        return typed(field, Boolean.class, "Boolean");
    }

    /**
     * The field as a BigDecimal (any number; a Double converts through its shortest decimal form).
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a number
     */
    public BigDecimal getDecimal(String field) {
        Object v = get(field);
        if (v == null || v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new ClassCastException("Field '" + field + "' holds " + d + ", which has no BigDecimal value.");
            }
            return BigDecimal.valueOf(d);
        }
        if (v instanceof BigInteger) {
            return new BigDecimal((BigInteger) v);
        }
        if (v instanceof Number) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        throw wrongType(field, v, "BigDecimal");
    }

    /**
     * The field as a LocalDate.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a LocalDate
     */
    public LocalDate getDate(String field) {
        return typed(field, LocalDate.class, "LocalDate");
    }

    /**
     * The field as a LocalDateTime.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a LocalDateTime
     */
    public LocalDateTime getDateTime(String field) {
        return typed(field, LocalDateTime.class, "LocalDateTime");
    }

    /**
     * The field as an Instant.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not an Instant
     */
    public Instant getInstant(String field) {
        return typed(field, Instant.class, "Instant");
    }

    /**
     * The field as a UUID.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a UUID
     */
    public UUID getUuid(String field) {
        return typed(field, UUID.class, "UUID");
    }

    /**
     * The field as a List.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a List
     */
    @SuppressWarnings("unchecked")
    public List<Object> getList(String field) {
        return typed(field, List.class, "List");
    }

    /**
     * The field as a Map.
     *
     * @param field a field name
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value is not a Map
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(String field) {
        return typed(field, Map.class, "Map");
    }

    /**
     * The field as the given type. {@code Long}, {@code Integer}, {@code Double} and {@code BigDecimal} convert as
     * their typed getters do; any other type must match the stored value's class.
     *
     * @param field a field name
     * @param type  the expected type
     * @param <T>   the expected type
     * @return the value, or null when null or missing
     * @throws ClassCastException when the value has another type
     */
    public <T> T get(String field, Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type == Long.class) {
            return type.cast(getLong(field));
        }
        if (type == Integer.class) {
            return type.cast(getInt(field));
        }
        if (type == Double.class) {
            return type.cast(getDouble(field));
        }
        if (type == BigDecimal.class) {
            return type.cast(getDecimal(field));
        }
        return typed(field, type, type.getSimpleName());
    }

    /**
     * Maps this row to a Java record or bean through Jackson (unknown fields are ignored).
     *
     * @param type the target class
     * @param <T>  the target type
     * @return a new instance holding this row's values
     * @throws IllegalArgumentException when the row cannot be mapped to the type
     */
    public <T> T as(Class<T> type) {
        return MAPPER.convertValue(this, type);
    }

    private <T> T typed(String field, Class<T> type, String typeName) {
        Object v = get(field);
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw wrongType(field, v, typeName);
        }
        return type.cast(v);
    }

    private static ClassCastException wrongType(String field, Object value, String expected) {
        return new ClassCastException("Field '" + field + "' holds a value of type '" + Values.typeName(value)
                + "', not " + expected + ".");
    }
}
