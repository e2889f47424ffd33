package io.dictdb.metrics;

import io.dictdb.DictDB;
import io.dictdb.TableNotFoundException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The gauges {@code <prefix>.table.rows}, one per table of one database, in one registry. A gauge is registered
 * when a table is first seen (it exists at binding, or an operation on it succeeded) and removed when the table is
 * dropped. Its value is read when the registry asks for it: the table's row count in the latest committed state,
 * or NaN while the table does not exist.
 */
final class TableRowGauges {
    private final DictDB db;
    private final MeterRegistry registry;
    private final MeterNaming naming;
    private final ConcurrentHashMap<String, Gauge> gauges = new ConcurrentHashMap<>();

    /**
     * @param db       the database whose tables are measured
     * @param registry the registry the gauges go to
     * @param naming   names and extra tags
     */
    TableRowGauges(DictDB db, MeterRegistry registry, MeterNaming naming) {
        this.db = db;
        this.registry = registry;
        this.naming = naming;
    }

    /**
     * Follows a successful operation: drops the gauge of a dropped table, else makes sure the table has one.
     *
     * @param table     the table
     * @param operation the operation name
     */
    void onSucceeded(String table, String operation) {
        if ("dropTable".equals(operation)) {
            untrack(table);
        } else {
            track(table);
        }
    }

    /**
     * Registers the gauge of a table unless it has one. A table that does not exist (any more) gets none, so an
     * event arriving after the table's drop does not bring its gauge back.
     *
     * @param table the table
     */
    void track(String table) {
        if (!gauges.containsKey(table) && db.hasTable(table)) {
            gauges.computeIfAbsent(table, this::register);
        }
    }

    /**
     * Removes the gauge of a table, from this class and from the registry.
     *
     * @param table the table
     */
    void untrack(String table) {
        Gauge gauge = gauges.remove(table);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    /** Removes every gauge. */
    void untrackAll() {
        for (String table : gauges.keySet()) {
            untrack(table);
        }
    }

    private Gauge register(String table) {
        return Gauge.builder(naming.name("table.rows"), db, d -> rowCount(d, table))
                .description("Rows in a DictDB table")
                .baseUnit("rows")
                .tags(naming.tags("table", table))
                .register(registry);
    }

    private static double rowCount(DictDB db, String table) {
        try {
            return db.hasTable(table) ? db.getTable(table).count() : Double.NaN;
        } catch (TableNotFoundException droppedMeanwhile) {
            return Double.NaN;
        }
    }
}
