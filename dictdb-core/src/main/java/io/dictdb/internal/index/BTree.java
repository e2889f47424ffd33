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
        return root == null || walk(root, NO_BOUND, true, false, visitor);
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
        return root == null || walk(root, from, inclusive, false, visitor);
    }

    /**
     * Visits every entry in descending key order.
     *
     * @param visitor the visitor
     * @return false when the visitor stopped early
     */
    public boolean forEachDescending(Visitor visitor) {
        return root == null || walk(root, NO_BOUND, true, true, visitor);
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
        return root == null || walk(root, from, inclusive, true, visitor);
    }

    /** Marks a walk that starts at the first (or, descending, the last) entry. */
    private static final Object NO_BOUND = new Object();

    /**
     * Walks entries from a bound ({@link #NO_BOUND} for an end of the tree) in ascending or descending order.
     * Only the first child visited at each level needs the bound; its later siblings are walked whole.
     */
    private static boolean walk(Node node, Object from, boolean inclusive, boolean descending, Visitor visitor) {
        int step = descending ? -1 : 1;
        if (node instanceof Leaf) {
            Leaf leaf = (Leaf) node;
            int n = leaf.n;
            int start;
            if (from == NO_BOUND) {
                start = descending ? n - 1 : 0;
            } else {
                int i = search(leaf.keys, 0, n, from);
                if (i >= 0) {
                    start = inclusive ? i : i + step;
                } else {
                    start = descending ? -(i + 1) - 1 : -(i + 1);
                }
            }
            for (int j = start; j >= 0 && j < n; j += step) {
                if (!visitor.visit(leaf.keys[j], leaf.vals[j])) {
                    return false;
                }
            }
            return true;
        }
        Inner inner = (Inner) node;
        int c = from == NO_BOUND ? (descending ? inner.n - 1 : 0) : childIndex(inner, from);
        if (!walk(inner.kids[c], from, inclusive, descending, visitor)) {
            return false;
        }
        for (int j = c + step; j >= 0 && j < inner.n; j += step) {
            if (!walk(inner.kids[j], NO_BOUND, inclusive, descending, visitor)) {
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

        /** The array parallel to {@code keys}: values of a leaf, children of an inner node. */
        abstract Object[] slots();

        abstract void setSlots(Object[] slots);

        /** An empty node of the same kind owned by {@code token}, with arrays of the same component types. */
        abstract Node blank(Object token);

        /** This node if the token owns it (grown to hold {@code needed} entries), else a copy owned by it. */
        final Node editable(Object token, int needed) {
            if (token != null && owner == token) {
                if (keys.length < needed) {
                    int cap = Math.min(MAX + 1, Math.max(needed, keys.length * 2));
                    keys = Arrays.copyOf(keys, cap);
                    setSlots(Arrays.copyOf(slots(), cap));
                }
                return this;
            }
            int cap = Math.max(needed, n);
            Node copy = blank(token);
            copy.keys = Arrays.copyOf(keys, cap);
            copy.setSlots(Arrays.copyOf(slots(), cap));
            copy.n = n;
            return copy;
        }

        /** Inserts an entry at a position (capacity must allow it). */
        final void insertAt(int at, Object key, Object slot) {
            Object[] slots = slots();
            System.arraycopy(keys, at, keys, at + 1, n - at);
            System.arraycopy(slots, at, slots, at + 1, n - at);
            keys[at] = key;
            slots[at] = slot;
            n++;
        }

        /** Removes the entry at a position. */
        final void removeAt(int at) {
            Object[] slots = slots();
            System.arraycopy(keys, at + 1, keys, at, n - at - 1);
            System.arraycopy(slots, at + 1, slots, at, n - at - 1);
            n--;
            keys[n] = null;
            slots[n] = null;
        }

        /**
         * Splits an overflowing node: entries from {@code keep} on move to a new right sibling. An overflow caused
         * by an append keeps this node full ("full + 1"), otherwise it splits in half.
         *
         * @param appended whether the entry that overflowed the node was appended at its end
         * @return the new right sibling
         */
        final Node split(boolean appended, Object token) {
            int keep = appended ? MAX : (MAX + 1) / 2;
            Node right = blank(token).editable(token, appended ? 4 : MAX + 1);
            int moved = n - keep;
            System.arraycopy(keys, keep, right.keys, 0, moved);
            System.arraycopy(slots(), keep, right.slots(), 0, moved);
            Arrays.fill(keys, keep, n, null);
            Arrays.fill(slots(), keep, n, null);
            right.n = moved;
            n = keep;
            return right;
        }
    }

    private static final class Leaf extends Node {
        Object[] vals;

        Leaf(Object owner, int capacity, Object[] valueType) {
            super(owner, capacity);
            this.vals = Arrays.copyOf(valueType, capacity);
        }

        @Override
        Object[] slots() {
            return vals;
        }

        @Override
        void setSlots(Object[] slots) {
            vals = slots;
        }

        @Override
        Node blank(Object token) {
            return new Leaf(token, 0, vals);
        }
    }

    private static final class Inner extends Node {
        Node[] kids;

        Inner(Object owner, int capacity) {
            super(owner, capacity);
            this.kids = new Node[capacity];
        }

        @Override
        Object[] slots() {
            return kids;
        }

        @Override
        void setSlots(Object[] slots) {
            kids = (Node[]) slots;
        }

        @Override
        Node blank(Object token) {
            return new Inner(token, 0);
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
            int i = search(node.keys, 0, node.n, key);
            if (i >= 0) {
                if (node.slots()[i] == value || edit.onlyIfAbsent) {
                    return node;
                }
                Node l = node.editable(token, node.n);
                l.slots()[i] = value;
                edit.changed = true;
                return l;
            }
            int at = -(i + 1);
            Node l = node.editable(token, node.n + 1);
            l.insertAt(at, key, value);
            edit.changed = true;
            edit.added = true;
            if (l.n > MAX) {
                edit.split = l.split(at == l.n - 1, token);
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
        Node in = inner.editable(token, split == null ? inner.n : inner.n + 1);
        in.slots()[c] = newChild;
        if (split != null) {
            in.insertAt(c + 1, firstKey(split), split);
            if (in.n > MAX) {
                edit.split = in.split(c + 1 == in.n - 1, token);
            }
        }
        return in;
    }

    private static Node remove(Node node, Object key, Object token, Edit edit) {
        if (node instanceof Leaf) {
            int i = search(node.keys, 0, node.n, key);
            if (i < 0) {
                return node;
            }
            edit.changed = true;
            if (node.n == 1) {
                edit.emptied = true;
                return null;
            }
            Node l = node.editable(token, node.n);
            l.removeAt(i);
            return l;
        }
        Inner inner = (Inner) node;
        int c = childIndex(inner, key);
        Node child = inner.kids[c];
        Node newChild = remove(child, key, token, edit);
        if (!edit.changed || (newChild == child && !edit.emptied)) {
            return inner;
        }
        if (edit.emptied) {
            edit.emptied = false;
            if (inner.n == 1) {
                edit.emptied = true;
                return null;
            }
            Node in = inner.editable(token, inner.n);
            in.removeAt(c);
            return in;
        }
        Node in = inner.editable(token, inner.n);
        in.slots()[c] = newChild;
        return in;
    }
}
