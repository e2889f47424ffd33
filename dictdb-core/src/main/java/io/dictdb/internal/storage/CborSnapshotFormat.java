package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The CBOR database file (RFC 8949): the self-described CBOR tag 55799, then a map of three entries whose last
 * one is {@code "checksum"} holding the CRC32C as a 4-byte byte string (big-endian). Every CBOR file must be one
 * we wrote: a file without a valid checksum is refused.
 */
final class CborSnapshotFormat extends SnapshotFormat {
    private static final byte[] CHECKSUM_KEY = SnapshotLayout.CHECKSUM.getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER_LENGTH = 1 + CHECKSUM_KEY.length + 1 + 4;
    private static final byte[] HEADER = header(SnapshotLayout.FORMAT_VERSION);

    private final CBORFactory factory = configure(CBORFactory.builder())
            .enable(CBORGenerator.Feature.WRITE_TYPE_HEADER)
            .build();

    private static byte[] header(String versionKey) {
        byte[] key = versionKey.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xd9); // tag 55799, "self-described CBOR"
        out.write(0xd9);
        out.write(0xf7);
        out.write(0xa3); // map of 3 entries
        out.write(0x60 + key.length); // text string of key.length (< 24) bytes
        out.write(key, 0, key.length);
        return out.toByteArray();
    }

    @Override
    JsonGenerator createGenerator(OutputStream out) throws IOException {
        return factory.createGenerator(out);
    }

    @Override
    JsonParser createParser(InputStream in) {
        return new CborFileParser(in, factory.streamReadConstraints());
    }

    @Override
    byte[] header() {
        return HEADER.clone();
    }

    @Override
    boolean checksumAlwaysRequired() {
        return true;
    }

    @Override
    int trailerLength() {
        return TRAILER_LENGTH;
    }

    @Override
    byte[] trailer(int crc) {
        byte[] t = new byte[TRAILER_LENGTH];
        t[0] = (byte) (0x60 + CHECKSUM_KEY.length);
        System.arraycopy(CHECKSUM_KEY, 0, t, 1, CHECKSUM_KEY.length);
        int at = 1 + CHECKSUM_KEY.length;
        t[at] = 0x44; // byte string of 4 bytes
        t[at + 1] = (byte) (crc >>> 24);
        t[at + 2] = (byte) (crc >>> 16);
        t[at + 3] = (byte) (crc >>> 8);
        t[at + 4] = (byte) crc;
        return t;
    }

    @Override
    long checksumOf(byte[] tail) {
        if (tail.length != TRAILER_LENGTH || (tail[0] & 0xff) != 0x60 + CHECKSUM_KEY.length) {
            return -1;
        }
        for (int i = 0; i < CHECKSUM_KEY.length; i++) {
            if (tail[1 + i] != CHECKSUM_KEY[i]) {
                return -1;
            }
        }
        int at = 1 + CHECKSUM_KEY.length;
        if ((tail[at] & 0xff) != 0x44) {
            return -1;
        }
        return ((tail[at + 1] & 0xffL) << 24) | ((tail[at + 2] & 0xffL) << 16) | ((tail[at + 3] & 0xffL) << 8)
                | (tail[at + 4] & 0xffL);
    }
}
