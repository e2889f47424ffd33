package io.dictdb.internal.index;

/**
 * A persistent (copy-on-write) radix trie from non-negative {@code long} keys to objects: 32-way nodes indexed by
 * successive 5-bit digits of the key, each node a bitmap of present digits plus a compact array of its children
 * (or values, at the bottom level). It stores the rows of the overwhelmingly common integer keys: a lookup is a
 * few shifts, bit counts and array loads with no key comparison, which keeps a primary-key lookup close to a hash
 * map's cost, and iteration in digit order is ascending key order.
 *
 * <p>Invariants: the root covers keys below {@code 1L << (shift + 5)} (all keys when {@code shift == 60});
 * nodes are never empty except an empty root; {@code slots} holds {@code bitCount(bitmap)} entries in digit order
 * (it may be longer, with null slack, only in nodes owned by an unpublished edit). Edit tokens work as in
 * {@link BTree}: a node owned by the caller's token is changed in place, any other node is copied first.
 */
public final class LongTrie {
    private static final int MAX_SHIFT = 60;
    private static final LongTrie EMPTY = new LongTrie(new Node(null, 0, new Object[0]), 0, 0);

    private final Node root;
    private final int shift;
    private final int size;

    private LongTrie(Node root, int shift, int size) {
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

    private boolean covers(long key) {
        return shift >= MAX_SHIFT || (key >>> (shift + 5)) == 0;
    }

    /**
     * The value of a key.
     *
     * @param key a non-negative key
     * @return the value, or null
     */
    public Object get(long key) {
        if (!covers(key)) {
            return null;
        }
        Node node = root;
        int s = shift;
        while (true) {
            int bit = 1 << ((int) (key >>> s) & 31);
            int bitmap = node.bitmap;
            if ((bitmap & bit) == 0) {
                return null;
            }
            Object slot = node.slots[Integer.bitCount(bitmap & (bit - 1))];
            if (s == 0) {
                return slot;
            }
            node = (Node) slot;
            s -= 5;
        }
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
    public LongTrie put(long key, Object value, Object token, boolean onlyIfAbsent) {
        Node r = root;
        int s = shift;
        while (!(s >= MAX_SHIFT || (key >>> (s + 5)) == 0)) {
            // Grow upwards: the old root becomes child 0 of a new root one level higher.
            r = r.bitmap == 0 ? new Node(token, 0, new Object[0]) : new Node(token, 1, new Object[]{r});
            s += 5;
        }
        int[] added = {0};
        Node newRoot = put(r, s, key, value, token, onlyIfAbsent, added);
        if (newRoot == root && s == shift && added[0] == 0) {
            return this;
        }
        return new LongTrie(newRoot, s, size + added[0]);
    }

    private static Node put(Node node, int s, long key, Object value, Object token, boolean onlyIfAbsent,
                            int[] added) {
        int bit = 1 << ((int) (key >>> s) & 31);
        int idx = Integer.bitCount(node.bitmap & (bit - 1));
        boolean present = (node.bitmap & bit) != 0;
        if (s == 0) {
            if (present) {
                if (onlyIfAbsent || node.slots[idx] == value) {
                    return node;
                }
                Node n = node.editable(token, 0);
                n.slots[idx] = value;
                return n;
            }
            added[0] = 1;
            return node.editable(token, 1).insert(bit, idx, value);
        }
        if (present) {
            Node child = (Node) node.slots[idx];
            Node newChild = put(child, s - 5, key, value, token, onlyIfAbsent, added);
            if (newChild == child) {
                return node;
            }
            Node n = node.editable(token, 0);
            n.slots[idx] = newChild;
            return n;
        }
        Node child = put(new Node(token, 0, new Object[2]), s - 5, key, value, token, onlyIfAbsent, added);
        return node.editable(token, 1).insert(bit, idx, child);
    }

    /**
     * The trie without a key.
     *
     * @param key   a non-negative key
     * @param token the edit token, or null
     * @return the new trie, or this trie when the key was absent
     */
    public LongTrie remove(long key, Object token) {
        if (!covers(key)) {
            return this;
        }
        boolean[] removed = {false};
        Node newRoot = remove(root, shift, key, token, removed);
        if (!removed[0]) {
            return this;
        }
        if (newRoot == null) {
            return EMPTY;
        }
        return new LongTrie(newRoot, shift, size - 1);
    }

    private static Node remove(Node node, int s, long key, Object token, boolean[] removed) {
        int bit = 1 << ((int) (key >>> s) & 31);
        if ((node.bitmap & bit) == 0) {
            return node;
        }
        int idx = Integer.bitCount(node.bitmap & (bit - 1));
        if (s == 0) {
            removed[0] = true;
            return node.bitmap == bit ? null : node.editable(token, 0).delete(bit, idx);
        }
        Node child = (Node) node.slots[idx];
        Node newChild = remove(child, s - 5, key, token, removed);
        if (newChild == child) {
            return node;
        }
        if (newChild == null) {
            return node.bitmap == bit ? null : node.editable(token, 0).delete(bit, idx);
        }
        Node n = node.editable(token, 0);
        n.slots[idx] = newChild;
        return n;
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

    private static boolean forEach(Node node, int s, long prefix, LongVisitor visitor) {
        int bitmap = node.bitmap;
        Object[] slots = node.slots;
        int i = 0;
        while (bitmap != 0) {
            int digit = Integer.numberOfTrailingZeros(bitmap);
            bitmap &= bitmap - 1;
            long key = prefix | ((long) digit << s);
            if (s == 0) {
                if (!visitor.visit(key, slots[i])) {
                    return false;
                }
            } else if (!forEach((Node) slots[i], s - 5, key, visitor)) {
                return false;
            }
            i++;
        }
        return true;
    }

    /**
     * Visits every value in ascending key order, without computing keys.
     *
     * @param visitor receives each value; returns false to stop
     * @return false when the visitor stopped early
     */
    public boolean forEachValue(java.util.function.Predicate<Object> visitor) {
        return forEachValue(root, shift, visitor);
    }

    private static boolean forEachValue(Node node, int s, java.util.function.Predicate<Object> visitor) {
        Object[] slots = node.slots;
        int count = Integer.bitCount(node.bitmap);
        if (s == 0) {
            for (int i = 0; i < count; i++) {
                if (!visitor.test(slots[i])) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < count; i++) {
            if (!forEachValue((Node) slots[i], s - 5, visitor)) {
                return false;
            }
        }
        return true;
    }

    private static final class Node {
        final Object owner;
        int bitmap;
        Object[] slots;

        Node(Object owner, int bitmap, Object[] slots) {
            this.owner = owner;
            this.bitmap = bitmap;
            this.slots = slots;
        }

        /** This node if owned by the token (with room for {@code extra} more slots), else a copy. */
        Node editable(Object token, int extra) {
            int count = Integer.bitCount(bitmap);
            if (token != null && owner == token) {
                if (slots.length < count + extra) {
                    Object[] grown = new Object[Math.min(32, Math.max(count + extra, slots.length * 2))];
                    System.arraycopy(slots, 0, grown, 0, count);
                    slots = grown;
                }
                return this;
            }
            Object[] copy = new Object[count + extra];
            System.arraycopy(slots, 0, copy, 0, count);
            return new Node(token, bitmap, copy);
        }

        Node insert(int bit, int idx, Object value) {
            int count = Integer.bitCount(bitmap);
            System.arraycopy(slots, idx, slots, idx + 1, count - idx);
            slots[idx] = value;
            bitmap |= bit;
            return this;
        }

        Node delete(int bit, int idx) {
            int count = Integer.bitCount(bitmap);
            System.arraycopy(slots, idx + 1, slots, idx, count - idx - 1);
            slots[count - 1] = null;
            bitmap &= ~bit;
            return this;
        }
    }
}
