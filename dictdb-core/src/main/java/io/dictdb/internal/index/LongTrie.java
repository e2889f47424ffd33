package io.dictdb.internal.index;

import io.dictdb.Row;

import java.util.Arrays;

/**
 * A persistent (copy-on-write) radix trie from non-negative {@code long} keys to rows: 32-way nodes indexed by
 * successive 5-bit digits of the key. It stores the rows of the overwhelmingly common integer keys: a lookup is a
 * few shifts and array loads with no key comparison, which keeps a primary-key lookup at a hash map's cost, and
 * iteration in digit order is ascending key order.
 *
 * <p>Nodes come in two layouts. A <em>dense</em> node is a plain {@code Object[33]}: slot {@code d} holds digit
 * {@code d}'s child or value (null when absent) and slot 32 the edit token that owns the node; a lookup costs one
 * memory access per level. A <em>sparse</em> node holds a bitmap of present digits and a compact array, so sparse
 * key sets (large, scattered integers) do not pay 32 slots per entry. A sparse node becomes dense once it holds
 * more than {@link #SPARSE_MAX} entries (nodes never go back).
 *
 * <p>Invariants: the root covers keys below {@code 1L << (shift + 5)} (all keys when {@code shift == 60}); nodes
 * are never empty except an empty root; a sparse node's {@code slots} holds {@code bitCount(bitmap)} entries in
 * digit order (it may be longer, with null slack, only while owned by an unpublished edit). Edit tokens work as in
 * {@link BTree}: a node owned by the caller's token is changed in place, any other node is copied first.
 *
 * <p>Bottom-level arrays are typed {@code Row[]} (inner ones {@code Object[]}), so a lookup returns a {@code Row}
 * without a type check on the row itself: reading a row reference does not touch the row's memory, which keeps a
 * lookup that only hands the row out at the cost of the trie's own cache lines. This is why edit tokens are
 * {@code Row} instances ({@link BTree#newToken()}): they are stored in slot 32 of {@code Row[]} nodes.
 */
public final class LongTrie {
    private static final int MAX_SHIFT = 60;
    private static final int OWNER = 32;
    /** Entries a sparse node holds before it turns dense. */
    static final int SPARSE_MAX = 8;
    private static final LongTrie EMPTY = new LongTrie(new Sparse(null, 0, new Row[0]), 0, 0);

    private final Object root;
    private final int shift;
    private final int size;

    private LongTrie(Object root, int shift, int size) {
        this.root = root;
        this.shift = shift;
        this.size = size;
    }

    /**
     * The empty trie.
     *
     * @return the empty trie
     */
    public static LongTrie empty() {
        return EMPTY;
    }

    /** @return the number of entries */
    public int size() {
        return size;
    }

    private static boolean covers(int shift, long key) {
        return shift >= MAX_SHIFT || (key >>> (shift + 5)) == 0;
    }

    /**
     * The value of a key.
     *
     * @param key a non-negative key
     * @return the value, or null
     */
    public Row get(long key) {
        int s = shift;
        if (!covers(s, key)) {
            return null;
        }
        Object node = root;
        while (s > 0) {
            int digit = (int) (key >>> s) & 31;
            Object next;
            if (node instanceof Object[]) {
                next = ((Object[]) node)[digit];
            } else {
                Sparse sparse = (Sparse) node;
                int bit = 1 << digit;
                int bitmap = sparse.bitmap;
                next = (bitmap & bit) == 0 ? null : sparse.slots[Integer.bitCount(bitmap & (bit - 1))];
            }
            if (next == null) {
                return null;
            }
            node = next;
            s -= 5;
        }
        int digit = (int) key & 31;
        if (node instanceof Row[]) {
            return ((Row[]) node)[digit];
        }
        Sparse leaf = (Sparse) node;
        int bit = 1 << digit;
        int bitmap = leaf.bitmap;
        return (bitmap & bit) == 0 ? null : ((Row[]) leaf.slots)[Integer.bitCount(bitmap & (bit - 1))];
    }

    /**
     * The trie with a key mapped to a value.
     *
     * @param key          a non-negative key
     * @param value        the value, not null
     * @param token        the edit token, or null
     * @param onlyIfAbsent when true, a present key is left unchanged (and this trie returned)
     * @return the new trie, or this trie when nothing changed
     */
    public LongTrie put(long key, Row value, Object token, boolean onlyIfAbsent) {
        Object r = root;
        int s = shift;
        while (!covers(s, key)) {
            // Grow upwards: the old root becomes child 0 of a new root one level higher.
            r = isEmpty(r) ? new Sparse(token, 0, new Object[0]) : new Sparse(token, 1, new Object[]{r});
            s += 5;
        }
        int[] added = {0};
        Object newRoot = put(r, s, key, value, token, onlyIfAbsent, added);
        if (newRoot == root && s == shift && added[0] == 0) {
            return this;
        }
        return new LongTrie(newRoot, s, size + added[0]);
    }

