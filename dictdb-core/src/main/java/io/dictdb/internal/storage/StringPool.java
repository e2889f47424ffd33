package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * Shares equal short strings read from one file: a loaded table keeps one String per distinct value of a
 * categorical field ({@code "dept3"}) instead of one per row, which makes the loaded database smaller and
 * cheaper for the garbage collector to move. A repeated value is found from the parser's characters, without
 * building a String.
 *
 * <p>A direct-mapped cache of recent strings (one slot per hash bucket, no chaining): a lookup costs a hash and
 * at most one comparison, a miss replaces the slot, so unique values cost little and the pool never grows.
 * Not thread-safe: one per parsing thread.
 */
final class StringPool {
    /** Longer strings are rarely repeated and costlier to hash: they are not pooled. */
    static final int MAX_LENGTH = 32;
    private static final int SLOTS = 1024;

    private final String[] slots = new String[SLOTS];
    /** The hash of each pooled string ({@link String#hashCode()}). */
    private final int[] hashes = new int[SLOTS];

    /**
     * The text of the parser's current string token, as the pooled instance when an equal string is pooled.
     *
     * @param p a parser on a string token
     * @return the text
     * @throws IOException when the text cannot be read
     */
    String text(JsonParser p) throws IOException {
        if (!p.hasTextCharacters()) {
            // The parser built a String already (CBOR does for short texts): pool that one.
            return share(p.getText());
        }
        int length = p.getTextLength();
        if (length > MAX_LENGTH) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[offset + i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String pooled = slots[slot];
        // Comparing the hashes first makes a miss (a value that never repeats) cost no character comparison.
        if (pooled != null && hashes[slot] == h && sameText(pooled, chars, offset, length)) {
            return pooled;
        }
        String text = new String(chars, offset, length);
        slots[slot] = text;
        hashes[slot] = h;
        return text;
    }

    /**
     * The pooled instance equal to a string, the string itself when none is pooled (it then takes the slot).
     *
     * @param s a string
     * @return an equal string
     */
    String share(String s) {
        int length = s.length();
        if (length > MAX_LENGTH) {
            return s;
        }
        int h = s.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String pooled = slots[slot];
        if (pooled != null && hashes[slot] == h && pooled.equals(s)) {
            return pooled;
        }
        slots[slot] = s;
        hashes[slot] = h;
        return s;
    }

    private static boolean sameText(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
