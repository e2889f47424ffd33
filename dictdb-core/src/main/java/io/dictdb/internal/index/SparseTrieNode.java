package io.dictdb.internal.index;

import io.dictdb.Row;

import java.util.Arrays;

/**
 * A {@link LongTrie} node with few children: a 128-bit map of the digits present ({@code low} for digits 0-63,
 * {@code high} for 64-127) and a compact array of their children in digit order. It keeps sparse key sets (large,
 * scattered integers) from paying 128 slots per entry.
 *
 * <p>Invariants: {@code slots} holds {@code count()} entries in digit order, followed only by null slack while
 * the node is owned by an unpublished edit; at the bottom level of the trie {@code slots} is a {@code Row[]}. A node
 * owned by an edit token is changed in place by that edit; any other node is copied first ({@link #editable}).
 */
final class SparseTrieNode {
    final Object owner;
    long low;
    long high;
    Object[] slots;

    private SparseTrieNode(Object owner, long low, long high, Object[] slots) {
        this.owner = owner;
        this.low = low;
        this.high = high;
        this.slots = slots;
    }

    /** An empty node; {@code leaf} gives it the {@code Row[]} slots of the bottom level. */
    static SparseTrieNode empty(Object owner, boolean leaf, int capacity) {
        return new SparseTrieNode(owner, 0, 0, leaf ? new Row[capacity] : new Object[capacity]);
    }

    /** An inner node whose only child, at digit 0, is {@code child}. */
    static SparseTrieNode withFirstChild(Object owner, Object child) {
        return new SparseTrieNode(owner, 1L, 0, new Object[]{child});
    }

    /** @return the number of children */
    int count() {
        return Long.bitCount(low) + Long.bitCount(high);
    }

    /** Whether a digit (0-127) has a child. Java shifts a long by the count's low 6 bits, hence no subtraction. */
    boolean has(int digit) {
        return ((digit < 64 ? low : high) & (1L << digit)) != 0;
    }

    /** The position of a digit's child in {@code slots}: the number of present digits below it. */
    int rank(int digit) {
        long below = (1L << digit) - 1;
        return digit < 64 ? Long.bitCount(low & below) : Long.bitCount(low) + Long.bitCount(high & below);
    }

    /** The child of a digit, or null. */
    Object child(int digit) {
        return has(digit) ? slots[rank(digit)] : null;
    }

    /**
     * The row of a digit at the bottom level, or null. The array is cast rather than the element, so that
     * handing the row out does not read the row's own memory.
     */
    Row row(int digit) {
        return has(digit) ? ((Row[]) slots)[rank(digit)] : null;
    }

    /** The smallest present digit {@code >= from} (0-128), or -1 when there is none. */
    int nextDigit(int from) {
        if (from < 64) {
            long bits = low & (-1L << from);
            if (bits != 0) {
                return Long.numberOfTrailingZeros(bits);
            }
            from = 64;
        }
        if (from >= 128) {
            return -1;
        }
        long bits = high & (-1L << from);
        return bits == 0 ? -1 : 64 + Long.numberOfTrailingZeros(bits);
    }

    /** This node if owned by the token (with room for {@code extra} more children), else a copy. */
    SparseTrieNode editable(Object token, int extra) {
        int count = count();
        if (token != null && owner == token) {
            if (slots.length < count + extra) {
                // Arrays.copyOf keeps the component type (Row[] at the bottom level).
                slots = Arrays.copyOf(slots,
                        Math.min(LongTrie.SPARSE_MAX, Math.max(count + extra, slots.length * 2)));
            }
            return this;
        }
        return new SparseTrieNode(token, low, high, Arrays.copyOf(slots, count + extra));
    }

    /** Adds a child at a digit that has none; the node must be editable with room for one more. */
    SparseTrieNode insert(int digit, Object child) {
        int idx = rank(digit);
        System.arraycopy(slots, idx, slots, idx + 1, count() - idx);
        slots[idx] = child;
        if (digit < 64) {
            low |= 1L << digit;
        } else {
            high |= 1L << digit;
        }
        return this;
    }

    /** Removes the child of a present digit; the node must be editable. */
    SparseTrieNode delete(int digit) {
        int idx = rank(digit);
        int count = count();
        System.arraycopy(slots, idx + 1, slots, idx, count - idx - 1);
        slots[count - 1] = null;
        if (digit < 64) {
            low &= ~(1L << digit);
        } else {
            high &= ~(1L << digit);
        }
        return this;
    }

    /** Copies the children into a dense node's slots, each at its digit. */
    void copyInto(Object[] dense) {
        int i = 0;
        for (int d = nextDigit(0); d >= 0; d = nextDigit(d + 1)) {
            dense[d] = slots[i++];
        }
    }
}
