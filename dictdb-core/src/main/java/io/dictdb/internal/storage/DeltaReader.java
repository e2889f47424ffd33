package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.dictdb.CorruptFileException;
import io.dictdb.FileFormat;
import io.dictdb.internal.io.FileIo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a delta file and verifies it before anything is applied. A delta is small (its size follows the number of
 * changes), so it is read into memory whole: the checksum is checked over the bytes, the top level is parsed, and
 * the sections whose decoding needs the target tables' schemas are kept as token buffers.
 *
 * <p>Which deltas must carry a checksum: those that have our format version, chain or checksum key, or end with a
 * checksum trailer. A delta with none of them is the Python DictDB's and is accepted without one. Any problem
 * becomes a {@link CorruptFileException} naming the file; a checksum failure is preferred as the diagnosis.
 */
final class DeltaReader {
    private final Path file;
    private final JsonParser p;
    private boolean claimsOurs;
    private String type;
    private DeltaFiles.Chain chain;
    private TokenBuffer events;
    private TokenBuffer tables;
    private final Map<String, Long> nextKeys = new LinkedHashMap<>();

    private DeltaReader(Path file, JsonParser p) {
        this.file = file;
        this.p = p;
    }

    static ParsedDelta read(FileIo io, Path file) {
        byte[] bytes;
        try (InputStream in = io.openRead(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + file + "': " + e.getMessage(), e);
        }
        SnapshotFormat json = SnapshotFormat.of(FileFormat.JSON);
        DeltaReader reader = null;
        Throwable failure = null;
        try (JsonParser parser = json.createParser(new ByteArrayInputStream(bytes))) {
            reader = new DeltaReader(file, parser);
            reader.readTop();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        String checksumProblem;
        try {
            checksumProblem = SnapshotFiles.checksumProblem(json, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] tail = Arrays.copyOfRange(bytes, Math.max(0, bytes.length - json.trailerLength()), bytes.length);
        boolean checksumExpected = (reader != null && reader.claimsOurs) || json.checksumOf(tail) >= 0;
        if (failure != null) {
            String cause = SnapshotFiles.describe(failure);
            if (checksumExpected && checksumProblem != null) {
                throw new CorruptFileException(file, checksumProblem + " (" + cause + ")", failure);
            }
            throw new CorruptFileException(file, cause, failure);
        }
        if (checksumExpected && checksumProblem != null) {
            throw new CorruptFileException(file, checksumProblem);
        }
        return reader.result();
    }

    private ParsedDelta result() {
        if (claimsOurs && chain == null) {
            throw new CorruptFileException(file, "a delta of DictDB for Java must say where it sits in its backup"
                    + " chain ('" + DeltaLayout.CHAIN + "' is missing)");
        }
        return new ParsedDelta(file, chain, events, tables, nextKeys);
    }

    private void readTop() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error("is not a valid delta file (it must hold one object)");
        }
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case DeltaLayout.TYPE:
                    type = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : p.currentToken().toString();
                    break;
                case DeltaLayout.TABLES:
                    expect(JsonToken.START_OBJECT, "'" + DeltaLayout.TABLES + "' must be an object");
                    tables = buffer();
                    break;
                case DeltaLayout.FORMAT_VERSION:
                    claimsOurs = true;
                    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() != DeltaLayout.VERSION) {
                        throw error("Unsupported delta format version " + p.getText() + " (this DictDB reads "
                                + "version " + DeltaLayout.VERSION + ")");
                    }
                    break;
                case DeltaLayout.CHAIN:
                    claimsOurs = true;
                    readChain();
                    break;
                case DeltaLayout.EVENTS:
                    claimsOurs = true;
                    expect(JsonToken.START_ARRAY, "'" + DeltaLayout.EVENTS + "' must be an array");
                    events = buffer();
                    break;
                case DeltaLayout.NEXT_KEYS:
                    claimsOurs = true;
                    readNextKeys();
                    break;
                case DeltaLayout.CHECKSUM:
                case DeltaLayout.SEQUENCES:
                    claimsOurs = true;
                    p.skipChildren();
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw error("Malformed top-level object (found " + token + ")");
        }
        if (p.nextToken() != null) {
            throw error("Unexpected data after the end of the delta");
        }
        if (!DeltaLayout.DELTA_TYPE.equals(type)) {
            throw error("is not a valid delta file ('" + DeltaLayout.TYPE + "' is "
                    + (type == null ? "missing" : "'" + type + "'") + ", not '" + DeltaLayout.DELTA_TYPE + "')");
        }
        if (tables == null) {
            throw error("is not a valid delta file ('" + DeltaLayout.TABLES + "' is missing)");
        }
    }

    private void readChain() throws IOException {
        expect(JsonToken.START_OBJECT, "'" + DeltaLayout.CHAIN + "' must be an object");
        String base = null;
        String previous = null;
        long from = -1;
        long to = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            if (DeltaLayout.BASE.equals(key) && value == JsonToken.VALUE_STRING) {
                base = p.getText();
            } else if (DeltaLayout.PREVIOUS.equals(key) && value == JsonToken.VALUE_STRING) {
                previous = p.getText();
            } else if (DeltaLayout.FROM_SEQUENCE.equals(key) && value == JsonToken.VALUE_NUMBER_INT) {
                from = p.getLongValue();
            } else if (DeltaLayout.TO_SEQUENCE.equals(key) && value == JsonToken.VALUE_NUMBER_INT) {
                to = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
        if (base == null || previous == null || from < 0 || to < from) {
            throw error("'" + DeltaLayout.CHAIN + "' needs '" + DeltaLayout.BASE + "', '" + DeltaLayout.PREVIOUS
                    + "' and a sequence range with " + DeltaLayout.FROM_SEQUENCE + " <= " + DeltaLayout.TO_SEQUENCE);
        }
        chain = new DeltaFiles.Chain(base, previous, from, to);
    }

    private void readNextKeys() throws IOException {
        expect(JsonToken.START_OBJECT, "'" + DeltaLayout.NEXT_KEYS + "' must be an object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String table = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw error("The key counter of table '" + table + "' must be an integer");
            }
            nextKeys.put(table, p.getLongValue());
        }
    }

    private TokenBuffer buffer() throws IOException {
        TokenBuffer buffer = new TokenBuffer(p);
        buffer.copyCurrentStructure(p);
        return buffer;
    }

    private void expect(JsonToken token, String message) throws IOException {
        if (p.currentToken() != token) {
            throw error(message + ", found " + p.currentToken());
        }
    }

    private JsonParseException error(String message) {
        return new JsonParseException(p, message);
    }
}
