package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dictdb.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The text form of values in CSV files, both ways: how a stored value is written in a cell, how a cell is
 * converted to a schema type, and which type inference gives a column.
 *
 * <p>Written: null as an empty cell; strings as they are; numbers, booleans ({@code true}/{@code false}),
 * dates, times and UUIDs by their {@code toString} (ISO-8601 for the temporal types); lists and maps as compact
 * JSON. Read: a cell is converted to a type only when its whole text (surrounding white space aside) is a value
 * of that type; otherwise it stays the original string, for schema validation to report. An empty cell is null
 * for every type but STRING and ANY, where it stays the empty string.
 */
final class CsvValues {
    private static final Pattern INTEGRAL = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CsvValues() {
    }

    /**
     * The text of a stored value in a cell.
     *
     * @param value a normalised value
     * @return its text
     */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof List || value instanceof Map) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a nested value as JSON", e);
            }
        }
        return value.toString();
    }

    /**
     * The type inference gives a column: LONG when every non-empty cell is an integer (also when no cell is
     * non-empty, as in the Python DictDB), else DOUBLE when every one is a number, else STRING.
     *
     * @param cells the column's cells
     * @return LONG, DOUBLE or STRING
     */
    static FieldType infer(Iterable<String> cells) {
        FieldType type = FieldType.LONG;
        for (String cell : cells) {
            if (cell.isEmpty()) {
                continue;
            }
            String s = cell.strip();
            if (type == FieldType.LONG && isLong(s)) {
                continue;
            }
            if (isNumber(s)) {
                type = FieldType.DOUBLE;
                continue;
            }
            return FieldType.STRING;
        }
        return type;
    }

    private static boolean isLong(String s) {
        if (!INTEGRAL.matcher(s).matches()) {
            return false;
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    private static boolean isNumber(String s) {
        return DECIMAL_NUMBER.matcher(s).matches() || NON_FINITE.matcher(s).matches();
    }

    /**
     * Converts a cell to a type.
     *
     * @param cell the cell's text
     * @param type the target type
     * @return the converted value, null for an empty cell of a non-text type, or the cell itself when it is not a
     *         value of the type
     */
    static Object convert(String cell, FieldType type) {
        if (type == FieldType.STRING || type == FieldType.ANY) {
            return cell;
        }
        if (cell.isEmpty()) {
            return null;
        }
        String s = cell.strip();
        try {
            switch (type) {
                case LONG:
                    return isLong(s) ? (Object) Long.parseLong(s) : cell;
                case DOUBLE:
                    return isNumber(s) ? (Object) parseDouble(s) : cell;
                case DECIMAL:
                    return DECIMAL_NUMBER.matcher(s).matches() && s.length() <= ValueCodec.MAX_DECIMAL_CHARS
                            ? new BigDecimal(s) : cell;
                case BOOLEAN:
                    return parseBoolean(s, cell);
                case DATE:
                    return LocalDate.parse(s);
                case DATETIME:
                    return LocalDateTime.parse(s);
                case INSTANT:
                    return Instant.parse(s);
                case UUID:
                    return UUID.fromString(s);
                case LIST:
                    return parseJson(s, List.class, cell);
                case MAP:
                    return parseJson(s, Map.class, cell);
                default:
                    return cell;
            }
        } catch (DateTimeParseException | IllegalArgumentException notOfType) {
            return cell;
        }
    }

    private static double parseDouble(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }

    private static Object parseBoolean(String s, String cell) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
            case "yes":
                return Boolean.TRUE;
            case "false":
            case "0":
            case "no":
                return Boolean.FALSE;
            default:
                return cell;
        }
    }

    private static Object parseJson(String s, Class<?> type, String cell) {
        try {
            Object value = JSON.readValue(s, Object.class);
            return type.isInstance(value) ? value : cell;
        } catch (JsonProcessingException notJson) {
            return cell;
        }
    }
}
