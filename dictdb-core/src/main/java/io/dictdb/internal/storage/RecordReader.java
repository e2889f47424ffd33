package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.dictdb.FieldType;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;
import io.dictdb.internal.value.Values;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of one table, each straight into the representation of the row the engine stores: a shared
 * {@link RowShape} and a values array filled as the fields are parsed ({@link RecordBatch} wraps them as immutable
 * rows). The engine then stores these rows as they are ({@link io.dictdb.internal.engine.TableWrites#insertRows}),
 * applying its rules without a second copy.
 *
 * <p>Invariants. Every record read holds normalised values (the contract of {@link RowAccess.Operations#frozen}):
 * scalars as {@link ValueCodec} reads them are already normalised, nested lists and maps are normalised here
 * ({@link Values#normalize}). Its field names are distinct and in file order, a field given twice keeping its
 * first position and its last value (as a Python dict does). Records of a table usually repeat the previous
 * record's names in the same order: the parser is asked for each of them in turn
 * ({@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)}, which compares the encoded
 * name with the input, without decoding it), and a record whose names all match is built without any duplicate
 * check (the previous names are distinct) into an array of the right size; any other record goes through a
 * {@link DecodedRecord}. Not thread-safe: one per table being read.
 */
final class RecordReader {
    private static final String[] NO_NAMES = new String[0];
    private static final FieldType[] NO_TYPES = new FieldType[0];
    private static final SerializedString[] NO_ENCODED = new SerializedString[0];

    private final String table;
    private final boolean tagged;
    private final Map<String, FieldType> schemaTypes;
    private final StringPool strings;
    private final DecodedRecord spill = new DecodedRecord(8);
    /** The previous record's field names (distinct, as the parser handed them out), their shape and types. */
    private String[] names = NO_NAMES;
    private FieldType[] types = NO_TYPES;
    private SerializedString[] encodedNames = NO_ENCODED;
    private byte[][] encodedBytes = new byte[0][];
    /** By position, whether the value may be read without the field's schema type ({@link #readsPlain}). */
    private boolean[] plain = new boolean[0];
    private RowShape shape = RowShape.EMPTY;
    /** Whether the record being read has a list or a map among its values. */
    private boolean nested;

    /**
     * @param table       the table name (for messages)
     * @param tagged      whether the file is one we wrote (tagged values, plain values typed by the schema)
     * @param schemaTypes the table's declared types by field, or null
     * @param strings     the pool of the file being read
     */
    RecordReader(String table, boolean tagged, Map<String, FieldType> schemaTypes, StringPool strings) {
        this.table = table;
        this.tagged = tagged;
        this.schemaTypes = tagged ? schemaTypes : null;
        this.strings = strings;
    }

    /**
     * Reads one record into a batch, as the shape and values of its row.
     *
     * @param source a parser on the record's START_OBJECT, left on its END_OBJECT
     * @param batch  where the record goes
     * @throws IOException when the record is malformed
     */
    void read(JsonParser source, RecordBatch batch) throws IOException {
        int expected = names.length;
        Object[] values = new Object[expected];
        nested = false;
        int position = 0;
        if (source instanceof CborFileParser) {
            // The usual fields of a CBOR record, read straight from the parser's buffer.
            position = ((CborFileParser) source).readPlainFields(names, encodedBytes, plain, strings, values, 0);
        }
        // The previous record's names, matched by the parser on their encoded form.
        while (position < expected && source.nextFieldName(encodedNames[position])) {
            source.nextToken();
            values[position] = value(source, names[position], types[position]);
            position++;
        }
        JsonToken token = position < expected ? source.currentToken() : source.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            String field = source.currentName();
            source.nextToken();
            readSpilled(source, values, position, field, batch);
            return;
        }
        end(source, token);
        if (position < expected) {
            // The previous record's first fields only: a new shape.
            spill.reset();
            addNewShape(batch, values, position);
            return;
        }
        batch.add(shape, values, nested);
    }

    /**
     * Reads the rest of a record that departs from the previous record's names, through the spill record.
     *
     * @param values the values of the fields read so far (the previous record's first {@code count} names)
     * @param count  how many fields were read
     * @param field  the name of the field whose value the parser is on
     */
    private void readSpilled(JsonParser source, Object[] values, int count, String field, RecordBatch batch)
            throws IOException {
        spill.reset();
        for (int i = 0; i < count; i++) {
            spill.add(names[i], values[i]);
        }
        String name = field;
        JsonToken token;
        do {
            spill.add(name, value(source, name, declaredType(name)));
            token = source.nextToken();
            if (token != JsonToken.FIELD_NAME) {
                break;
            }
            name = source.currentName();
            source.nextToken();
        } while (true);
        end(source, token);
        addNewShape(batch, null, 0);
    }

    private void end(JsonParser source, JsonToken token) throws IOException {
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(source, "Malformed record in table '" + table + "'");
        }
    }

    /**
     * Adds a record of new names, which become the ones expected next: the first {@code count} of the previous
     * names with their values, followed by the spill record's fields.
     */
    private void addNewShape(RecordBatch batch, Object[] prefix, int count) {
        int size = count + spill.size();
        String[] newNames = new String[size];
        Object[] values = new Object[size];
        for (int i = 0; i < count; i++) {
            newNames[i] = names[i];
            values[i] = prefix[i];
        }
        for (int i = 0; i < spill.size(); i++) {
            newNames[count + i] = spill.nameAt(i);
            values[count + i] = spill.valueAt(i);
        }
        spill.reset();
        FieldType[] newTypes = new FieldType[size];
        SerializedString[] newEncoded = new SerializedString[size];
        byte[][] newBytes = new byte[size][];
        boolean[] newPlain = new boolean[size];
        for (int i = 0; i < size; i++) {
            newTypes[i] = declaredType(newNames[i]);
            newEncoded[i] = new SerializedString(newNames[i]);
            newBytes[i] = newEncoded[i].asUnquotedUTF8();
            newPlain[i] = readsPlain(newTypes[i]);
        }
        shape = RowShape.of(newNames, shape);
        names = newNames;
        types = newTypes;
        encodedNames = newEncoded;
        encodedBytes = newBytes;
        plain = newPlain;
        batch.add(shape, values, nested);
    }

    /**
     * Whether {@link ValueCodec} reads an integer, a float, a text, a boolean or null of a field of this type as it
     * does without a type (not so for the types read from text or as decimals).
     */
    private static boolean readsPlain(FieldType declared) {
        if (declared == null) {
            return true;
        }
        switch (declared) {
            case LONG:
            case DOUBLE:
            case STRING:
            case BOOLEAN:
            case LIST:
            case MAP:
            case ANY:
                return true;
            default:
                return false;
        }
    }

    private FieldType declaredType(String field) {
        return schemaTypes == null ? null : schemaTypes.get(field);
    }

    private Object value(JsonParser source, String field, FieldType declared) throws IOException {
        Object value = ValueCodec.read(source, declared, tagged, strings);
        // The common scalars first: a test against a final class is one comparison, whereas a failed test against
        // an interface (List, Map) scans the class's interfaces, which costs more than decoding the value.
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List || value instanceof Map) {
            nested = true;
            return Values.normalize(field, value);
        }
        return value;
    }
}
