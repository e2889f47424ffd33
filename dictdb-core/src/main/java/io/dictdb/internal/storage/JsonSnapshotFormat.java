package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The JSON database file: the Python DictDB's layout and indentation, pure ASCII (other characters escaped as
 * {@code \\uXXXX}, as Python's {@code json.dumps} does), non-finite doubles as the bare tokens Python uses, and a
 * last top-level entry {@code "checksum": "crc32c:<8 lowercase hex digits>"} on its own line.
 */
final class JsonSnapshotFormat extends SnapshotFormat {
    private static final String TRAILER_START = ",\n    \"" + SnapshotLayout.CHECKSUM + "\": \"crc32c:";
    private static final String TRAILER_END = "\"\n}\n";
    private static final int TRAILER_LENGTH = TRAILER_START.length() + 8 + TRAILER_END.length();
    private static final byte[] HEADER =
            ("{\n    \"" + SnapshotLayout.FORMAT_VERSION + "\": ").getBytes(StandardCharsets.US_ASCII);

    private final JsonFactory factory = configure(new JsonFactoryBuilder())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    @Override
    JsonGenerator createGenerator(OutputStream out) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.setPrettyPrinter(new PythonLayoutPrinter());
        return g;
    }

    @Override
    JsonParser createParser(InputStream in) throws IOException {
        return factory.createParser(in);
    }

    @Override
    byte[] header() {
        return HEADER.clone();
    }

    @Override
    boolean checksumAlwaysRequired() {
        return false;
    }

    @Override
    int trailerLength() {
        return TRAILER_LENGTH;
    }

    @Override
    byte[] trailer(int crc) {
        String hex = String.format("%08x", crc);
        return (TRAILER_START + hex + TRAILER_END).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    long checksumOf(byte[] tail) {
        if (tail.length != TRAILER_LENGTH) {
            return -1;
        }
        String text = new String(tail, StandardCharsets.ISO_8859_1);
        if (!text.startsWith(TRAILER_START) || !text.endsWith(TRAILER_END)) {
            return -1;
        }
        long crc = 0;
        for (int i = TRAILER_START.length(); i < TRAILER_START.length() + 8; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            crc = (crc << 4) | digit;
        }
        return crc;
    }
}
