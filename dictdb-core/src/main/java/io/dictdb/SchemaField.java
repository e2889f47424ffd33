package io.dictdb;

import java.util.Objects;
import java.util.Optional;

/**
 * One field of a {@link Schema}.
 *
 * @param name         the field name
 * @param type         the declared type
 * @param optional     whether the field may be absent or null
 * @param defaultValue the value stored when the field is absent from a record, or {@code null}
 * @param hasDefault   whether {@code defaultValue} applies
 */
public record SchemaField(String name, FieldType type, boolean optional, Object defaultValue, boolean hasDefault) {

    /**
     * Validates the components.
     *
     * @param name         the field name
     * @param type         the declared type
     * @param optional     whether the field may be absent or null
     * @param defaultValue the default value, or {@code null}
     * @param hasDefault   whether {@code defaultValue} applies
     */
    public SchemaField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Schema field names must not be empty.");
        }
    }

    /**
     * Whether a record must carry this field: it is not optional and has no default.
     *
     * @return true when the field is required from the caller
     */
    public boolean required() {
        return !optional && !hasDefault;
    }

    /**
     * The default value, when there is one.
     *
     * @return the default, empty when the field has none (or its default is null)
     */
    public Optional<Object> defaultIfAny() {
        return hasDefault ? Optional.ofNullable(defaultValue) : Optional.empty();
    }
}
