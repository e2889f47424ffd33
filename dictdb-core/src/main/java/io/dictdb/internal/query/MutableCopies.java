package io.dictdb.internal.query;

import io.dictdb.Row;
import io.dictdb.internal.value.RowAccess;

import java.util.ArrayList;
import java.util.List;

/**
 * Deep mutable copies of stored rows, the default result of a query ({@code copy(true)}).
 *
 * <p>The rows an index returns lie scattered over the heap, so copying them is bound by memory latency, not by the
 * copying: each row costs a cache miss on the row and another on its values array. Copying row after row makes
 * these misses one after the other, because each copy allocates and writes before the next row is read. This class
 * copies in blocks: it first reads the values arrays of a block of rows, whose loads do not depend on each other and
 * so overlap in the memory system, then copies the rows of the block, now in cache. The result is the same as
 * {@link Row#mutableCopy()} on each row, in order.
 */
final class MutableCopies {
    /** Rows whose memory is fetched together; enough to overlap many misses, small enough to stay in L1. */
    private static final int BLOCK = 32;
    private static final RowAccess.Operations ROWS = RowAccess.get();

    private MutableCopies() {
    }

    /**
     * Copies rows.
     *
     * @param stored stored (immutable) rows
     * @return a new list of mutable deep copies, in the same order
     */
    static List<Row> of(List<Row> stored) {
        int n = stored.size();
        List<Row> out = new ArrayList<>(n);
        Object[][] arrays = new Object[BLOCK][];
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            int fields = 0;
            for (int i = start; i < end; i++) {
                Object[] values = ROWS.values(stored.get(i));
                arrays[i - start] = values;
                if (values != null) {
                    fields += values.length;
                }
            }
            if (fields < 0) {
                throw new AssertionError("negative field count");
            }
            for (int i = start; i < end; i++) {
                out.add(stored.get(i).mutableCopy());
            }
        }
        return out;
    }
}
