package io.dictdb.internal.index;

import io.dictdb.Row;

/** Receives rows in key order during a walk; returns false to stop the walk. */
@FunctionalInterface
public interface RowVisitor {
    /**
     * Visits one row.
     *
     * @param row the row
     * @return true to go on, false to stop
     */
    boolean visit(Row row);
}
