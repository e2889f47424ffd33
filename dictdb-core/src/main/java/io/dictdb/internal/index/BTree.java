package io.dictdb.internal.index;

import io.dictdb.Row;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;
import io.dictdb.internal.value.Values;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A persistent (copy-on-write) B+tree map from normalised values to objects, ordered by
 * {@link Values#compare}. It stores a table's rows by primary key and each index's postings.
 *
 * <p>Implementation notes. A {@code BTree} value is immutable once published: every update returns a new tree
 * that shares all untouched nodes with the old one, so a reader holding the old tree sees a consistent snapshot
 * without any lock. Updates take an <em>edit token</em>: a node whose {@code owner} is the caller's token was
 * created by the same unpublished edit and may be changed in place; any other node is copied first (the
 * "transient" technique). A writer therefore pays the copy of a root-to-leaf path once per edit, not once per
 * key, which is what makes bulk inserts linear. A token must never be used again once the tree built with it is
 * published; pass {@code null} to copy always.
 *
 * <p>Invariants: leaves hold 1..{@link #MAX} entries in strictly increasing key order (an empty tree has a
 * {@code null} root); an inner node holds 1..MAX children, and {@code keys[i]} (i &gt; 0) is a lower bound of
 * every key in child {@code i} and greater than every key in child {@code i-1}; {@code keys[0]} is unused. Nodes
 * are not rebalanced on removal (only empty nodes are removed), which keeps removal cheap and is harmless for an
 * in-memory tree. When a full node overflows because of an append at its end, it splits as "full + 1" so that
 * ascending inserts build dense trees.
 */
public final class BTree {
    /** Maximum entries of a leaf and children of an inner node. */
    static final int MAX = 64;
    private static final BTree EMPTY = new BTree(null, 0, new Object[0]);
    private static final BTree EMPTY_ROWS = new BTree(null, 0, new Row[0]);

    private final Node root;
    private final int size;
    /** A zero-length array of the leaves' value type: {@code Row[]} for trees of rows, else {@code Object[]}. */
    private final Object[] valueType;

    private BTree(Node root, int size, Object[] valueType) {
        this.root = root;
        this.size = size;
        this.valueType = valueType;
    }

    /**
     * The empty tree.
     *
     * @return the empty tree
     */
    public static BTree empty() {
        return EMPTY;
    }

    /**
     * The empty tree of rows: its leaves hold {@code Row[]} arrays, so {@link #forEachRow} and
     * {@link Cursor#row()} hand rows out without touching their memory (no per-row type check).
     *
     * @return the empty tree of rows
     */
    public static BTree emptyOfRows() {
        return EMPTY_ROWS;
    }

    /**
     * A fresh edit token.
     *
     * @return a new token, never equal to any other
     */
    public static Object newToken() {
        // A fresh empty Row: any unique object would do for BTree, but LongTrie stores tokens in Row[] nodes.
        return RowAccess.get().frozen(RowShape.EMPTY, new Object[0]);
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Whether the tree is empty.
     *
     * @return true when there is no entry
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The value stored under a key.
     *
     * @param key a normalised key
     * @return the value, or null when absent
     */
    public Object get(Object key) {
        Node node = root;
        if (node == null) {
            return null;
        }
        while (node instanceof Inner) {
            Inner inner = (Inner) node;
            node = inner.kids[childIndex(inner, key)];
        }
        Leaf leaf = (Leaf) node;
        int i = search(leaf.keys, 0, leaf.n, key);
        return i >= 0 ? leaf.vals[i] : null;
    }

    /**
     * Whether a key is present.
     *
     * @param key a normalised key
     * @return true when present
     */
    public boolean containsKey(Object key) {
        Node node = root;
        if (node == null) {
            return false;
        }
        while (node instanceof Inner) {
            Inner inner = (Inner) node;
            node = inner.kids[childIndex(inner, key)];
        }
        Leaf leaf = (Leaf) node;
        return search(leaf.keys, 0, leaf.n, key) >= 0;
    }

    /**
     * The tree with {@code key} mapped to {@code value} (inserted or replaced).
     *
     * @param key   a normalised key
     * @param value the value, not null
     * @param token the edit token, or null
     * @return the new tree (this tree when nothing changed)
     */
    public BTree put(Object key, Object value, Object token) {
        return update(key, value, token, false);
    }

    /**
     * The tree with {@code key} mapped to {@code value} unless the key is present.
     *
     * @param key   a normalised key
     * @param value the value, not null
     * @param token the edit token, or null
     * @return the new tree, or this tree (same size) when the key was present
     */
    public BTree putIfAbsent(Object key, Object value, Object token) {
        return update(key, value, token, true);
    }

    private BTree update(Object key, Object value, Object token, boolean onlyIfAbsent) {
        if (root == null) {
            Leaf leaf = new Leaf(token, 4, valueType);
            leaf.keys[0] = key;
            leaf.vals[0] = value;
            leaf.n = 1;
            return new BTree(leaf, 1, valueType);
        }
        Edit edit = new Edit();
        edit.onlyIfAbsent = onlyIfAbsent;
        edit.valueType = valueType;
        Node newRoot = put(root, key, value, token, edit);
        if (!edit.changed) {
            return this;
        }
        if (edit.split != null) {
            Inner top = new Inner(token, 4);
            top.kids[0] = newRoot;
            top.kids[1] = edit.split;
            top.keys[1] = firstKey(edit.split);
            top.n = 2;
            newRoot = top;
        }
        return new BTree(newRoot, edit.added ? size + 1 : size, valueType);
    }

    /**
     * The tree without {@code key}.
     *
     * @param key   a normalised key
     * @param token the edit token, or null
     * @return the new tree (this tree when the key was absent)
     */
    public BTree remove(Object key, Object token) {
        if (root == null) {
            return this;
        }
        Edit edit = new Edit();
        Node newRoot = remove(root, key, token, edit);
        if (!edit.changed) {
            return this;
        }
        while (newRoot instanceof Inner && newRoot.n == 1) {
            newRoot = ((Inner) newRoot).kids[0];
        }
        return size == 1 ? (valueType instanceof Row[] ? EMPTY_ROWS : EMPTY)
                : new BTree(newRoot, size - 1, valueType);
    }

    /**
     * The smallest key.
     *
     * @return the first key
     * @throws NoSuchElementException when empty
     */
    public Object firstKey() {
        if (root == null) {
            throw new NoSuchElementException();
        }
        return firstKey(root);
    }

    /**
     * The largest key.
     *
     * @return the last key
     * @throws NoSuchElementException when empty
     */
    public Object lastKey() {
        if (root == null) {
            throw new NoSuchElementException();
        }
        Node node = root;
        while (node instanceof Inner) {
            node = ((Inner) node).kids[node.n - 1];
        }
        return node.keys[node.n - 1];
    }

    /** Receives entries in key order; returns false to stop. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * Visits one entry.
         *
         * @param key   the key
         * @param value the value
         * @return true to go on, false to stop
         */
        boolean visit(Object key, Object value);
    }

    /**
     * Visits every entry in ascending key order.
     *
     * @param visitor the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEach(Visitor visitor) {
        return root == null || forEach(root, visitor);
    }

    private static boolean forEach(Node node, Visitor visitor) {
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            Object[] keys = leaf.keys;
            Object[] vals = leaf.vals;
            for (int i = 0, n = leaf.n; i < n; i++) {
                if (!visitor.visit(keys[i], vals[i])) {
                    return false;
                }
            }
            return true;
        }
        Inner inner = (Inner) node;
        for (int i = 0, n = inner.n; i < n; i++) {
            if (!forEach(inner.kids[i], visitor)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Visits every row of a tree of rows ({@link #emptyOfRows()}) in ascending key order.
     *
     * @param visitor the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEachRow(RowVisitor visitor) {
        return root == null || forEachRow(root, visitor);
    }

    private static boolean forEachRow(Node node, RowVisitor visitor) {
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            Row[] rows = (Row[]) leaf.vals;
            for (int i = 0, n = leaf.n; i < n; i++) {
                if (!visitor.visit(rows[i])) {
                    return false;
                }
            }
            return true;
        }
        Inner inner = (Inner) node;
        for (int i = 0, n = inner.n; i < n; i++) {
            if (!forEachRow(inner.kids[i], visitor)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Visits entries in ascending order starting at a lower bound.
     *
     * @param from      the lower bound
     * @param inclusive whether an entry equal to the bound is visited
     * @param visitor   the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEachFrom(Object from, boolean inclusive, Visitor visitor) {
        return root == null || forEachFrom(root, from, inclusive, visitor);
    }

    private static boolean forEachFrom(Node node, Object from, boolean inclusive, Visitor visitor) {
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            int i = search(leaf.keys, 0, leaf.n, from);
            int start = i >= 0 ? (inclusive ? i : i + 1) : -(i + 1);
            for (int j = start; j < leaf.n; j++) {
                if (!visitor.visit(leaf.keys[j], leaf.vals[j])) {
                    return false;
                }
            }
            return true;
        }
        Inner inner = (Inner) node;
        int c = childIndex(inner, from);
        if (!forEachFrom(inner.kids[c], from, inclusive, visitor)) {
            return false;
        }
        for (int j = c + 1; j < inner.n; j++) {
            if (!forEach(inner.kids[j], visitor)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Visits every entry in descending key order.
     *
     * @param visitor the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEachDescending(Visitor visitor) {
        return root == null || forEachDescending(root, visitor);
    }

    private static boolean forEachDescending(Node node, Visitor visitor) {
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            for (int i = leaf.n - 1; i >= 0; i--) {
                if (!visitor.visit(leaf.keys[i], leaf.vals[i])) {
                    return false;
                }
            }
            return true;
        }
        Inner inner = (Inner) node;
        for (int i = inner.n - 1; i >= 0; i--) {
            if (!forEachDescending(inner.kids[i], visitor)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Visits entries in descending order starting at an upper bound.
     *
     * @param from      the upper bound
     * @param inclusive whether an entry equal to the bound is visited
     * @param visitor   the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEachDescendingFrom(Object from, boolean inclusive, Visitor visitor) {
        return root == null || forEachDescendingFrom(root, from, inclusive, visitor);
    }

    private static boolean forEachDescendingFrom(Node node, Object from, boolean inclusive, Visitor visitor) {
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            int i = search(leaf.keys, 0, leaf.n, from);
            int start = i >= 0 ? (inclusive ? i : i - 1) : -(i + 1) - 1;
            for (int j = start; j >= 0; j--) {
                if (!visitor.visit(leaf.keys[j], leaf.vals[j])) {
                    return false;
                }
            }
            return true;
        }
        Inner inner = (Inner) node;
        int c = childIndex(inner, from);
        if (!forEachDescendingFrom(inner.kids[c], from, inclusive, visitor)) {
            return false;
        }
        for (int j = c - 1; j >= 0; j--) {
            if (!forEachDescending(inner.kids[j], visitor)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cursor over the entries in ascending key order.
     *
     * @return a cursor positioned before the first entry
     */
    public Cursor cursor() {
        return new Cursor(root);
    }

    /** A forward cursor: call {@link #next()} and, when it returns true, read {@link #key()} and {@link #value()}. */
    public static final class Cursor {
        private final Inner[] path = new Inner[16];
        private final int[] pathIndex = new int[16];
        private int depth;
        private Leaf leaf;
        private int index;

        Cursor(Node root) {
            if (root != null) {
                descendLeftmost(root);
                index = -1;
            }
        }

        private void descendLeftmost(Node node) {
            while (node instanceof Inner) {
                path[depth] = (Inner) node;
                pathIndex[depth] = 0;
                depth++;
                node = ((Inner) node).kids[0];
            }
            leaf = (Leaf) node;
            index = 0;
        }

        /**
         * Moves to the next entry.
         *
         * @return false when there is none
         */
        public boolean next() {
            if (leaf == null) {
                return false;
            }
            if (++index < leaf.n) {
                return true;
            }
            while (depth > 0) {
                int d = depth - 1;
                Inner parent = path[d];
                if (++pathIndex[d] < parent.n) {
                    Node child = parent.kids[pathIndex[d]];
                    descendLeftmost(child);
                    return true;
                }
                depth--;
            }
            leaf = null;
            return false;
        }

        /**
         * The current key.
         *
         * @return the key of the current entry
         */
        public Object key() {
            return leaf.keys[index];
        }

        /**
         * The current value.
         *
         * @return the value of the current entry
         */
        public Object value() {
            return leaf.vals[index];
        }

        /**
         * The current value of a tree of rows, read without touching the row.
         *
         * @return the row of the current entry
         */
        public Row row() {
            return ((Row[]) leaf.vals)[index];
        }
    }

    // ------------------------------------------------------------------ internals

    private abstract static class Node {
        final Object owner;
        int n;
        Object[] keys;

        Node(Object owner, int capacity) {
            this.owner = owner;
            this.keys = new Object[capacity];
        }
    }

    private static final class Leaf extends Node {
        Object[] vals;

        Leaf(Object owner, int capacity, Object[] valueType) {
            super(owner, capacity);
            this.vals = Arrays.copyOf(valueType, capacity);
        }

        Leaf editable(Object token, int needed) {
            if (token != null && owner == token) {
                if (keys.length < needed) {
                    int cap = Math.min(MAX + 1, Math.max(needed, keys.length * 2));
                    keys = Arrays.copyOf(keys, cap);
                    vals = Arrays.copyOf(vals, cap);
                }
                return this;
            }
            int cap = Math.max(needed, n);
            Leaf copy = new Leaf(token, 0, vals);
            copy.keys = Arrays.copyOf(keys, cap);
            copy.vals = Arrays.copyOf(vals, cap);
            copy.n = n;
            return copy;
        }
    }

    private static final class Inner extends Node {
        Node[] kids;

        Inner(Object owner, int capacity) {
            super(owner, capacity);
            this.kids = new Node[capacity];
        }

        Inner editable(Object token, int needed) {
            if (token != null && owner == token) {
                if (keys.length < needed) {
                    int cap = Math.min(MAX + 1, Math.max(needed, keys.length * 2));
                    keys = Arrays.copyOf(keys, cap);
                    kids = Arrays.copyOf(kids, cap);
                }
                return this;
            }
            int cap = Math.max(needed, n);
            Inner copy = new Inner(token, 0);
            copy.keys = Arrays.copyOf(keys, cap);
            copy.kids = Arrays.copyOf(kids, cap);
            copy.n = n;
            return copy;
        }
    }

    /** What an update did, passed down and up the recursion. */
    private static final class Edit {
        boolean changed;
        boolean added;
        Node split;
        boolean emptied;
        boolean onlyIfAbsent;
        Object[] valueType;
    }

    private static Object firstKey(Node node) {
        while (node instanceof Inner) {
            node = ((Inner) node).kids[0];
        }
        return node.keys[0];
    }

    /** Binary search in keys[from, to): the index when found, else -(insertion point) - 1. */
    private static int search(Object[] keys, int from, int to, Object key) {
        int lo = from;
        int hi = to - 1;
        if (key instanceof Long) {
            long k = (Long) key;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                Object m = keys[mid];
                int c = m instanceof Long ? Long.compare((Long) m, k) : Values.compare(m, key);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Values.compare(keys[mid], key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The child of an inner node whose range holds the key. */
    private static int childIndex(Inner inner, Object key) {
        int i = search(inner.keys, 1, inner.n, key);
        return i >= 0 ? i : -(i + 1) - 1;
    }

    private static Node put(Node node, Object key, Object value, Object token, Edit edit) {
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            int i = search(leaf.keys, 0, leaf.n, key);
            if (i >= 0) {
                if (leaf.vals[i] == value || edit.onlyIfAbsent) {
                    return leaf;
                }
                Leaf l = leaf.editable(token, leaf.n);
                l.vals[i] = value;
                edit.changed = true;
                return l;
            }
            int at = -(i + 1);
            int n = leaf.n;
            Leaf l = leaf.editable(token, n + 1);
            System.arraycopy(l.keys, at, l.keys, at + 1, n - at);
            System.arraycopy(l.vals, at, l.vals, at + 1, n - at);
            l.keys[at] = key;
            l.vals[at] = value;
            l.n = n + 1;
            edit.changed = true;
            edit.added = true;
            if (l.n > MAX) {
                int keep = at == n ? MAX : (MAX + 1) / 2;
                Leaf right = new Leaf(token, at == n ? 4 : MAX + 1, edit.valueType);
                int moved = l.n - keep;
                System.arraycopy(l.keys, keep, right.keys, 0, moved);
                System.arraycopy(l.vals, keep, right.vals, 0, moved);
                Arrays.fill(l.keys, keep, l.n, null);
                Arrays.fill(l.vals, keep, l.n, null);
                right.n = moved;
                l.n = keep;
                edit.split = right;
            }
            return l;
        }
        Inner inner = (Inner) node;
        int c = childIndex(inner, key);
        Node child = inner.kids[c];
        Node newChild = put(child, key, value, token, edit);
        if (!edit.changed) {
            return inner;
        }
        Node split = edit.split;
        edit.split = null;
        if (newChild == child && split == null && child.owner == token && inner.owner == token && token != null) {
            return inner;
        }
        int n = inner.n;
        Inner in = inner.editable(token, split == null ? n : n + 1);
        in.kids[c] = newChild;
        if (split != null) {
            int at = c + 1;
            System.arraycopy(in.kids, at, in.kids, at + 1, n - at);
            System.arraycopy(in.keys, at, in.keys, at + 1, n - at);
            in.kids[at] = split;
            in.keys[at] = firstKey(split);
            in.n = n + 1;
            if (in.n > MAX) {
                int keep = at == n ? MAX : (MAX + 1) / 2;
                Inner right = new Inner(token, at == n ? 4 : MAX + 1);
                int moved = in.n - keep;
                System.arraycopy(in.kids, keep, right.kids, 0, moved);
                System.arraycopy(in.keys, keep, right.keys, 0, moved);
                Arrays.fill(in.kids, keep, in.n, null);
                Arrays.fill(in.keys, keep, in.n, null);
                right.n = moved;
                in.n = keep;
                edit.split = right;
            }
        }
        return in;
    }

    private static Node remove(Node node, Object key, Object token, Edit edit) {
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            int i = search(leaf.keys, 0, leaf.n, key);
            if (i < 0) {
                return leaf;
            }
            edit.changed = true;
            if (leaf.n == 1) {
                edit.emptied = true;
                return null;
            }
            Leaf l = leaf.editable(token, leaf.n);
            System.arraycopy(l.keys, i + 1, l.keys, i, l.n - i - 1);
            System.arraycopy(l.vals, i + 1, l.vals, i, l.n - i - 1);
            l.n--;
            l.keys[l.n] = null;
            l.vals[l.n] = null;
            return l;
        }
        Inner inner = (Inner) node;
        int c = childIndex(inner, key);
        Node child = inner.kids[c];
        Node newChild = remove(child, key, token, edit);
        if (!edit.changed) {
            return inner;
        }
        if (edit.emptied) {
            edit.emptied = false;
            if (inner.n == 1) {
                edit.emptied = true;
                return null;
            }
            Inner in = inner.editable(token, inner.n);
            System.arraycopy(in.kids, c + 1, in.kids, c, in.n - c - 1);
            System.arraycopy(in.keys, c + 1, in.keys, c, in.n - c - 1);
            in.n--;
            in.kids[in.n] = null;
            in.keys[in.n] = null;
            return in;
        }
        if (newChild == child) {
            return inner;
        }
        Inner in = inner.editable(token, inner.n);
        in.kids[c] = newChild;
        return in;
    }
}
