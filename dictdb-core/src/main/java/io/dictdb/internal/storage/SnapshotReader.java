package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.dictdb.DictDBException;
import io.dictdb.FieldType;
import io.dictdb.IndexType;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.value.Values;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a database file (JSON or CBOR, through a Jackson parser) and sends its content to a
 * {@link SnapshotSink} as it goes: each table's definition, its records in batches, then its indexes and key
 * counter.
 *
 * <p>Invariants: the reader never publishes anything; its caller ({@link SnapshotFiles}) verifies the checksum
 * once the whole file has been read and throws otherwise, so a damaged file never produces a database, not even a
 * partial one. Tagged values are interpreted only in files we wrote (tagged mode). Records are read with their
 * fields in file order; a table's records are read only once its definition is known (buffered otherwise, for
 * files whose keys were reordered by a tool).
 */
final class SnapshotReader {
    private static final int BATCH = 4096;

    private final JsonParser p;
    private final boolean tagged;
    private final SnapshotSink sink;
    private final StringPool strings = new StringPool();
    private boolean claimsOurs;
    private long sequence = -1;

    /**
     * Prepares a reader.
     *
     * @param p      the parser, before the first token
     * @param tagged whether the file is one we wrote (tagged values)
     * @param sink   where tables and records go
     */
    SnapshotReader(JsonParser p, boolean tagged, SnapshotSink sink) {
        this.p = p;
        this.tagged = tagged;
        this.sink = sink;
    }

    /**
     * Whether the file has our format version or checksum keys (so it must carry a valid checksum).
     *
     * @return true when one of them was seen
     */
    boolean claimsOurs() {
        return claimsOurs;
    }

    /**
     * The commit sequence number of the saved state, when the file records it.
     *
     * @return the sequence number, or -1
     */
    long sequence() {
        return sequence;
    }

