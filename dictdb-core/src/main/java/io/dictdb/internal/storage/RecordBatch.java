package io.dictdb.internal.storage;

import io.dictdb.Row;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;

import java.util.Arrays;

/**
 * A batch of one table's records read from a file, each already in the engine's representation (a shared shape
 * and an array of normalised values, {@link RecordReader}), on their way to the engine's bulk insert of built
 * rows. The immutable {@link Row}s themselves are made by {@link #rows()}, on the thread that inserts: on a large
 * load that is not the parsing thread, which is the busier of the two.
 *
 * <p>Filled by one thread, then read by one thread (possibly another, after a hand-over through a concurrent
 * queue); the rows are kept by the engine, the batch itself is dropped.
 */
final class RecordBatch {
    private static final RowAccess.Operations ROWS = RowAccess.get();
    private static final int INITIAL_SLOTS = 16;

    private final int capacity;
    /** Grow up to the capacity, so that the batch of a small file stays small. */
    private RowShape[] shapes;
    private Object[][] values;
    private boolean[] nested;
    private int size;

    /**
     * An empty batch.
     *
     * @param capacity the most records it takes
     */
    RecordBatch(int capacity) {
        this.capacity = capacity;
        int slots = Math.min(INITIAL_SLOTS, capacity);
        shapes = new RowShape[slots];
        values = new Object[slots][];
        nested = new boolean[slots];
    }

    /** @return whether no more record fits */
    boolean isFull() {
        return size == capacity;
    }

    /** @return whether the batch holds no record */
    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Appends a record.
     *
     * @param shape        its field names
     * @param recordValues its normalised values, one per field (owned by the batch, then by the row, afterwards)
     * @param hasNested    whether one of the values is a list or a map
     */
    void add(RowShape shape, Object[] recordValues, boolean hasNested) {
        if (size == shapes.length) {
            int grown = Math.min(capacity, size * 2);
            shapes = Arrays.copyOf(shapes, grown);
            values = Arrays.copyOf(values, grown);
            nested = Arrays.copyOf(nested, grown);
        }
        shapes[size] = shape;
        values[size] = recordValues;
        nested[size] = hasNested;
        size++;
    }

    /**
     * The records as immutable rows, made on the calling thread (once per batch).
     *
     * @return a new array of {@link #size()} rows
     */
    Row[] rows() {
        Row[] rows = new Row[size];
        for (int i = 0; i < size; i++) {
            rows[i] = ROWS.frozen(shapes[i], values[i], nested[i]);
        }
        return rows;
    }

    /** @return the number of records */
    int size() {
        return size;
    }
}
