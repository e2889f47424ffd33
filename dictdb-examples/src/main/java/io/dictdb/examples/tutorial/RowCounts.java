package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many rows each table of a database holds: what the tutorial compares after a restore. */
public final class RowCounts {
    private RowCounts() {
    }

    /**
     * Rows per table.
     *
     * @param db a database
     * @return table name to row count, in table creation order
     */
    public static Map<String, Long> of(DictDB db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : db.listTables()) {
            counts.put(table, db.getTable(table).count());
        }
        return counts;
    }
}
