package io.dictdb.internal.storage;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the UTF-8 bytes of CBOR text strings. Strict in the way Jackson's CBOR parser is: a byte sequence that
 * is not UTF-8 (a bad lead or continuation byte, an overlong form, a sequence cut short) is refused; a 3-byte
 * sequence encoding a lone surrogate is accepted, since a Java string holding one is written that way. Keeps one
 * buffer of characters between calls: not thread-safe, one per parser.
 */
final class Utf8Decoder {
    private char[] chars = new char[64];

    /**
     * Whether bytes are all ASCII (so that each byte is its own character).
     *
     * @param b      a buffer
     * @param offset where the bytes start
     * @param length how many bytes
     * @return true when no byte has its high bit set
     */
    static boolean isAscii(byte[] b, int offset, int length) {
        int bits = 0;
        for (int i = offset; i < offset + length; i++) {
            bits |= b[i];
        }
        return bits >= 0;
    }

    /**
     * The string of some bytes.
     *
     * @param b      a buffer
     * @param offset where the bytes start
     * @param length how many bytes
     * @return a new string
     * @throws MalformedTextException when the bytes are not UTF-8
     */
    String decode(byte[] b, int offset, int length) throws MalformedTextException {
        if (isAscii(b, offset, length)) {
            // Latin-1 decoding of ASCII is a plain copy into a compact string.
            return new String(b, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int c = b[i++] & 0xff;
            if (c < 0x80) {
                chars[n++] = (char) c;
                continue;
            }
            int extra;
            int code;
            if ((c & 0xe0) == 0xc0 && c >= 0xc2) {
                extra = 1;
                code = c & 0x1f;
            } else if ((c & 0xf0) == 0xe0) {
                extra = 2;
                code = c & 0x0f;
            } else if ((c & 0xf8) == 0xf0 && c <= 0xf4) {
                extra = 3;
                code = c & 0x07;
            } else {
                throw new MalformedTextException("Invalid UTF-8 start byte 0x" + Integer.toHexString(c));
            }
            if (i + extra > end) {
                throw new MalformedTextException("Truncated UTF-8 character");
            }
            for (int k = 0; k < extra; k++) {
                int d = b[i++] & 0xff;
                if ((d & 0xc0) != 0x80) {
                    throw new MalformedTextException("Invalid UTF-8 continuation byte 0x" + Integer.toHexString(d));
                }
                code = (code << 6) | (d & 0x3f);
            }
            if ((extra == 2 && code < 0x800) || (extra == 3 && (code < 0x10000 || code > 0x10ffff))) {
                throw new MalformedTextException("Overlong or out-of-range UTF-8 character");
            }
            if (code >= 0x10000) {
                code -= 0x10000;
                chars[n++] = (char) (0xd800 | (code >> 10));
                chars[n++] = (char) (0xdc00 | (code & 0x3ff));
            } else {
                chars[n++] = (char) code;
            }
        }
        return new String(chars, 0, n);
    }

    /** Bytes that are not UTF-8. */
    static final class MalformedTextException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedTextException(String message) {
            super(message, null, false, false);
        }
    }
}