    /**
     * Reads the whole file.
     *
     * @throws IOException when the content is malformed (or cannot be read)
     */
    void read() throws IOException {
        JsonToken token = p.nextToken();
        if (token == null) {
            throw error("The file is empty");
        }
        if (token != JsonToken.START_OBJECT) {
            throw error("The file must hold one object, found " + token);
        }
        boolean sawTables = false;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case SnapshotLayout.FORMAT_VERSION:
                    claimsOurs = true;
                    readVersion();
                    break;
                case SnapshotLayout.SEQUENCE:
                    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                            || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < 0) {
                        throw error("The sequence number must be a non-negative integer");
                    }
                    sequence = p.getLongValue();
                    break;
                case SnapshotLayout.CHECKSUM:
                    // Verified on the raw bytes by the caller.
                    claimsOurs = true;
                    p.skipChildren();
                    break;
                case SnapshotLayout.TABLES:
                    if (sawTables) {
                        throw error("'" + SnapshotLayout.TABLES + "' is given twice");
                    }
                    sawTables = true;
                    readTables();
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw error("Malformed top-level object (found " + token + ")");
        }
        if (!sawTables) {
            throw error("Missing '" + SnapshotLayout.TABLES + "'");
        }
        if (p.nextToken() != null) {
            throw error("Unexpected data after the end of the database");
        }
    }

    private void readVersion() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw error("The format version must be an integer");
        }
        int version = p.getIntValue();
        if (tagged && version != SnapshotLayout.VERSION) {
            throw error("Unsupported format version " + version + " (this DictDB reads version "
                    + SnapshotLayout.VERSION + ")");
        }
    }

    private void readTables() throws IOException {
        expect(JsonToken.START_OBJECT, "'" + SnapshotLayout.TABLES + "' must be an object");
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            new TableReader(name).read();
        }
        if (token != JsonToken.END_OBJECT) {
            throw error("Malformed '" + SnapshotLayout.TABLES + "' object (found " + token + ")");
        }
    }

    private void expect(JsonToken token, String message) throws IOException {
        if (p.currentToken() != token) {
            throw error(message + ", found " + p.currentToken());
        }
    }

    private JsonParseException error(String message) {
        return new JsonParseException(p, message);
    }

    /** Reads one table object: its definition first, then its records. */
    private final class TableReader {
        private final String name;
        private String primaryKey;
        private boolean sawSchema;
        private LinkedHashMap<String, FieldType> schemaTypes;
        private TokenBuffer schemaOptions;
        private Long nextKey;
        private final List<SnapshotSink.IndexDefinition> indexes = new ArrayList<>();
        private boolean sawRecords;
        private TokenBuffer pendingRecords;
        private boolean created;
        private long recordCount;

        TableReader(String name) {
            this.name = name;
        }

        void read() throws IOException {
            expect(JsonToken.START_OBJECT, "Table '" + name + "' must be an object");
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case SnapshotLayout.PRIMARY_KEY:
                        expect(JsonToken.VALUE_STRING, "The primary key of table '" + name + "' must be a string");
                        primaryKey = p.getText();
                        break;
                    case SnapshotLayout.SCHEMA:
                        sawSchema = true;
                        readSchemaTypes();
                        break;
                    case SnapshotLayout.SCHEMA_OPTIONS:
                        schemaOptions = buffer(p);
                        break;
                    case SnapshotLayout.NEXT_KEY:
                        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
                                || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            throw error("The key counter of table '" + name + "' must be an integer");
                        }
                        nextKey = p.getLongValue();
                        break;
                    case SnapshotLayout.INDEXES:
                        readIndexes();
                        break;
                    case SnapshotLayout.RECORDS:
                        if (sawRecords) {
                            throw error("Table '" + name + "' has '" + SnapshotLayout.RECORDS + "' twice");
                        }
                        sawRecords = true;
                        expect(JsonToken.START_ARRAY, "The records of table '" + name + "' must be an array");
                        if (definitionComplete()) {
                            create();
                            readRecords(p);
                        } else {
                            pendingRecords = buffer(p);
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw error("Malformed table '" + name + "' (found " + token + ")");
            }
            if (primaryKey == null) {
                throw error("Table '" + name + "' has no '" + SnapshotLayout.PRIMARY_KEY + "'");
            }
            if (!sawRecords) {
                throw error("Table '" + name + "' has no '" + SnapshotLayout.RECORDS + "'");
            }
            if (!created) {
                create();
                try (JsonParser replay = pendingRecords.asParser(p.getCodec())) {
                    replay.nextToken();
                    readRecords(replay);
                }
            }
            finish();
        }

        /** Whether every key that conditions how records are read has been seen (always so in our files). */
        private boolean definitionComplete() {
            return primaryKey != null && sawSchema && (!tagged || nextKey != null);
        }

        private TokenBuffer buffer(JsonParser source) throws IOException {
            TokenBuffer buffer = new TokenBuffer(source);
            buffer.copyCurrentStructure(source);
            return buffer;
        }

        private void readSchemaTypes() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                schemaTypes = null;
                return;
            }
            expect(JsonToken.START_OBJECT, "The schema of table '" + name + "' must be an object or null");
            LinkedHashMap<String, FieldType> types = new LinkedHashMap<>();
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                expect(JsonToken.VALUE_STRING, "The type of field '" + field + "' must be a string");
                try {
                    types.put(field, FieldType.fromFileName(p.getText()));
                } catch (IllegalArgumentException e) {
                    throw error("Table '" + name + "': " + e.getMessage());
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw error("Malformed schema of table '" + name + "'");
            }
            // An empty schema means no schema, as in the Python DictDB.
            schemaTypes = types.isEmpty() ? null : types;
        }

        private void readIndexes() throws IOException {
            expect(JsonToken.START_ARRAY, "The indexes of table '" + name + "' must be an array");
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String field = null;
                String type = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (SnapshotLayout.INDEX_FIELD.equals(key) && p.currentToken() == JsonToken.VALUE_STRING) {
                        field = p.getText();
                    } else if (SnapshotLayout.INDEX_TYPE.equals(key) && p.currentToken() == JsonToken.VALUE_STRING) {
                        type = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
                if (field == null || type == null) {
                    throw error("An index of table '" + name + "' lacks its field or type");
                }
                IndexType indexType;
                try {
                    indexType = IndexType.valueOf(type.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw error("Unknown index type '" + type + "' in table '" + name + "'");
                }
                indexes.add(new SnapshotSink.IndexDefinition(field, indexType));
            }
            expect(JsonToken.END_ARRAY, "Malformed indexes of table '" + name + "'");
        }

        private void create() throws IOException {
            Schema schema = schemaTypes == null ? null : buildSchema();
            TableDef def;
            try {
                def = TableDef.create(name, primaryKey, schema);
            } catch (IllegalArgumentException e) {
                throw new JsonParseException(p, "Table '" + name + "': " + e.getMessage(), e);
            }
            sink.createTable(def);
            created = true;
        }

        private Schema buildSchema() throws IOException {
            Map<String, Object[]> options = readSchemaOptions();
            Schema schema = Schema.builder().build();
            try {
                for (Map.Entry<String, FieldType> entry : schemaTypes.entrySet()) {
                    String field = entry.getKey();
                    FieldType type = entry.getValue();
                    Object[] option = options.remove(field);
                    boolean optional = option != null && (Boolean) option[0];
                    boolean hasDefault = option != null && option.length > 1;
                    Object defaultValue = null;
                    if (hasDefault) {
                        defaultValue = Values.coerce(type, Values.normalize(field, option[1]));
                    }
                    schema = schema.with(new SchemaField(field, type, optional, defaultValue, hasDefault));
                }
            } catch (DictDBException | IllegalArgumentException e) {
                throw new JsonParseException(p, "Schema of table '" + name + "': " + e.getMessage(), e);
            }
            if (!options.isEmpty()) {
                throw error("Table '" + name + "' has options for undeclared field '"
                        + options.keySet().iterator().next() + "'");
            }
            return schema;
        }

        /** Field name to {optional} or {optional, default}. */
        private Map<String, Object[]> readSchemaOptions() throws IOException {
            Map<String, Object[]> options = new LinkedHashMap<>();
            if (schemaOptions == null) {
                return options;
            }
            try (JsonParser q = schemaOptions.asParser(p.getCodec())) {
                q.nextToken();
                if (q.currentToken() != JsonToken.START_OBJECT) {
                    throw error("The schema options of table '" + name + "' must be an object");
                }
                while (q.nextToken() == JsonToken.FIELD_NAME) {
                    String field = q.currentName();
                    FieldType type = schemaTypes.get(field);
                    if (q.nextToken() != JsonToken.START_OBJECT) {
                        throw error("The options of field '" + field + "' must be an object");
                    }
                    boolean optional = false;
                    boolean hasDefault = false;
                    Object defaultValue = null;
                    while (q.nextToken() == JsonToken.FIELD_NAME) {
                        String key = q.currentName();
                        JsonToken value = q.nextToken();
                        if (SnapshotLayout.OPTIONAL.equals(key) && value.isBoolean()) {
                            optional = value == JsonToken.VALUE_TRUE;
                        } else if (SnapshotLayout.DEFAULT.equals(key)) {
                            hasDefault = true;
                            defaultValue = ValueCodec.read(q, type, tagged);
                        } else {
                            q.skipChildren();
                        }
                    }
                    options.put(field, hasDefault ? new Object[]{optional, defaultValue} : new Object[]{optional});
                }
            }
            return options;
        }

        private void readRecords(JsonParser source) throws IOException {
            RecordReader records = new RecordReader(name, tagged, schemaTypes, strings);
            RecordBatch batch = new RecordBatch(BATCH);
            JsonToken token;
            while ((token = source.nextToken()) == JsonToken.START_OBJECT) {
                records.read(source, batch);
                if (batch.isFull()) {
                    insert(batch);
                    batch = new RecordBatch(BATCH);
                }
            }
            if (token != JsonToken.END_ARRAY) {
                throw new JsonParseException(source, "Each record of table '" + name + "' must be an object, found "
                        + token);
            }
            if (!batch.isEmpty()) {
                insert(batch);
            }
        }

        private void insert(RecordBatch batch) {
            int size = batch.size();
            sink.insert(name, batch, recordCount + 1);
            recordCount += size;
        }

        private void finish() {
            sink.finishTable(name, indexes, nextKey);
        }
    }
}
