package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dictdb.DictDBException;
import io.dictdb.FieldType;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a stored value is written to, and read from, a database file (JSON or CBOR, through Jackson's streaming
 * API), so that every value type round-trips exactly.
 *
 * <p>The encoding (specified in {@code docs/formats.md}):
 * <ul>
 *   <li>JSON's own types carry null, Boolean, Long (an integer), Double (a number with a fraction or exponent;
 *       NaN and infinities as the bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity}, as the Python
 *       DictDB writes them), String, List (array) and Map (object);</li>
 *   <li>a value of a field whose schema type is {@code decimal}, {@code date}, {@code datetime}, {@code instant}
 *       or {@code uuid}, and of that type, is written plainly: a number for a decimal (its exact digits and
 *       scale), a string for the others;</li>
 *   <li>every other BigDecimal, LocalDate, LocalDateTime, Instant or UUID is a one-entry object whose key names
 *       the type: {@code {"$decimal": "1.50"}}, {@code {"$date": "2024-01-31"}},
 *       {@code {"$datetime": "2024-01-31T10:15:30"}}, {@code {"$instant": "2024-01-31T09:15:30Z"}},
 *       {@code {"$uuid": "…"}};</li>
 *   <li>a map whose first key starts with {@code $} is wrapped as {@code {"$map": {…}}}, so it is never taken
 *       for a tagged value;</li>
 *   <li>a value that the field's schema type would read differently (a String in a {@code date} field, a number
 *       in a {@code decimal} field, possible only with {@code skipValidation}) is wrapped as
 *       {@code {"$any": value}}, which is read as if the field had no schema type.</li>
 * </ul>
 * Files using only the Python DictDB's types contain none of these tagged forms. Tags are only interpreted in
 * files that carry our format version; in a file written by the Python DictDB an object with a {@code $} key is
 * an ordinary map.
 */
final class ValueCodec {
    /** Longest decimal (in characters of its text form) that is written or read; bounds parsing work. */
    static final int MAX_DECIMAL_CHARS = 10_000;

    /** Tag of a BigDecimal outside a {@code decimal} field; holds its {@code toString}. */
    static final String DECIMAL = "$decimal";
    /** Tag of a LocalDate outside a {@code date} field; holds its ISO-8601 text. */
    static final String DATE = "$date";
    /** Tag of a LocalDateTime outside a {@code datetime} field; holds its ISO-8601 text. */
    static final String DATETIME = "$datetime";
    /** Tag of an Instant outside an {@code instant} field; holds its ISO-8601 text. */
    static final String INSTANT = "$instant";
    /** Tag of a UUID outside a {@code uuid} field; holds its canonical text. */
    static final String UUID_TAG = "$uuid";
    /** Wraps a user map whose first key starts with {@code $}. */
    static final String MAP = "$map";
    /** Wraps a value that its field's schema type would otherwise read differently. */
    static final String ANY = "$any";

    private ValueCodec() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a value.
     *
     * @param g        the generator
     * @param value    a normalised value
     * @param declared the schema type of the field holding it, or null when it has none (nested values: null)
     * @throws IOException when writing fails
     */
    static void write(JsonGenerator g, Object value, FieldType declared) throws IOException {
        if (declared != null && value != null && writeDeclared(g, value, declared)) {
            return;
        }
        writeNatural(g, value);
    }

    /** Writes a value under a schema type that reads some plain values in its own way; false when not handled. */
    private static boolean writeDeclared(JsonGenerator g, Object value, FieldType declared) throws IOException {
        switch (declared) {
            case DECIMAL:
                if (value instanceof BigDecimal) {
                    g.writeNumber(checkedDecimal((BigDecimal) value));
                    return true;
                }
                if (value instanceof Number) {
                    writeAny(g, value);
                    return true;
                }
                return false;
            case DATE:
                return writePlainString(g, value, value instanceof LocalDate);
            case DATETIME:
                return writePlainString(g, value, value instanceof LocalDateTime);
            case INSTANT:
                return writePlainString(g, value, value instanceof Instant);
            case UUID:
                return writePlainString(g, value, value instanceof UUID);
            default:
                return false;
        }
    }

    private static boolean writePlainString(JsonGenerator g, Object value, boolean ofDeclaredType)
            throws IOException {
        if (ofDeclaredType) {
            g.writeString(value.toString());
            return true;
        }
        if (value instanceof String) {
            writeAny(g, value);
            return true;
        }
        return false;
    }

