package io.dictdb.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The log events of the engine, through SLF4J, with structured key/values ({@code table}, {@code op},
 * {@code count}, {@code key}, {@code field}, {@code type}, {@code durationMs}). Record contents and query operands
 * are never logged: only table and field names, operation names, counts, primary keys of single-row writes and
 * durations.
 *
 * <ul>
 *   <li>{@code io.dictdb.table} — DEBUG, one event per row operation (insert, upsert, update, delete);</li>
 *   <li>{@code io.dictdb.query} — DEBUG, one event per query (select, aggregate) with its duration;</li>
 *   <li>{@code io.dictdb.schema} — INFO, tables and indexes created or dropped;</li>
 *   <li>{@code io.dictdb.transaction} — DEBUG, one event per commit with its sequence number and change count.</li>
 * </ul>
 * Every method checks the level first, so a disabled level costs one level check.
 */
public final class OperationLog {
    private static final Logger TABLE = LoggerFactory.getLogger("io.dictdb.table");
    private static final Logger QUERY = LoggerFactory.getLogger("io.dictdb.query");
    private static final Logger SCHEMA = LoggerFactory.getLogger("io.dictdb.schema");
    private static final Logger TRANSACTION = LoggerFactory.getLogger("io.dictdb.transaction");

    private OperationLog() {
    }

    /**
     * A row operation.
     *
     * @param table the table
     * @param op    insert, upsert, update or delete
     * @param count rows affected
     * @param key   the primary key of a single-row operation, else null
     */
    public static void rows(String table, String op, int count, Object key) {
        if (TABLE.isDebugEnabled()) {
            LoggingEventBuilder event = TABLE.atDebug().addKeyValue("table", table).addKeyValue("op", op)
                    .addKeyValue("count", count);
            if (key != null) {
                event = event.addKeyValue("key", key);
            }
            event.log("{} of {} row(s) in table '{}'", op, count, table);
        }
    }

    /**
     * Whether query events are logged (so that callers only time queries when they are).
     *
     * @return true when DEBUG is enabled for {@code io.dictdb.query}
     */
    public static boolean queriesEnabled() {
        return QUERY.isDebugEnabled();
    }

    /**
     * A query.
     *
     * @param table       the table
     * @param op          select or aggregate
     * @param count       rows returned
     * @param plan        how the rows were reached (e.g. FullScan, Index(age ...)) without operand values
     * @param startNanos  {@link System#nanoTime()} when the query started
     */
    public static void query(String table, String op, int count, String plan, long startNanos) {
        if (QUERY.isDebugEnabled()) {
            double ms = (System.nanoTime() - startNanos) / 1e6;
            QUERY.atDebug().addKeyValue("table", table).addKeyValue("op", op).addKeyValue("count", count)
                    .addKeyValue("plan", plan).addKeyValue("durationMs", ms)
                    .log("{} on table '{}' returned {} row(s) in {} ms", op, table, count, String.format("%.3f", ms));
        }
    }

    /**
     * A table created or dropped.
     *
     * @param table the table
     * @param op    createTable or dropTable
     */
    public static void table(String table, String op) {
        if (SCHEMA.isInfoEnabled()) {
            SCHEMA.atInfo().addKeyValue("table", table).addKeyValue("op", op).log("{} '{}'", op, table);
        }
    }

    /**
     * An index created or dropped.
     *
     * @param table the table
     * @param op    createIndex or dropIndex
     * @param field the indexed field
     * @param type  the index type, or null
     */
    public static void index(String table, String op, String field, Object type) {
        if (SCHEMA.isInfoEnabled()) {
            LoggingEventBuilder event = SCHEMA.atInfo().addKeyValue("table", table).addKeyValue("op", op)
                    .addKeyValue("field", field);
            if (type != null) {
                event = event.addKeyValue("type", type);
            }
            event.log("{} on field '{}' of table '{}'", op, field, table);
        }
    }

    /**
     * A commit.
     *
     * @param sequence the commit sequence number
     * @param changes  the number of recorded changes (0 when no listener asked for them)
     */
    public static void commit(long sequence, int changes) {
        if (TRANSACTION.isDebugEnabled()) {
            TRANSACTION.atDebug().addKeyValue("op", "commit").addKeyValue("sequence", sequence)
                    .addKeyValue("count", changes).log("commit {}", sequence);
        }
    }
}
