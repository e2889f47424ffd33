package io.dictdb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The types a schema field can declare. Values are checked after normalisation (see {@link Table}): an
 * {@code Integer} is stored as a {@code Long}, so it matches {@link #LONG}.
 */
public enum FieldType {
    /** Integral numbers, stored as {@link Long}. JSON type name {@code int}. */
    LONG("int"),
    /** Floating-point numbers, stored as {@link Double}; integral numbers are accepted and stored as Double. */
    DOUBLE("float"),
    /** Exact decimals, stored as {@link BigDecimal}; integral numbers are accepted and stored as BigDecimal. */
    DECIMAL("decimal"),
    /** Text, {@link String}. */
    STRING("str"),
    /** {@link Boolean}; not a number. */
    BOOLEAN("bool"),
    /** {@link LocalDate}. */
    DATE("date"),
    /** {@link LocalDateTime}. */
    DATETIME("datetime"),
    /** {@link Instant}. */
    INSTANT("instant"),
    /** {@link java.util.UUID}. */
    UUID("uuid"),
    /** A {@link List} of supported values. */
    LIST("list"),
    /** A {@link Map} from String to supported values. */
    MAP("dict"),
    /** Any supported value. */
    ANY("any");

    private final String fileName;

    FieldType(String fileName) {
        this.fileName = fileName;
    }

    /**
     * The name of this type in saved files ({@code int}, {@code float}, {@code str}, {@code bool}, {@code list},
     * {@code dict} as in the Python DictDB; {@code decimal}, {@code date}, {@code datetime}, {@code instant},
     * {@code uuid}, {@code any} for the others).
     *
     * @return the file name of the type
     */
    public String fileName() {
        return fileName;
    }

    /**
     * Finds a type by its file name.
     *
     * @param name a name returned by {@link #fileName()}
     * @return the type
     * @throws IllegalArgumentException when no type has that name
     */
    public static FieldType fromFileName(String name) {
        for (FieldType type : values()) {
            if (type.fileName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unsupported type in schema: " + name);
    }

    /**
     * Whether a normalised, non-null value is of this type (integral numbers are accepted for
     * {@link #DOUBLE} and {@link #DECIMAL}).
     *
     * @param value a normalised value
     * @return true when the value matches
     */
    public boolean accepts(Object value) {
        switch (this) {
            case LONG: return value instanceof Long;
            case DOUBLE: return value instanceof Double || value instanceof Long;
            case DECIMAL: return value instanceof BigDecimal || value instanceof Long;
            case STRING: return value instanceof String;
            case BOOLEAN: return value instanceof Boolean;
            case DATE: return value instanceof LocalDate;
            case DATETIME: return value instanceof LocalDateTime;
            case INSTANT: return value instanceof Instant;
            case UUID: return value instanceof java.util.UUID;
            case LIST: return value instanceof List;
            case MAP: return value instanceof Map;
            case ANY: return true;
            default: throw new AssertionError(this);
        }
    }
}