    private static void writeAny(JsonGenerator g, Object value) throws IOException {
        g.writeStartObject(value, 1);
        g.writeFieldName(ANY);
        writeNatural(g, value);
        g.writeEndObject();
    }

    private static void writeNatural(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String) {
            g.writeString((String) value);
        } else if (value instanceof Long) {
            g.writeNumber((long) (Long) value);
        } else if (value instanceof Double) {
            g.writeNumber((double) (Double) value);
        } else if (value instanceof Boolean) {
            g.writeBoolean((Boolean) value);
        } else if (value instanceof BigDecimal) {
            writeTagged(g, DECIMAL, checkedDecimal((BigDecimal) value).toString());
        } else if (value instanceof LocalDate) {
            writeTagged(g, DATE, value.toString());
        } else if (value instanceof LocalDateTime) {
            writeTagged(g, DATETIME, value.toString());
        } else if (value instanceof Instant) {
            writeTagged(g, INSTANT, value.toString());
        } else if (value instanceof UUID) {
            writeTagged(g, UUID_TAG, value.toString());
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            g.writeStartArray(list, list.size());
            for (Object element : list) {
                writeNatural(g, element);
            }
            g.writeEndArray();
        } else if (value instanceof Map) {
            writeMap(g, (Map<?, ?>) value);
        } else {
            // Unreachable for stored values: normalisation rejects every other type at write time.
            throw new DictDBException("Cannot save a value of type '" + value.getClass().getName() + "'.");
        }
    }

    private static void writeMap(JsonGenerator g, Map<?, ?> map) throws IOException {
        boolean wrap = false;
        for (Object key : map.keySet()) {
            wrap = ((String) key).startsWith("$");
            break;
        }
        if (wrap) {
            g.writeStartObject(map, 1);
            g.writeFieldName(MAP);
        }
        g.writeStartObject(map, map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            g.writeFieldName((String) entry.getKey());
            writeNatural(g, entry.getValue());
        }
        g.writeEndObject();
        if (wrap) {
            g.writeEndObject();
        }
    }

    private static void writeTagged(JsonGenerator g, String tag, String text) throws IOException {
        g.writeStartObject(tag, 1);
        g.writeFieldName(tag);
        g.writeString(text);
        g.writeEndObject();
    }

    private static BigDecimal checkedDecimal(BigDecimal value) {
        if (value.precision() > MAX_DECIMAL_CHARS - 32) {
            throw new DictDBException("Cannot save a decimal of " + value.precision() + " digits; at most "
                    + (MAX_DECIMAL_CHARS - 32) + " digits are supported in files.");
        }
        return value;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads the value whose first token is the parser's current token, leaving the parser on its last token.
     *
     * @param p        the parser
     * @param declared the schema type of the field, or null (nested values: null)
     * @param tagged   whether tagged forms are interpreted (files carrying our format version)
     * @return the value (lists and maps as mutable Java collections, normalised later by the engine)
     * @throws IOException when the input is malformed or cannot be read
     */
    static Object read(JsonParser p, FieldType declared, boolean tagged) throws IOException {
        return read(p, declared, tagged, null);
    }

    /**
     * Reads a value like {@link #read(JsonParser, FieldType, boolean)}, sharing equal short strings.
     *
     * @param p        the parser
     * @param declared the schema type of the field, or null
     * @param tagged   whether tagged forms are interpreted
     * @param strings  the pool of the file being read, or null
     * @return the value
     * @throws IOException when the input is malformed or cannot be read
     */
    static Object read(JsonParser p, FieldType declared, boolean tagged, StringPool strings) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            throw new JsonParseException(p, "Unexpected end of input where a value was expected");
        }
        switch (token) {
            case VALUE_STRING:
                if (tagged && declared != null) {
                    return readDeclaredString(p, declared);
                }
                return strings == null ? p.getText() : strings.text(p);
            case VALUE_NUMBER_INT:
                if (tagged && declared == FieldType.DECIMAL) {
                    return p.getDecimalValue();
                }
                switch (p.getNumberType()) {
                    case INT:
                    case LONG:
                        return p.getLongValue();
                    default:
                        // Integers beyond a long (the Python DictDB allows them) are normalised as DictDB does.
                        return new BigDecimal(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                // getNumberTypeFP, not getNumberType: a replayed TokenBuffer reports a text number as BIG_DECIMAL
                // under getNumberType, but only a binary decimal (CBOR tag 4) is BIG_DECIMAL under getNumberTypeFP.
                if ((tagged && declared == FieldType.DECIMAL)
                        || p.getNumberTypeFP() == JsonParser.NumberTypeFP.BIG_DECIMAL) {
                    return p.getDecimalValue();
                }
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                return readList(p, tagged, strings);
            case START_OBJECT:
                return readObject(p, tagged, strings);
            default:
                throw new JsonParseException(p, "Unexpected " + token + " where a value was expected");
        }
    }

    private static Object readDeclaredString(JsonParser p, FieldType declared) throws IOException {
        String text = p.getText();
        switch (declared) {
            case DATE:
                return parseTemporal(p, text, DATE);
            case DATETIME:
                return parseTemporal(p, text, DATETIME);
            case INSTANT:
                return parseTemporal(p, text, INSTANT);
            case UUID:
                return parseTemporal(p, text, UUID_TAG);
            default:
                return text;
        }
    }

    private static List<Object> readList(JsonParser p, boolean tagged, StringPool strings) throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(p, "Unexpected end of input inside an array");
            }
            list.add(read(p, null, tagged, strings));
        }
        return list;
    }

    private static Object readObject(JsonParser p, boolean tagged, StringPool strings) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_OBJECT) {
            return new LinkedHashMap<String, Object>();
        }
        String first = fieldName(p, token);
        if (tagged && first.startsWith("$")) {
            p.nextToken();
            Object value = readTagged(p, first, strings);
            if (p.nextToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "Tagged value '" + first + "' must be an object of one entry");
            }
            return value;
        }
        return readMapEntries(p, first, tagged, strings);
    }

    /** Reads the entries of an object whose first field name has just been read. */
    private static Map<String, Object> readMapEntries(JsonParser p, String first, boolean tagged,
                                                      StringPool strings) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String name = first;
        while (true) {
            p.nextToken();
            map.put(name, read(p, null, tagged, strings));
            JsonToken token = p.nextToken();
            if (token == JsonToken.END_OBJECT) {
                return map;
            }
            name = fieldName(p, token);
        }
    }

    private static String fieldName(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.FIELD_NAME) {
            throw new JsonParseException(p, "Expected a field name, found " + token);
        }
        return p.currentName();
    }

    private static Object readTagged(JsonParser p, String tag, StringPool strings) throws IOException {
        switch (tag) {
            case DECIMAL:
                return parseDecimal(p, requireString(p, tag));
            case DATE:
            case DATETIME:
            case INSTANT:
            case UUID_TAG:
                return parseTemporal(p, requireString(p, tag), tag);
            case MAP:
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw new JsonParseException(p, "Tagged value '$map' must hold an object");
                }
                JsonToken token = p.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    return new LinkedHashMap<String, Object>();
                }
                return readMapEntries(p, fieldName(p, token), true, strings);
            case ANY:
                return read(p, null, true, strings);
            default:
                throw new JsonParseException(p, "Unknown tagged value '" + tag + "'");
        }
    }

    private static String requireString(JsonParser p, String tag) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonParseException(p, "Tagged value '" + tag + "' must hold a string");
        }
        return p.getText();
    }

    private static BigDecimal parseDecimal(JsonParser p, String text) throws IOException {
        if (text.length() > MAX_DECIMAL_CHARS) {
            throw new JsonParseException(p, "Decimal of " + text.length() + " characters exceeds the limit of "
                    + MAX_DECIMAL_CHARS);
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new JsonParseException(p, "Invalid decimal '" + abbreviate(text) + "'", e);
        }
    }

    private static Object parseTemporal(JsonParser p, String text, String tag) throws IOException {
        try {
            switch (tag) {
                case DATE:
                    return LocalDate.parse(text);
                case DATETIME:
                    return LocalDateTime.parse(text);
                case INSTANT:
                    return Instant.parse(text);
                default:
                    return parseUuid(text);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new JsonParseException(p, "Invalid " + tag.substring(1) + " '" + abbreviate(text) + "'", e);
        }
    }

    /** Parses the canonical 36-character form only ({@link UUID#fromString} accepts shortened groups). */
    private static UUID parseUuid(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return UUID.fromString(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
