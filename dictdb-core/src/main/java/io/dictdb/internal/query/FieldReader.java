package io.dictdb.internal.query;

import io.dictdb.Row;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;

/**
 * Reads one named field from rows, remembering where the field stood in the last row shape it met. Stored rows of
 * a table share a handful of shapes, so a scan that tests a field finds its value with one identity check and one
 * array load per row, instead of searching the shape's names every time.
 *
 * <p>The remembered position is a hint: an immutable {@link Position} that any thread may replace at any time
 * (a reader sees either the old or the new one, both correct for their own shape), so one reader is safely shared
 * by every thread evaluating the same condition. Rows without a shared shape (mutable rows turned into maps) are
 * read through {@link Row#get}.
 */
final class FieldReader {
    private static final RowAccess.Operations ROWS = RowAccess.get();

    /** A field's index in one shape (-1 when the shape lacks the field). */
    private static final class Position {
        static final Position NONE = new Position(null, -1);

        final RowShape shape;
        final int index;

        Position(RowShape shape, int index) {
            this.shape = shape;
            this.index = index;
        }
    }

    private final String field;
    private Position last = Position.NONE;

    /**
     * @param field the field to read
     */
    FieldReader(String field) {
        this.field = field;
    }

    /**
     * The field's value in a row.
     *
     * @param row any row
     * @return the value, or null when the row has no such field
     */
    Object read(Row row) {
        Object[] values = ROWS.values(row);
        if (values == null) {
            return row.get(field);
        }
        RowShape shape = ROWS.shape(row);
        Position position = last;
        if (position.shape != shape) {
            position = new Position(shape, shape.indexOf(field));
            last = position;
        }
        int index = position.index;
        return index < 0 ? null : values[index];
    }
}
