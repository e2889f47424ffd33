package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link CborFileParser} reads what Jackson's CBOR generator writes exactly as Jackson's own CBOR parser does
 * (token by token, with the same names, texts, number types and values), and refuses malformed input with a
 * {@link JsonProcessingException} only.
 */
class CborFileParserTest {
    private static final CBORFactory JACKSON = CBORFactory.builder().build();

    private static CborFileParser ours(byte[] bytes) {
        return new CborFileParser(new ByteArrayInputStream(bytes), StreamReadConstraints.builder()
                .maxNumberLength(ValueCodec.MAX_DECIMAL_CHARS).build());
    }

    private interface Body {
        void write(CBORGenerator g) throws IOException;
    }

    private static byte[] cbor(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = (CBORGenerator) CBORFactory.builder()
                .enable(CBORGenerator.Feature.WRITE_TYPE_HEADER).build().createGenerator(out)) {
            body.write(g);
        }
        return out.toByteArray();
    }

    /** Every token with what a reader can ask of it. */
    private static List<String> tokens(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            StringBuilder s = new StringBuilder(t.name());
            switch (t) {
                case FIELD_NAME:
                    s.append(' ').append(p.currentName());
                    break;
                case VALUE_STRING:
                    s.append(' ').append(p.getText()).append(" in ").append(p.currentName());
                    break;
                case VALUE_NUMBER_INT:
                    s.append(' ').append(p.getNumberType()).append(' ').append(p.getNumberValue());
                    if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        s.append(" long ").append(p.getLongValue());
                    }
                    break;
                case VALUE_NUMBER_FLOAT:
                    s.append(' ').append(p.getNumberTypeFP()).append(' ').append(p.getNumberValue())
                            .append(" double ").append(p.getDoubleValue());
                    if (p.getNumberTypeFP() == JsonParser.NumberTypeFP.BIG_DECIMAL) {
                        s.append(" scale ").append(p.getDecimalValue().scale());
                    }
                    break;
                case VALUE_EMBEDDED_OBJECT:
                    s.append(' ').append(Arrays.toString((byte[]) p.getEmbeddedObject()));
                    break;
                default:
                    s.append(" in ").append(p.currentName());
            }
            out.add(s.toString());
        }
        return out;
    }

    private static void sameAsJackson(byte[] bytes) throws IOException {
        List<String> expected;
        try (JsonParser p = JACKSON.createParser(bytes)) {
            expected = tokens(p);
        }
        try (JsonParser p = ours(bytes)) {
            assertThat(tokens(p)).isEqualTo(expected);
        }
    }

    @Test
    void readsEveryValueTheGeneratorWritesAsJacksonDoes() throws IOException {
        String longText = "é".repeat(70_000) + "x";
        sameAsJackson(cbor(g -> {
            g.writeStartObject();
            g.writeFieldName("ints");
            g.writeStartArray();
            for (long v : new long[]{0, 1, 23, 24, 255, 256, 65_535, 65_536, Integer.MAX_VALUE, 1L + Integer.MAX_VALUE,
                4_294_967_295L, 4_294_967_296L, Long.MAX_VALUE, -1, -24, -25, -256, -257, Integer.MIN_VALUE,
                Integer.MIN_VALUE - 1L, Long.MIN_VALUE}) {
                g.writeNumber(v);
            }
            g.writeNumber(new BigInteger("18446744073709551615"));
            g.writeNumber(new BigInteger("-18446744073709551617"));
            g.writeNumber(new BigInteger("123456789012345678901234567890"));
            g.writeEndArray();
            g.writeFieldName("decimals");
            g.writeStartArray();
            for (String d : new String[]{"1.50", "-0.000", "1E+3", "12345678901234567890.12345678901234567890",
                "-" + "7".repeat(500), "0", "1E-2147483647"}) {
                g.writeNumber(new BigDecimal(d));
            }
            g.writeEndArray();
            g.writeFieldName("floats");
            g.writeStartArray();
            g.writeNumber(1.5f);
            g.writeNumber(0.1);
            g.writeNumber(-0.0);
            g.writeNumber(Double.NaN);
            g.writeNumber(Double.NEGATIVE_INFINITY);
            g.writeNumber(Double.MIN_VALUE);
            g.writeEndArray();
            g.writeFieldName("texts");
            g.writeStartArray();
            for (String s : new String[]{"", "ascii", "Zoë", "\u5317\u4eac", "\uD83D\uDE00", "dept3", "dept3",
                longText, "x".repeat(40)}) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeFieldName("other");
            g.writeStartObject();
            g.writeFieldName("null");
            g.writeNull();
            g.writeFieldName("t");
            g.writeBoolean(true);
            g.writeFieldName("f");
            g.writeBoolean(false);
            g.writeFieldName("bin");
            g.writeBinary(new byte[]{1, 2, (byte) 0xff});
            g.writeFieldName("nested");
            g.writeStartArray();
            g.writeStartObject();
            g.writeEndObject();
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    @Test
    void readsIndefiniteLengthsHalfFloatsUndefinedAndTagsAsJacksonDoes() throws IOException {
        sameAsJackson(bytes(
                0xd9, 0xd9, 0xf7, // self-described CBOR
                0xbf, // indefinite map
                0x61, 'a', 0x9f, 0x01, 0xf9, 0x3c, 0x00, 0xf9, 0x7c, 0x00, 0xf9, 0x00, 0x01, 0xf7, 0xff,
                0x61, 'b', 0x7f, 0x62, 'h', 'i', 0x61, '!', 0xff, // chunked text
                0x61, 'c', 0x5f, 0x41, 0x01, 0x42, 0x02, 0x03, 0xff, // chunked bytes
                0x61, 'd', 0xc1, 0x1a, 0x00, 0x01, 0x00, 0x00, // tag 1 (epoch) ignored
                0x61, 'e', 0xbf, 0xff, // empty indefinite map
                0xff));
    }

    @Test
    void matchesExpectedFieldNamesOnTheirBytes() throws IOException {
        byte[] bytes = cbor(g -> {
            g.writeStartArray();
            for (int i = 0; i < 3; i++) {
                g.writeStartObject();
                g.writeFieldName("id");
                g.writeNumber(i);
                g.writeFieldName(i == 1 ? "other" : "name");
                g.writeString("n" + i);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
        SerializedString id = new SerializedString("id");
        SerializedString name = new SerializedString("name");
        try (JsonParser p = ours(bytes)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            for (int i = 0; i < 3; i++) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                assertThat(p.nextFieldName(id)).isTrue();
                assertThat(p.currentName()).isEqualTo("id");
                assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
                assertThat(p.nextFieldName(name)).isEqualTo(i != 1);
                assertThat(p.currentToken()).isEqualTo(JsonToken.FIELD_NAME);
                assertThat(p.currentName()).isEqualTo(i == 1 ? "other" : "name");
                assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
                assertThat(p.nextFieldName(id)).isFalse();
                assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            }
            assertThat(p.nextToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(p.nextToken()).isNull();
        }
    }

    /** The fast path for plain fields reads what the token path reads, and stops where it must. */
    @Test
    void plainFieldsReadLikeTokensAndStopAtTheFirstFieldTheyCannotRead() throws IOException {
        Object[][] records = {
            {0L, -1L, 23L, 24L, -25L, 65_536L, Long.MAX_VALUE, Long.MIN_VALUE},
            {1.5, -0.0, Double.NaN, "", "dept3", "x".repeat(32), true, false},
            {null, "dept3", 7L, "y".repeat(33), 1L, 2L, 3L, 4L},
            {1L, "Zoë", 2L, 3L, 4L, 5L, 6L, 7L},
            {1L, 2L, new BigInteger("18446744073709551615"), 3L, 4L, 5L, 6L, 7L},
            {1L, 2L, 3L, List.of(1L), 4L, 5L, 6L, 7L},
        };
        String[] names = {"a", "bb", "c", "d", "e", "f", "g", "h"};
        byte[] bytes = cbor(g -> {
            g.writeStartArray();
            for (Object[] record : records) {
                g.writeStartObject(null, names.length + 1);
                for (int i = 0; i < names.length; i++) {
                    g.writeFieldName(names[i]);
                    writeValue(g, record[i]);
                }
                g.writeFieldName("z");
                g.writeNumber(9);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeString("-".repeat(100)); // so that every record has enough bytes after it for the fast path
        });
        byte[][] encoded = new byte[names.length][];
        boolean[] plain = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            encoded[i] = names[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
            plain[i] = i != 6;
        }
        int[] stops = {6, 6, 3, 1, 2, 3};
        StringPool pool = new StringPool();
        try (CborFileParser p = ours(bytes); JsonParser q = JACKSON.createParser(bytes)) {
            p.nextToken();
            q.nextToken();
            for (int r = 0; r < records.length; r++) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                q.nextToken();
                Object[] values = new Object[names.length];
                int stop = p.readPlainFields(names, encoded, plain, pool, values, 0);
                assertThat(stop).as("record %d", r).isEqualTo(stops[r]);
                for (int i = 0; i < stop; i++) {
                    assertThat(q.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
                    q.nextToken();
                    assertThat(values[i]).isEqualTo(ValueCodec.read(q, null, true));
                    if (values[i] != null) {
                        assertThat(values[i].getClass()).isEqualTo(ValueCodec.read(q, null, true).getClass());
                    }
                }
                // The rest of the record, token by token, as the other parser sees it.
                JsonToken t;
                while ((t = q.nextToken()) != JsonToken.END_OBJECT) {
                    assertThat(p.nextToken()).isEqualTo(t);
                    if (t == JsonToken.FIELD_NAME) {
                        assertThat(p.currentName()).isEqualTo(q.currentName());
                    } else {
                        assertThat(ValueCodec.read(p, null, true)).isEqualTo(ValueCodec.read(q, null, true));
                    }
                }
                assertThat(p.nextToken()).isEqualTo(JsonToken.END_OBJECT);
            }
            assertThat(p.nextToken()).isEqualTo(JsonToken.END_ARRAY);
        }
    }

    private static void writeValue(CBORGenerator g, Object v) throws IOException {
        if (v instanceof BigInteger) {
            g.writeNumber((BigInteger) v); // not a stored type: a CBOR integer beyond a long
        } else {
            ValueCodec.write(g, v, null);
        }
    }

    @Test
    void refusesWhatIsNotWellFormed() {
        refused("Unexpected end of input", 0x83, 0x01);
        refused("Unexpected end of input", 0x7a, 0x70, 0x00, 0x00, 0x00, 'a'); // announces 1.8 GB, holds 1 byte
        refused("String length out of range", 0x7b, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00);
        refused("Field names must be text", 0xa1, 0x01, 0x02);
        refused("Unexpected break", 0x81, 0xff);
        refused("Break marker in place of a map value", 0xbf, 0x61, 'a', 0xff);
        refused("Invalid UTF-8", 0x62, 0xc3, 0x28);
        refused("Truncated UTF-8", 0x62, 'a', 0xe2);
        refused("Unsupported CBOR simple value", 0xf0);
        refused("Invalid additional information", 0x1c);
        refused("decimal fraction", 0xc4, 0x82, 0x61, 'x', 0x01);
        refused("big integer", 0xc2, 0x01);
        refused("Invalid chunk", 0x7f, 0x41, 0x00, 0xff);
        byte[] deep = new byte[2_000];
        Arrays.fill(deep, (byte) 0x81);
        refused("nesting depth", deep);
    }

    private static void refused(String message, int... bytes) {
        refused(message, bytes(bytes));
    }

    private static void refused(String message, byte[] bytes) {
        assertThatThrownBy(() -> {
            try (JsonParser p = ours(bytes)) {
                while (p.nextToken() != null) {
                    p.getText();
                }
            }
        }).isInstanceOf(JsonProcessingException.class).hasMessageContaining(message);
    }

    @Test
    void mutatedInputIsReadOrRefusedWithAParseExceptionOnly() throws IOException {
        byte[] seed = cbor(g -> {
            g.writeStartObject();
            g.writeFieldName("records");
            g.writeStartArray();
            for (int i = 0; i < 20; i++) {
                g.writeStartObject();
                g.writeFieldName("id");
                g.writeNumber(i * 1_000_003L);
                g.writeFieldName("d");
                g.writeNumber(new BigDecimal(BigInteger.valueOf(i).pow(30), i));
                g.writeFieldName("s");
                g.writeString("Zoë " + i);
                g.writeFieldName("x");
                g.writeNumber(i / 3.0);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = seed.clone();
            for (int m = 1 + random.nextInt(4); m > 0; m--) {
                input[random.nextInt(input.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                input = Arrays.copyOf(input, random.nextInt(input.length));
            }
            try (JsonParser p = ours(input)) {
                while (p.nextToken() != null) {
                    if (p.currentToken().isNumeric()) {
                        p.getNumberValue();
                    }
                }
            } catch (JsonProcessingException expected) {
                // refused: fine
            } catch (RuntimeException | IOException e) {
                fail("case " + i + " threw " + e, e);
            }
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
