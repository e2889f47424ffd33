package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.TSFBuilder;
import io.dictdb.FileFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * What differs between the two database file formats: the Jackson generator and parser, the fixed bytes that
 * open a file we wrote, and the checksum trailer that closes it. The model written inside is the same
 * ({@link SnapshotWriter}, {@link SnapshotReader}).
 *
 * <p>Both formats end with a fixed-length trailer holding the CRC32C of every byte before it; it is the last
 * entry of the top-level object, so the file stays one well-formed JSON or CBOR document.
 */
abstract class SnapshotFormat {
    private static final SnapshotFormat JSON = new JsonSnapshotFormat();
    private static final SnapshotFormat CBOR = new CborSnapshotFormat();

    /**
     * The format implementation of a file format.
     *
     * @param format the public file format
     * @return its implementation
     */
    static SnapshotFormat of(FileFormat format) {
        switch (format) {
            case JSON:
                return JSON;
            case CBOR:
                return CBOR;
            default:
                throw new AssertionError(format);
        }
    }

    /**
     * Applies the settings shared by both formats: no auto-closing, fast doubles, limits that bound parsing work.
     *
     * @param builder the factory builder
     * @param <F>     the factory type
     * @param <B>     the builder type
     * @return the builder
     */
    static <F extends JsonFactory, B extends TSFBuilder<F, B>> B configure(B builder) {
        return builder
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        // Anything we can hold in memory we can save, so we must be able to read it back.
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        // Bounds the cost of parsing one number (BigDecimal parsing is superlinear).
                        .maxNumberLength(ValueCodec.MAX_DECIMAL_CHARS)
                        .build());
    }

    /**
     * Opens a generator that writes the format to a stream (not closed by the generator).
     *
     * @param out the stream
     * @return the generator
     * @throws IOException when the generator cannot be created
     */
    abstract JsonGenerator createGenerator(OutputStream out) throws IOException;

    /**
     * Opens a parser over a stream (not closed by the parser).
     *
     * @param in the stream
     * @return the parser
     * @throws IOException when the parser cannot be created
     */
    abstract JsonParser createParser(InputStream in) throws IOException;

    /** @return the bytes every file we write starts with */
    abstract byte[] header();

    /**
     * Whether every file of this format must be one we wrote (and so carry a checksum). False for JSON, which
     * also reads the Python DictDB's files.
     *
     * @return true when a checksum is always required
     */
    abstract boolean checksumAlwaysRequired();

    /** @return the length of the trailer in bytes */
    abstract int trailerLength();

    /**
     * The trailer holding a checksum.
     *
     * @param crc the CRC32C of every byte before the trailer
     * @return the trailer's bytes
     */
    abstract byte[] trailer(int crc);

    /**
     * The checksum held by a trailer.
     *
     * @param tail the last {@link #trailerLength()} bytes of a file
     * @return the checksum, or -1 when these bytes are not a well-formed trailer
     */
    abstract long checksumOf(byte[] tail);

    /**
     * Whether a file starts like the files we write.
     *
     * @param head the first bytes of the file (up to the header's length)
     * @return true when they equal the header
     */
    final boolean startsWithHeader(byte[] head) {
        return Arrays.equals(head, header());
    }
}