    private static boolean isEmpty(Object node) {
        return node instanceof Sparse && ((Sparse) node).bitmap == 0;
    }

    private static Object put(Object node, int s, long key, Object value, Object token, boolean onlyIfAbsent,
                              int[] added) {
        int digit = (int) (key >>> s) & 31;
        Object current = child(node, digit);
        Object replacement;
        if (s == 0) {
            if (current != null && (onlyIfAbsent || current == value)) {
                return node;
            }
            replacement = value;
        } else {
            Object child = current != null ? current : new Sparse(token, 0, s == 5 ? new Row[2] : new Object[2]);
            replacement = put(child, s - 5, key, value, token, onlyIfAbsent, added);
            if (replacement == current) {
                return node;
            }
        }
        if (s == 0) {
            added[0] = current == null ? 1 : 0;
        }
        return withChild(node, digit, current != null, replacement, token, s == 0);
    }

    private static Object child(Object node, int digit) {
        if (node instanceof Object[]) {
            return ((Object[]) node)[digit];
        }
        Sparse sparse = (Sparse) node;
        int bit = 1 << digit;
        return (sparse.bitmap & bit) == 0 ? null : sparse.slots[Integer.bitCount(sparse.bitmap & (bit - 1))];
    }

    /** The node with digit {@code digit} set to {@code child}, in place when the token owns it. */
    private static Object withChild(Object node, int digit, boolean present, Object child, Object token,
                                    boolean leaf) {
        if (node instanceof Object[]) {
            Object[] dense = (Object[]) node;
            Object[] target = token != null && dense[OWNER] == token ? dense : copyDense(dense, token);
            target[digit] = child;
            return target;
        }
        Sparse sparse = (Sparse) node;
        int bit = 1 << digit;
        int idx = Integer.bitCount(sparse.bitmap & (bit - 1));
        if (present) {
            Sparse target = sparse.editable(token, 0);
            target.slots[idx] = child;
            return target;
        }
        if (Integer.bitCount(sparse.bitmap) >= SPARSE_MAX) {
            Object[] dense = leaf ? new Row[OWNER + 1] : new Object[OWNER + 1];
            int bitmap = sparse.bitmap;
            int i = 0;
            while (bitmap != 0) {
                dense[Integer.numberOfTrailingZeros(bitmap)] = sparse.slots[i++];
                bitmap &= bitmap - 1;
            }
            dense[digit] = child;
            dense[OWNER] = token;
            return dense;
        }
        return sparse.editable(token, 1).insert(bit, idx, child);
    }

    private static Object[] copyDense(Object[] dense, Object token) {
        Object[] copy = dense.clone();
        copy[OWNER] = token;
        return copy;
    }

    /**
     * The trie without a key.
     *
     * @param key   a non-negative key
     * @param token the edit token, or null
     * @return the new trie, or this trie when the key was absent
     */
    public LongTrie remove(long key, Object token) {
        if (!covers(shift, key)) {
            return this;
        }
        boolean[] removed = {false};
        Object newRoot = remove(root, shift, key, token, removed);
        if (!removed[0]) {
            return this;
        }
        return newRoot == null ? EMPTY : new LongTrie(newRoot, shift, size - 1);
    }

    /** The node without the key, or null when it becomes empty. */
    private static Object remove(Object node, int s, long key, Object token, boolean[] removed) {
        int digit = (int) (key >>> s) & 31;
        Object current = child(node, digit);
        if (current == null) {
            return node;
        }
        Object replacement = null;
        if (s == 0) {
            removed[0] = true;
        } else {
            replacement = remove(current, s - 5, key, token, removed);
            if (replacement == current) {
                return node;
            }
        }
        if (replacement != null) {
            return withChild(node, digit, true, replacement, token, s == 0);
        }
        if (node instanceof Object[]) {
            Object[] dense = (Object[]) node;
            int remaining = 0;
            for (int d = 0; d < OWNER; d++) {
                if (dense[d] != null && d != digit) {
                    remaining++;
                }
            }
            if (remaining == 0) {
                return null;
            }
            Object[] target = token != null && dense[OWNER] == token ? dense : copyDense(dense, token);
            target[digit] = null;
            return target;
        }
        Sparse sparse = (Sparse) node;
        int bit = 1 << digit;
        if (sparse.bitmap == bit) {
            return null;
        }
        return sparse.editable(token, 0).delete(bit, Integer.bitCount(sparse.bitmap & (bit - 1)));
    }

