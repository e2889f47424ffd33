package io.dictdb;

import io.dictdb.internal.value.Values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The declared fields of a table, in order. Immutable: a table that needs to add its primary key to a schema
 * builds a new one, the caller's object is never changed.
 *
 * <pre>{@code
 * Schema schema = Schema.builder()
 *     .field("id", FieldType.LONG)
 *     .field("name", FieldType.STRING)
 *     .optionalField("email", FieldType.STRING)              // may be absent or null
 *     .field("statut", FieldType.STRING, "à renseigner")     // default applied when absent
 *     .build();
 * }</pre>
 *
 * <p>Validation rules, applied on every write unless skipped: a required field must be present and non-null
 * ({@code Missing field '<f>' as defined in schema.}); a present non-null value must match its type
 * ({@code Field '<f>' expects type '<TYPE>', got '<JavaType>'.}, where TYPE is the {@link FieldType} name and
 * JavaType the simple name of the normalised value's class, e.g. {@code Field 'age' expects type 'LONG', got
 * 'String'.}); a field that is not declared is rejected ({@code Field '<f>' is not defined in the schema.}). A
 * field with a default is filled with it when absent; given explicitly as null it is rejected unless optional.
 */
public final class Schema {
    private final Map<String, SchemaField> fields;
    private final List<SchemaField> fieldList;
    private final List<String> names;

    private Schema(Map<String, SchemaField> fields) {
        this.fields = Collections.unmodifiableMap(fields);
        this.fieldList = List.copyOf(fields.values());
        this.names = List.copyOf(fields.keySet());
    }

    /**
     * Starts an empty schema builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A schema whose fields are all required, without defaults, in the map's iteration order.
     *
     * @param types field name to type
     * @return the schema
     */
    public static Schema of(Map<String, FieldType> types) {
        Objects.requireNonNull(types, "types");
        Builder builder = builder();
        types.forEach(builder::field);
        return builder.build();
    }

    /**
     * The fields in declaration order.
     *
     * @return an immutable list of fields
     */
    public List<SchemaField> fields() {
        return fieldList;
    }

    /**
     * The field names in declaration order.
     *
     * @return an immutable list of names
     */
    public List<String> fieldNames() {
        return names;
    }

    /**
     * Looks up one field.
     *
     * @param name a field name
     * @return the field, empty when not declared
     */
    public Optional<SchemaField> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * Looks up one field without wrapping it.
     *
     * @param name a field name
     * @return the field, or null when not declared
     */
    public SchemaField fieldOrNull(String name) {
        return fields.get(name);
    }

    /**
     * Whether a field is declared.
     *
     * @param name a field name
     * @return true when declared
     */
    public boolean hasField(String name) {
        return fields.containsKey(name);
    }

    /**
     * The number of declared fields.
     *
     * @return the field count
     */
    public int size() {
        return fields.size();
    }

    /**
     * A new schema with one more field appended (this schema is unchanged).
     *
     * @param field the field to add
     * @return the extended schema
     * @throws IllegalArgumentException when a field of that name exists already
     */
    public Schema with(SchemaField field) {
        if (fields.containsKey(field.name())) {
            throw new IllegalArgumentException("Schema field '" + field.name() + "' is declared twice.");
        }
        Map<String, SchemaField> copy = new LinkedHashMap<>(fields);
        copy.put(field.name(), field);
        return new Schema(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schema && ((Schema) other).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (SchemaField f : fields.values()) {
            String part = f.name() + ":" + f.type() + (f.optional() ? "?" : "");
            if (f.hasDefault()) {
                part += "=" + f.defaultValue();
            }
            parts.add(part);
        }
        return "Schema" + parts;
    }

    /** Builder of {@link Schema}; fields keep the order in which they are declared. */
    public static final class Builder {
        private final Map<String, SchemaField> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares a required field.
         *
         * @param name the field name
         * @param type its type
         * @return this builder
         */
        public Builder field(String name, FieldType type) {
            return add(new SchemaField(name, type, false, null, false));
        }

        /**
         * Declares a field that may be absent or null.
         *
         * @param name the field name
         * @param type its type
         * @return this builder
         */
        public Builder optionalField(String name, FieldType type) {
            return add(new SchemaField(name, type, true, null, false));
        }

        /**
         * Declares a field filled with a default value when a record does not carry it.
         *
         * @param name         the field name
         * @param type         its type
         * @param defaultValue the value used when the field is absent; must match the type
         * @return this builder
         * @throws IllegalArgumentException when the default does not match the type
         */
        public Builder field(String name, FieldType type, Object defaultValue) {
            Object normalised = defaultValue == null ? null : Values.normalize(name, defaultValue);
            if (normalised != null && !type.accepts(normalised)) {
                throw new IllegalArgumentException("Default of field '" + name + "' expects type '" + type
                        + "', got '" + Values.typeName(normalised) + "'.");
            }
            return add(new SchemaField(name, type, normalised == null, Values.coerce(type, normalised), true));
        }

        private Builder add(SchemaField field) {
            if (fields.containsKey(field.name())) {
                throw new IllegalArgumentException("Schema field '" + field.name() + "' is declared twice.");
            }
            fields.put(field.name(), field);
            return this;
        }

        /**
         * Builds the immutable schema.
         *
         * @return the schema
         */
        public Schema build() {
            return new Schema(new LinkedHashMap<>(fields));
        }
    }
}
