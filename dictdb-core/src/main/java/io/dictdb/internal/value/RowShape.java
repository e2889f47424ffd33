package io.dictdb.internal.value;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ordered field names of a stored row. Rows with the same fields in the same order share one shape, so a
 * stored row costs one small array of values rather than a hash map.
 *
 * <p>Invariants: {@code names} holds distinct, non-null names and is never modified after construction. Shapes
 * are interned in a bounded global table; past the bound new shapes are simply not shared, which costs memory but
 * never correctness (shapes are compared by content where it matters).
 */
public final class RowShape {
    private static final int INTERN_LIMIT = 8192;
    private static final ConcurrentHashMap<List<String>, RowShape> INTERNED = new ConcurrentHashMap<>();

    /** The shape of a row with no fields. */
    public static final RowShape EMPTY = new RowShape(new String[0]);

    private final String[] names;

    private RowShape(String[] names) {
        this.names = names;
    }

    /**
     * Returns the shared shape for these names (the array is not kept when a shape exists already).
     *
     * @param names distinct field names, in row order
     * @param hint  a shape that is likely to match (the previous row's), or null
     * @return the shape
     */
    public static RowShape of(String[] names, RowShape hint) {
        if (hint != null && sameNames(hint.names, names)) {
            return hint;
        }
        if (names.length == 0) {
            return EMPTY;
        }
        List<String> key = Arrays.asList(names);
        RowShape shape = INTERNED.get(key);
        if (shape != null) {
            return shape;
        }
        shape = new RowShape(names.clone());
        if (INTERNED.size() < INTERN_LIMIT) {
            RowShape raced = INTERNED.putIfAbsent(List.of(shape.names), shape);
            if (raced != null) {
                return raced;
            }
        }
        return shape;
    }

    private static boolean sameNames(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The position of a field in this shape.
     *
     * @param name a field name
     * @return its index, or -1 when the shape has no such field
     */
    public int indexOf(Object name) {
        String[] n = names;
        for (int i = 0; i < n.length; i++) {
            if (n[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < n.length; i++) {
            if (n[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The number of fields.
     *
     * @return the field count
     */
    public int size() {
        return names.length;
    }

    /**
     * The name at a position.
     *
     * @param index a position in {@code [0, size())}
     * @return the field name
     */
    public String name(int index) {
        return names[index];
    }

    /**
     * This shape with one more field at the end.
     *
     * @param name a field name not yet in the shape
     * @return the extended shape
     */
    public RowShape with(String name) {
        String[] extended = Arrays.copyOf(names, names.length + 1);
        extended[names.length] = name;
        return of(extended, null);
    }

    @Override
    public String toString() {
        return Arrays.toString(names);
    }
}