    /** Receives entries in ascending key order; returns false to stop. */
    @FunctionalInterface
    public interface LongVisitor {
        /**
         * @param key   the key
         * @param value the value
         * @return true to go on
         */
        boolean visit(long key, Object value);
    }

    /**
     * Visits every entry in ascending key order.
     *
     * @param visitor the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEach(LongVisitor visitor) {
        return forEach(root, shift, 0L, visitor);
    }

    private static boolean forEach(Object node, int s, long prefix, LongVisitor visitor) {
        if (node instanceof Object[]) {
            Object[] dense = (Object[]) node;
            for (int d = 0; d < OWNER; d++) {
                Object slot = dense[d];
                if (slot != null && !visitSlot(slot, s, prefix | ((long) d << s), visitor)) {
                    return false;
                }
            }
            return true;
        }
        Sparse sparse = (Sparse) node;
        int bitmap = sparse.bitmap;
        int i = 0;
        while (bitmap != 0) {
            int d = Integer.numberOfTrailingZeros(bitmap);
            bitmap &= bitmap - 1;
            if (!visitSlot(sparse.slots[i++], s, prefix | ((long) d << s), visitor)) {
                return false;
            }
        }
        return true;
    }

    private static boolean visitSlot(Object slot, int s, long key, LongVisitor visitor) {
        return s == 0 ? visitor.visit(key, slot) : forEach(slot, s - 5, key, visitor);
    }

    /**
     * Visits every row in ascending key order, without computing keys.
     *
     * @param visitor receives each row; returns false to stop
     * @return false when the visitor stopped early
     */
    public boolean forEachValue(RowVisitor visitor) {
        return forEachValue(root, shift, visitor);
    }

    private static boolean forEachValue(Object node, int s, RowVisitor visitor) {
        if (s == 0) {
            Row[] rows;
            int count;
            if (node instanceof Row[]) {
                rows = (Row[]) node;
                count = OWNER;
            } else {
                rows = (Row[]) ((Sparse) node).slots;
                count = Integer.bitCount(((Sparse) node).bitmap);
            }
            for (int i = 0; i < count; i++) {
                Row row = rows[i];
                if (row != null && !visitor.visit(row)) {
                    return false;
                }
            }
            return true;
        }
        Object[] slots;
        int count;
        if (node instanceof Object[]) {
            slots = (Object[]) node;
            count = OWNER;
        } else {
            slots = ((Sparse) node).slots;
            count = Integer.bitCount(((Sparse) node).bitmap);
        }
        for (int i = 0; i < count; i++) {
            Object child = slots[i];
            if (child != null && !forEachValue(child, s - 5, visitor)) {
                return false;
            }
        }
        return true;
    }

    /** A node with few children: a bitmap of present digits and a compact array. */
    private static final class Sparse {
        final Object owner;
        int bitmap;
        Object[] slots;

        Sparse(Object owner, int bitmap, Object[] slots) {
            this.owner = owner;
            this.bitmap = bitmap;
            this.slots = slots;
        }

        /** This node if owned by the token (with room for {@code extra} more slots), else a copy. */
        Sparse editable(Object token, int extra) {
            int count = Integer.bitCount(bitmap);
            if (token != null && owner == token) {
                if (slots.length < count + extra) {
                    // Arrays.copyOf keeps the component type (Row[] at the bottom level).
                    slots = Arrays.copyOf(slots, Math.min(SPARSE_MAX, Math.max(count + extra, slots.length * 2)));
                }
                return this;
            }
            return new Sparse(token, bitmap, Arrays.copyOf(slots, count + extra));
        }

        Sparse insert(int bit, int idx, Object value) {
            int count = Integer.bitCount(bitmap);
            System.arraycopy(slots, idx, slots, idx + 1, count - idx);
            slots[idx] = value;
            bitmap |= bit;
            return this;
        }

        Sparse delete(int bit, int idx) {
            int count = Integer.bitCount(bitmap);
            System.arraycopy(slots, idx + 1, slots, idx, count - idx - 1);
            slots[count - 1] = null;
            bitmap &= ~bit;
            return this;
        }
    }
}
