package io.dictdb.internal.value;

import io.dictdb.Row;

/**
 * The engine's access to the inside of {@link Row}, whose public surface only offers the {@code Map} view.
 * {@code Row} installs the implementation from its static initialiser; this keeps the stored representation
 * (a shared {@link RowShape} plus an array of values) out of the public API without reflection.
 */
public final class RowAccess {
    /** Operations on rows that only the engine may perform. */
    public interface Operations {
        /**
         * Wraps a shape and values as an immutable row; the array is owned by the row afterwards.
         *
         * @param shape  the field names
         * @param values normalised values, one per field
         * @return the immutable row
         */
        Row frozen(RowShape shape, Object[] values);

        /**
         * Wraps a shape and values as an immutable row, for a caller that knows whether a value is a list or a map
         * (a builder that has just made the values knows it for free, whereas finding it out costs two interface
         * tests per value, which on JDK 17 cost about as much as building the row); {@code Row} trusts it.
         *
         * @param shape  the field names
         * @param values normalised values, one per field
         * @param nested whether one of the values is a list or a map (must be exact)
         * @return the immutable row
         */
        Row frozen(RowShape shape, Object[] values, boolean nested);

        /**
         * The shape of an immutable row.
         *
         * @param row an immutable row
         * @return its shape (engine code only passes immutable rows)
         */
        RowShape shape(Row row);

        /**
         * Whether an immutable row holds a list or a map among its values (known since it was built).
         *
         * @param row an immutable row
         * @return true when one of its values is a list or a map
         */
        boolean nested(Row row);

        /**
         * The values array of an immutable row (not copied: do not modify).
         *
         * @param row an immutable row
         * @return its values, or null for a mutable row
         */
        Object[] values(Row row);

        /**
         * A mutable row owning the given map (not copied).
         *
         * @param map the row's content
         * @return a mutable row
         */
        Row mutable(java.util.LinkedHashMap<String, Object> map);

        /**
         * A mutable row over a shape and its own values array (not copied; it must not be shared).
         *
         * @param shape  the field names
         * @param values the values, owned by the row afterwards
         * @return a mutable row
         */
        Row mutable(RowShape shape, Object[] values);
    }

    private static volatile Operations operations;

    private RowAccess() {
    }

    /**
     * Called once by {@code Row}'s static initialiser.
     *
     * @param ops the implementation
     */
    public static void install(Operations ops) {
        operations = ops;
    }

    /**
     * The row operations.
     *
     * @return the installed operations
     */
    public static Operations get() {
        Operations ops = operations;
        if (ops == null) {
            Row.empty(); // triggers Row's static initialiser
            ops = operations;
        }
        return ops;
    }
}
