package io.dictdb.internal.index;

import io.dictdb.Row;
import io.dictdb.internal.value.Values;

import java.math.BigDecimal;

/**
 * The rows of a table by primary key, in key order. Keys whose value is a non-negative integer (a {@code Long},
 * or a {@code Double} or {@code BigDecimal} with such a value — equal keys by DictDB's rules) live in a
 * {@link LongTrie}, addressed by that integer; every other key (strings, UUIDs, negative or fractional numbers,
 * ...) lives in a {@link BTree}. Iteration merges both into DictDB's total order.
 *
 * <p>Immutable; updates return new maps (see {@link BTree} for edit tokens).
 */
public final class KeyMap {
    private static final KeyMap EMPTY = new KeyMap(LongTrie.empty(), BTree.emptyOfRows());
    private static final double TWO_POW_63 = 9.223372036854775807E18;

    private final LongTrie integers;
    private final BTree others;

    private KeyMap(LongTrie integers, BTree others) {
        this.integers = integers;
        this.others = others;
    }

    /** @return the empty map */
    public static KeyMap empty() {
        return EMPTY;
    }

    /**
     * The trie slot of a key: its value when it is a non-negative integer that fits a long, else -1.
     *
     * @param key a normalised key
     * @return the slot, or -1
     */
    public static long slot(Object key) {
        if (key instanceof Long) {
            long v = (Long) key;
            return v >= 0 ? v : -1;
        }
        if (key instanceof Double) {
            double d = (Double) key;
            return d >= 0 && d < TWO_POW_63 && d == Math.rint(d) ? (long) d : -1;
        }
        if (key instanceof BigDecimal) {
            BigDecimal b = (BigDecimal) key;
            if (b.signum() < 0) {
                return -1;
            }
            try {
                return b.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException notIntegral) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The part holding the keys that have a {@link #slot}, addressed by that slot.
     *
     * @return the integer-keyed part
     */
    public LongTrie integers() {
        return integers;
    }

    /**
     * The value of a key that has no {@link #slot}.
     *
     * @param key a normalised key whose slot is -1
     * @return the value, or null
     */
    public Row getOther(Object key) {
        return (Row) others.get(key);
    }

    /** @return the number of entries */
    public int size() {
        return integers.size() + others.size();
    }

    /** @return whether the map is empty */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The value of a key.
     *
     * @param key a normalised key
     * @return the value, or null
     */
    public Row get(Object key) {
        long slot = slot(key);
        return slot >= 0 ? integers.get(slot) : (Row) others.get(key);
    }

    /**
     * The map with a key mapped to a value.
     *
     * @param key   a normalised key
     * @param value the value
     * @param token the edit token
     * @return the new map
     */
    public KeyMap put(Object key, Row value, Object token) {
        return update(key, value, token, false);
    }

    /**
     * The map with a key mapped to a value unless it is present.
     *
     * @param key   a normalised key
     * @param value the value
     * @param token the edit token
     * @return the new map, or this map (same size) when the key was present
     */
    public KeyMap putIfAbsent(Object key, Row value, Object token) {
        return update(key, value, token, true);
    }

    private KeyMap update(Object key, Row value, Object token, boolean onlyIfAbsent) {
        long slot = slot(key);
        if (slot >= 0) {
            LongTrie t = integers.put(slot, value, token, onlyIfAbsent);
            return t == integers ? this : new KeyMap(t, others);
        }
        BTree b = onlyIfAbsent ? others.putIfAbsent(key, value, token) : others.put(key, value, token);
        return b == others ? this : new KeyMap(integers, b);
    }

    /**
     * The map without a key.
     *
     * @param key   a normalised key
     * @param token the edit token
     * @return the new map
     */
    public KeyMap remove(Object key, Object token) {
        long slot = slot(key);
        if (slot >= 0) {
            LongTrie t = integers.remove(slot, token);
            return t == integers ? this : new KeyMap(t, others);
        }
        BTree b = others.remove(key, token);
        return b == others ? this : new KeyMap(integers, b);
    }

    /**
     * Visits every value in ascending key order (DictDB's total order), the fast way when keys are not needed.
     *
     * @param visitor receives each value; returns false to stop
     * @return false when the visitor stopped early
     */
    public boolean forEachValue(RowVisitor visitor) {
        if (others.isEmpty()) {
            return integers.forEachValue(visitor);
        }
        return forEach((k, v) -> visitor.visit((Row) v));
    }

    /**
     * Visits every entry in ascending key order (DictDB's total order). Keys of the integer part are given as
     * {@code Long}s; the stored rows hold the keys as they were given.
     *
     * @param visitor the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEach(BTree.Visitor visitor) {
        if (others.isEmpty()) {
            return integers.forEach((k, v) -> visitor.visit(k, v));
        }
        if (integers.size() == 0) {
            return others.forEach(visitor);
        }
        BTree.Cursor cursor = others.cursor();
        boolean[] pending = {cursor.next()};
        boolean completed = integers.forEach((k, v) -> {
            Long key = k;
            while (pending[0] && Values.compare(cursor.key(), key) < 0) {
                if (!visitor.visit(cursor.key(), cursor.value())) {
                    return false;
                }
                pending[0] = cursor.next();
            }
            return visitor.visit(key, v);
        });
        if (!completed) {
            return false;
        }
        while (pending[0]) {
            if (!visitor.visit(cursor.key(), cursor.value())) {
                return false;
            }
            pending[0] = cursor.next();
        }
        return true;
    }
}
