package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import com.fasterxml.jackson.core.io.ContentReference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The parser of CBOR database files (RFC 8949), a Jackson {@link com.fasterxml.jackson.core.JsonParser} that
 * {@link SnapshotReader} and {@link ValueCodec} read like any other. It exists for loading speed: a record of a
 * large table costs a few byte comparisons per field. The usual fields of a record are read in one loop straight
 * from the buffer ({@link #readPlainFields}); otherwise an expected field name is matched on its bytes
 * ({@link #nextFieldName(SerializableString)}), a short ASCII value is offered as characters (so that the reader's
 * {@link StringPool} finds a repeated one without a new String), and numbers are decoded without an intermediate
 * object.
 *
 * <p>It reads every well-formed CBOR data item the way Jackson's CBOR parser does for what our files contain:
 * integers (INT, LONG or BIG_INTEGER as they fit; tags 2 and 3 as BIG_INTEGER, tag 3 holding the negated
 * magnitude as Jackson's generator writes it), floats of 16, 32 and 64 bits, tag 4 (decimal fraction) as a
 * BIG_DECIMAL float, text and byte strings (definite or chunked), arrays and maps
 * (definite or indefinite), false, true, null and undefined (as null); other tags are ignored. It refuses, with a
 * {@link JsonParseException} giving the byte offset, everything else: a map key that is not text, other simple
 * values, reserved encodings, a break out of place, text that is not UTF-8, the end of input inside an item, a
 * number longer than the constraints allow, nesting deeper than they allow. Lengths announced by the input are
 * never trusted for allocation: long strings grow as their bytes arrive.
 *
 * <p>Invariants: {@code depth} is the number of open containers; {@code contexts[depth]} describes the innermost
 * (the root context when 0), and for a definite container {@code remaining} counts its items not yet read (keys
 * and values for a map). The parser never closes its stream (the caller owns it).
 */
final class CborFileParser extends ParserMinimalBase {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final int TAG_BIGNUM_POS = 2;
    private static final int TAG_BIGNUM_NEG = 3;
    private static final int TAG_DECIMAL_FRACTION = 4;
    private static final int BREAK = 0xff;
    /** The most bytes one field read by {@link #readPlainFields} spans: a name, a header, a short text. */
    private static final int PLAIN_FIELD_MAX = 1 + 23 + 2 + StringPool.MAX_LENGTH;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int pos;
    private int end;
    /** Bytes consumed before {@code buffer[0]}. */
    private long bufferStart;
    private boolean eof;
    private boolean closed;
    private ObjectCodec codec;

    private final Utf8Decoder utf8 = new Utf8Decoder();
    private final int maxDepth;
    private final int maxNumberLength;
    private Context[] contexts = new Context[16];
    private int depth;
    private long tokenStart;

    /** The current text (string value or field name), or null while an ASCII value is left in the buffer. */
    private String text;
    /** An ASCII string value not decoded yet: its bytes are {@code buffer[asciiStart, asciiStart + asciiLength)}. */
    private int asciiStart;
    private int asciiLength = -1;
    private char[] chars = new char[64];
    private byte[] binary;
    private NumberType numberType;
    private long longValue;
    private double doubleValue;
    private float floatValue;
    private BigInteger bigInteger;
    private BigDecimal decimal;

    /**
     * A parser over a stream.
     *
     * @param in          the file's bytes (not closed by the parser)
     * @param constraints the limits on nesting depth and number length
     */
    CborFileParser(InputStream in, StreamReadConstraints constraints) {
        super(constraints);
        this.in = in;
        this.maxDepth = constraints.getMaxNestingDepth();
        this.maxNumberLength = constraints.getMaxNumberLength();
        contexts[0] = new Context(null, JsonStreamContext.TYPE_ROOT);
    }

    // ------------------------------------------------------------------ tokens

    @Override
    public JsonToken nextToken() throws IOException {
        text = null;
        asciiLength = -1;
        binary = null;
        numberType = null;
        if (closed) {
            return _currToken = null;
        }
        Context ctx = contexts[depth];
        if (depth == 0) {
            if (!ensureOrEnd(1)) {
                return _currToken = null;
            }
            tokenStart = offset();
            return _currToken = value(next());
        }
        tokenStart = offset();
        if (ctx.remaining == 0) {
            return _currToken = close(ctx);
        }
        int initial = next();
        if (ctx.remaining < 0 && initial == BREAK) {
            if (ctx.inObject() && !ctx.expectName) {
                throw error("Break marker in place of a map value");
            }
            return _currToken = close(ctx);
        }
        if (ctx.remaining > 0) {
            ctx.remaining--;
        }
        if (ctx.inObject() && ctx.expectName) {
            ctx.expectName = false;
            ctx.name = name(initial);
            return _currToken = JsonToken.FIELD_NAME;
        }
        ctx.advance();
        ctx.expectName = ctx.inObject();
        return _currToken = value(initial);
    }

    /**
     * Moves to the next token, expecting a given field name: when the next item is that name (the usual case
     * for the records of a table, whose names repeat), it is matched on its bytes, without decoding or hashing.
     *
     * @param expected the expected field name
     * @return whether the next token is that field name (as {@code nextToken() == FIELD_NAME} with that name)
     * @throws IOException when the input is malformed
     */
    @Override
    public boolean nextFieldName(SerializableString expected) throws IOException {
        Context ctx = contexts[depth];
        if (depth > 0 && ctx.expectName && ctx.remaining != 0 && !closed) {
            byte[] bytes = expected.asUnquotedUTF8();
            int n = bytes.length;
            if (n < 24 && ensureOrEnd(1 + n) && (buffer[pos] & 0xff) == 0x60 + n && sameBytes(bytes, pos + 1)) {
                text = null;
                asciiLength = -1;
                binary = null;
                numberType = null;
                tokenStart = offset();
                pos += 1 + n;
                if (ctx.remaining > 0) {
                    ctx.remaining--;
                }
                ctx.expectName = false;
                ctx.name = expected.getValue();
                _currToken = JsonToken.FIELD_NAME;
                return true;
            }
        }
        return nextToken() == JsonToken.FIELD_NAME && expected.getValue().equals(ctx.name);
    }

    private boolean sameBytes(byte[] bytes, int at) {
        return Arrays.equals(buffer, at, at + bytes.length, bytes, 0, bytes.length);
    }

    /**
     * Reads, straight from the input buffer, the next fields of the map being read, as long as they have the
     * expected names in order and a plain value: an integer that fits a long, a float64, a short ASCII text, a
     * boolean or null. The values are what {@link ValueCodec} reads for them without a schema type (a Long, a
     * Double, a String shared through the pool, a Boolean, null). It stops before the first field it cannot read
     * this way (another name, another kind of value, the end of the map or of the buffered input), which is then
     * read token by token as usual; the parser's position and context are as if the fields read had been read
     * token by token, but the current token's value is not available through the getters.
     *
     * @param names   the expected field names by position
     * @param encoded their UTF-8 bytes
     * @param plain   by position, whether a value there may be read without its field's schema type
     * @param strings the pool sharing equal short strings
     * @param values  where the values go, by position
     * @param from    the first position to read
     * @return the position of the first field not read
     * @throws IOException when more input cannot be read
     */
    int readPlainFields(String[] names, byte[][] encoded, boolean[] plain, StringPool strings, Object[] values,
                        int from) throws IOException {
        Context ctx = contexts[depth];
        int i = from;
        JsonToken last = null;
        while (i < names.length && plain[i] && depth > 0 && ctx.expectName && ctx.remaining >= 2
                && ensureOrEnd(PLAIN_FIELD_MAX)) {
            byte[] name = encoded[i];
            int at = pos;
            if (name.length > 23 || (buffer[at] & 0xff) != 0x60 + name.length || !sameBytes(name, at + 1)) {
                break;
            }
            at += 1 + name.length;
            int initial = buffer[at++] & 0xff;
            int info = initial & 31;
            Object value;
            if (initial < 0x40 && info < 28) {
                int size = info < 24 ? 0 : 1 << (info - 24);
                long n = info < 24 ? info : bigEndian(at, size);
                if (n < 0) {
                    break; // beyond a long: a BigDecimal, read the usual way
                }
                at += size;
                value = initial < 0x20 ? n : -1 - n;
                last = JsonToken.VALUE_NUMBER_INT;
            } else if (initial == 0xfb) {
                value = Double.longBitsToDouble(bigEndian(at, 8));
                at += 8;
                last = JsonToken.VALUE_NUMBER_FLOAT;
            } else if (initial >= 0x60 && initial <= 0x78) {
                int length = initial == 0x78 ? buffer[at++] & 0xff : info;
                if (length > StringPool.MAX_LENGTH || !Utf8Decoder.isAscii(buffer, at, length)) {
                    break;
                }
                value = strings.share(new String(buffer, at, length, StandardCharsets.ISO_8859_1));
                at += length;
                last = JsonToken.VALUE_STRING;
            } else if (initial >= 0xf4 && initial <= 0xf6) {
                value = initial == 0xf6 ? null : initial == 0xf5;
                last = initial == 0xf6 ? JsonToken.VALUE_NULL
                        : initial == 0xf5 ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
            } else {
                break;
            }
            tokenStart = offset();
            pos = at;
            ctx.remaining -= 2;
            ctx.advance();
            ctx.name = names[i];
            values[i] = value;
            i++;
        }
        if (last != null) {
            text = null;
            asciiLength = -1;
            binary = null;
            numberType = null;
            _currToken = last;
        }
        return i;
    }

    private long bigEndian(int at, int size) {
        long v = 0;
        for (int k = 0; k < size; k++) {
            v = (v << 8) | (buffer[at + k] & 0xff);
        }
        return v;
    }

    private JsonToken close(Context ctx) {
        boolean object = ctx.inObject();
        depth--;
        contexts[depth].expectName = contexts[depth].inObject();
        return object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    private JsonToken value(int initial) throws IOException {
        int major = initial >>> 5;
        int info = initial & 31;
        while (major == 6) {
            long tag = argument(info);
            if (tag == TAG_BIGNUM_POS || tag == TAG_BIGNUM_NEG) {
                return bignum(tag == TAG_BIGNUM_NEG);
            }
            if (tag == TAG_DECIMAL_FRACTION) {
                return decimalFraction();
            }
            // Other tags (the self-described CBOR mark 55799 first) do not change the value.
            initial = next();
            major = initial >>> 5;
            info = initial & 31;
        }
        switch (major) {
            case 0:
                return unsigned(argument(info));
            case 1:
                return negative(argument(info));
            case 2:
                binary = bytes(2, info);
                return JsonToken.VALUE_EMBEDDED_OBJECT;
            case 3:
                stringValue(info);
                return JsonToken.VALUE_STRING;
            case 4:
                open(JsonStreamContext.TYPE_ARRAY, length(info, 1));
                return JsonToken.START_ARRAY;
            case 5:
                open(JsonStreamContext.TYPE_OBJECT, length(info, 2));
                return JsonToken.START_OBJECT;
            default:
                return simple(info);
        }
    }

    private JsonToken simple(int info) throws IOException {
        switch (info) {
            case 20:
                return JsonToken.VALUE_FALSE;
            case 21:
                return JsonToken.VALUE_TRUE;
            case 22:
            case 23:
                return JsonToken.VALUE_NULL;
            case 25:
                floatValue = halfFloat(fixed(2));
                numberType = NumberType.FLOAT;
                return JsonToken.VALUE_NUMBER_FLOAT;
            case 26:
                floatValue = Float.intBitsToFloat((int) fixed(4));
                numberType = NumberType.FLOAT;
                return JsonToken.VALUE_NUMBER_FLOAT;
            case 27:
                doubleValue = Double.longBitsToDouble(fixed(8));
                numberType = NumberType.DOUBLE;
                return JsonToken.VALUE_NUMBER_FLOAT;
            case 31:
                throw error("Unexpected break marker");
            default:
                throw error("Unsupported CBOR simple value " + info);
        }
    }

    private JsonToken unsigned(long n) {
        if (n >= 0) {
            return integer(n);
        }
        bigInteger = new BigInteger(Long.toUnsignedString(n));
        numberType = NumberType.BIG_INTEGER;
        return JsonToken.VALUE_NUMBER_INT;
    }

    private JsonToken negative(long n) {
        if (n >= 0) {
            return integer(-1 - n);
        }
        bigInteger = new BigInteger(Long.toUnsignedString(n)).not();
        numberType = NumberType.BIG_INTEGER;
        return JsonToken.VALUE_NUMBER_INT;
    }

    private JsonToken integer(long value) {
        longValue = value;
        numberType = value == (int) value ? NumberType.INT : NumberType.LONG;
        return JsonToken.VALUE_NUMBER_INT;
    }

    private JsonToken bignum(boolean negative) throws IOException {
        int initial = next();
        if (initial >>> 5 != 2) {
            throw error("A big integer must hold a byte string");
        }
        byte[] magnitude = bytes(2, initial & 31);
        if (magnitude.length > maxNumberLength) {
            throw error("Big integer of " + magnitude.length + " bytes exceeds the limit of " + maxNumberLength);
        }
        // As Jackson's CBOR generator writes them: the two's-complement bytes of the magnitude, negated for tag 3
        // (RFC 8949 would hold the magnitude minus one there); files we wrote must read back as they were.
        BigInteger value = magnitude.length == 0 ? BigInteger.ZERO : new BigInteger(magnitude);
        bigInteger = negative ? value.negate() : value;
        numberType = NumberType.BIG_INTEGER;
        return JsonToken.VALUE_NUMBER_INT;
    }

    private JsonToken decimalFraction() throws IOException {
        if (next() != 0x82) {
            throw error("A decimal fraction must be an array of two integers");
        }
        integerItem(false);
        if (numberType != NumberType.INT || longValue == Integer.MIN_VALUE) {
            throw error("The exponent of a decimal fraction must be an int");
        }
        int exponent = (int) longValue;
        integerItem(true);
        decimal = numberType == NumberType.BIG_INTEGER
                ? new BigDecimal(bigInteger, -exponent)
                : BigDecimal.valueOf(longValue, -exponent);
        bigInteger = null;
        numberType = NumberType.BIG_DECIMAL;
        return JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** Reads an integer inside a decimal fraction: a plain one, or a big integer when {@code big} is allowed. */
    private void integerItem(boolean big) throws IOException {
        int initial = next();
        int major = initial >>> 5;
        int info = initial & 31;
        if (major == 0) {
            unsigned(argument(info));
            return;
        }
        if (major == 1) {
            negative(argument(info));
            return;
        }
        if (big && major == 6) {
            long tag = argument(info);
            if (tag == TAG_BIGNUM_POS || tag == TAG_BIGNUM_NEG) {
                bignum(tag == TAG_BIGNUM_NEG);
                return;
            }
        }
        throw error("A decimal fraction must hold two integers");
    }

    private void open(int type, long items) throws IOException {
        if (depth + 1 > maxDepth) {
            throw error("Document nesting depth (" + (depth + 1) + ") exceeds the maximum allowed ("
                    + maxDepth + ")");
        }
        depth++;
        if (depth == contexts.length) {
            contexts = Arrays.copyOf(contexts, depth * 2);
        }
        Context ctx = contexts[depth];
        if (ctx == null) {
            ctx = new Context(contexts[depth - 1], type);
            contexts[depth] = ctx;
        }
        ctx.reset(type, items);
    }

    /** The item count of a container: {@code per} items by entry, -1 when indefinite. */
    private long length(int info, int per) throws IOException {
        if (info == 31) {
            return -1;
        }
        long n = argument(info);
        if (n < 0 || n > Long.MAX_VALUE / per) {
            throw error("Container length out of range");
        }
        return n * per;
    }

    private String name(int initial) throws IOException {
        if (initial >>> 5 != 3) {
            throw error("Field names must be text strings (found major type " + (initial >>> 5) + ")");
        }
        return text(initial & 31);
    }

    /**
     * Reads a string value: a short ASCII one is left in the buffer, offered as characters
     * ({@link #hasTextCharacters()}) so that a pool can find a repeated value without a new String.
     */
    private void stringValue(int info) throws IOException {
        if (info < 28) {
            int length = stringLength(info);
            if (length <= BUFFER_SIZE / 2) {
                ensure(length);
                if (Utf8Decoder.isAscii(buffer, pos, length)) {
                    asciiStart = pos;
                    asciiLength = length;
                    pos += length;
                    return;
                }
            }
            text = textOfLength(length);
            return;
        }
        text = text(info);
    }

    /** A text string, whatever its length. */
    private String text(int info) throws IOException {
        if (info == 31) {
            return decode(chunks(3));
        }
        return textOfLength(stringLength(info));
    }

    /** A text string of known length (its header read). */
    private String textOfLength(int length) throws IOException {
        if (length > BUFFER_SIZE) {
            return decode(longBytes(length));
        }
        ensure(length);
        try {
            String s = utf8.decode(buffer, pos, length);
            pos += length;
            return s;
        } catch (Utf8Decoder.MalformedTextException e) {
            throw error(e.getMessage());
        }
    }

    private String decode(byte[] all) throws IOException {
        try {
            return utf8.decode(all, 0, all.length);
        } catch (Utf8Decoder.MalformedTextException e) {
            throw error(e.getMessage());
        }
    }

    private byte[] bytes(int major, int info) throws IOException {
        if (info == 31) {
            return chunks(major);
        }
        return longBytes(stringLength(info));
    }

    private int stringLength(int info) throws IOException {
        long length = argument(info);
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            throw error("String length out of range");
        }
        return (int) length;
    }

    /** The bytes of an indefinite-length string: definite chunks of the same major type, then a break. */
    private byte[] chunks(int major) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            int initial = next();
            if (initial == BREAK) {
                return all.toByteArray();
            }
            if (initial >>> 5 != major || (initial & 31) == 31) {
                throw error("Invalid chunk in an indefinite-length string");
            }
            all.writeBytes(longBytes(stringLength(initial & 31)));
        }
    }

    /** Reads {@code length} bytes, growing the result as they arrive (a corrupt length allocates nothing ahead). */
    private byte[] longBytes(int length) throws IOException {
        byte[] out = new byte[Math.min(length, BUFFER_SIZE)];
        int filled = 0;
        while (filled < length) {
            if (pos == end && !fill()) {
                throw error("Unexpected end of input inside a string of " + length + " bytes");
            }
            int n = Math.min(end - pos, length - filled);
            if (filled + n > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(length, Math.max((long) out.length * 2, filled + n)));
            }
            System.arraycopy(buffer, pos, out, filled, n);
            pos += n;
            filled += n;
        }
        return out;
    }

    /** The argument of an initial byte: the value itself below 24, else the 1, 2, 4 or 8 bytes that follow. */
    private long argument(int info) throws IOException {
        if (info < 24) {
            return info;
        }
        switch (info) {
            case 24:
                return fixed(1);
            case 25:
                return fixed(2);
            case 26:
                return fixed(4);
            case 27:
                return fixed(8);
            default:
                throw error("Invalid additional information " + info);
        }
    }

    /** A big-endian unsigned number of {@code n} bytes (8 bytes may come out negative: read it as unsigned). */
    private long fixed(int n) throws IOException {
        ensure(n);
        long v = bigEndian(pos, n);
        pos += n;
        return v;
    }

    private static float halfFloat(long bits) {
        int half = (int) bits;
        int exponent = (half >> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        float value;
        if (exponent == 0) {
            value = mantissa * 0x1p-24f;
        } else if (exponent == 31) {
            value = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            value = (1 + mantissa / 1024f) * (float) Math.pow(2, exponent - 15);
        }
        return (half & 0x8000) != 0 ? -value : value;
    }

    // ------------------------------------------------------------------ input

    private int next() throws IOException {
        if (pos == end && !fill()) {
            throw error("Unexpected end of input");
        }
        return buffer[pos++] & 0xff;
    }

    private void ensure(int n) throws IOException {
        if (!ensureOrEnd(n)) {
            throw error("Unexpected end of input");
        }
    }

    private boolean ensureOrEnd(int n) throws IOException {
        while (end - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Reads more input, keeping the unread bytes; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, end - pos);
            bufferStart += pos;
            end -= pos;
            pos = 0;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    private long offset() {
        return bufferStart + pos;
    }

    private JsonParseException error(String message) {
        return new JsonParseException(this, message);
    }

    // ------------------------------------------------------------------ values

    @Override
    public String getCurrentName() {
        Context ctx = contexts[depth];
        if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
            Context parent = (Context) ctx.getParent();
            return parent == null ? null : parent.name;
        }
        return ctx.name;
    }

    @Override
    public String currentName() {
        return getCurrentName();
    }

    @Override
    public void overrideCurrentName(String name) {
        contexts[depth].name = name;
    }

    @Override
    public String getText() throws IOException {
        if (_currToken == null) {
            return null;
        }
        switch (_currToken) {
            case VALUE_STRING:
                if (text == null) {
                    text = new String(buffer, asciiStart, asciiLength, StandardCharsets.ISO_8859_1);
                }
                return text;
            case FIELD_NAME:
                return contexts[depth].name;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return getNumberValue().toString();
            default:
                return _currToken.asString();
        }
    }

    @Override
    public char[] getTextCharacters() throws IOException {
        if (hasTextCharacters()) {
            if (chars.length < asciiLength) {
                chars = new char[Math.max(asciiLength, chars.length * 2)];
            }
            for (int i = 0; i < asciiLength; i++) {
                chars[i] = (char) buffer[asciiStart + i];
            }
            return chars;
        }
        String s = getText();
        return s == null ? null : s.toCharArray();
    }

    @Override
    public boolean hasTextCharacters() {
        return _currToken == JsonToken.VALUE_STRING && text == null;
    }

    @Override
    public int getTextLength() throws IOException {
        if (hasTextCharacters()) {
            return asciiLength;
        }
        String s = getText();
        return s == null ? 0 : s.length();
    }

    @Override
    public int getTextOffset() {
        return 0;
    }

    @Override
    public byte[] getBinaryValue(Base64Variant variant) throws IOException {
        if (_currToken != JsonToken.VALUE_EMBEDDED_OBJECT || binary == null) {
            throw error("Current token (" + _currToken + ") is not binary data");
        }
        return binary;
    }

    @Override
    public Object getEmbeddedObject() {
        return _currToken == JsonToken.VALUE_EMBEDDED_OBJECT ? binary : null;
    }

    @Override
    public Number getNumberValue() throws IOException {
        switch (requireNumber()) {
            case INT:
                return (int) longValue;
            case LONG:
                return longValue;
            case BIG_INTEGER:
                return bigInteger;
            case FLOAT:
                return floatValue;
            case DOUBLE:
                return doubleValue;
            default:
                return decimal;
        }
    }

    @Override
    public NumberType getNumberType() throws IOException {
        return numberType;
    }

    @Override
    public NumberTypeFP getNumberTypeFP() throws IOException {
        if (_currToken != JsonToken.VALUE_NUMBER_FLOAT) {
            return NumberTypeFP.UNKNOWN;
        }
        switch (numberType) {
            case FLOAT:
                return NumberTypeFP.FLOAT32;
            case DOUBLE:
                return NumberTypeFP.DOUBLE64;
            default:
                return NumberTypeFP.BIG_DECIMAL;
        }
    }

    private NumberType requireNumber() throws IOException {
        if (numberType == null) {
            throw error("Current token (" + _currToken + ") is not numeric");
        }
        return numberType;
    }

    @Override
    public int getIntValue() throws IOException {
        long value = getLongValue();
        if (value != (int) value) {
            throw error("Numeric value (" + value + ") out of range of int");
        }
        return (int) value;
    }

    @Override
    public long getLongValue() throws IOException {
        NumberType type = requireNumber();
        if (type == NumberType.INT || type == NumberType.LONG) {
            return longValue;
        }
        boolean fits = type == NumberType.BIG_INTEGER ? bigInteger.bitLength() <= 63
                : getDoubleValue() >= Long.MIN_VALUE && getDoubleValue() <= Long.MAX_VALUE;
        if (!fits) {
            throw error("Numeric value (" + getText() + ") out of range of long");
        }
        return getNumberValue().longValue();
    }

    @Override
    public BigInteger getBigIntegerValue() throws IOException {
        NumberType type = requireNumber();
        if (type == NumberType.BIG_INTEGER) {
            return bigInteger;
        }
        return type == NumberType.INT || type == NumberType.LONG ? BigInteger.valueOf(longValue)
                : getDecimalValue().toBigInteger();
    }

    @Override
    public float getFloatValue() throws IOException {
        return getNumberValue().floatValue();
    }

    @Override
    public double getDoubleValue() throws IOException {
        return numberType == NumberType.DOUBLE ? doubleValue : getNumberValue().doubleValue();
    }

    /** As Jackson does: a float's decimal is the one of its shortest text, an integer's is exact. */
    @Override
    public BigDecimal getDecimalValue() throws IOException {
        NumberType type = requireNumber();
        if (type == NumberType.BIG_DECIMAL) {
            return decimal;
        }
        if (type == NumberType.BIG_INTEGER) {
            return new BigDecimal(bigInteger);
        }
        if (type == NumberType.INT || type == NumberType.LONG) {
            return BigDecimal.valueOf(longValue);
        }
        String digits = getText();
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw error("Numeric value (" + digits + ") has no decimal value");
        }
    }

    // ------------------------------------------------------------------ parser state

    @Override
    protected void _handleEOF() throws JsonParseException {
        if (depth > 0) {
            throw error("Unexpected end of input inside a container");
        }
    }

    @Override
    public JsonStreamContext getParsingContext() {
        return contexts[depth];
    }

    @Override
    public JsonLocation getCurrentLocation() {
        return new JsonLocation(ContentReference.unknown(), offset(), -1, -1);
    }

    @Override
    public JsonLocation getTokenLocation() {
        return new JsonLocation(ContentReference.unknown(), tokenStart, -1, -1);
    }

    @Override
    public ObjectCodec getCodec() {
        return codec;
    }

    @Override
    public void setCodec(ObjectCodec codec) {
        this.codec = codec;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** One open container (or the root), reused for the next container at the same depth. */
    private static final class Context extends JsonStreamContext {
        private final Context parent;
        /** Items (keys and values for a map) not yet read; -1 for an indefinite-length container. */
        long remaining;
        /** In a map: whether the next item is a key. */
        boolean expectName;
        String name;

        Context(Context parent, int type) {
            super(type, -1);
            this.parent = parent;
        }

        void reset(int type, long items) {
            _type = type;
            _index = -1;
            remaining = items;
            expectName = type == TYPE_OBJECT;
            name = null;
        }

        /** Counts one more value read in this container. */
        void advance() {
            _index++;
        }

        @Override
        public JsonStreamContext getParent() {
            return parent;
        }

        @Override
        public String getCurrentName() {
            return name;
        }
    }
}
