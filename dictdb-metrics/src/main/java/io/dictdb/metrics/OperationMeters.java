package io.dictdb.metrics;

import io.dictdb.DictDB;
import io.dictdb.OperationEvent;
import io.dictdb.OperationListener;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The binding of one database to one registry: the {@link OperationListener} that turns each operation into
 * meter updates, its cache of meters, and the table gauges. Created by {@link DictDBMetrics#bindTo}; after
 * {@link #close()} it records nothing more.
 */
final class OperationMeters implements OperationListener, AutoCloseable {
    private final MeterRegistry registry;
    private final MeterNaming naming;
    private final TableRowGauges gauges;
    /** Table, then operation name, to its meters: looked up without allocating, bounded by tables × operations. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, OperationMeter>> meters =
            new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param db       the database
     * @param registry the registry
     * @param naming   names and extra tags
     */
    OperationMeters(DictDB db, MeterRegistry registry, MeterNaming naming) {
        this.registry = registry;
        this.naming = naming;
        this.gauges = new TableRowGauges(db, registry, naming);
    }

    /**
     * Registers the row gauges of tables that already exist.
     *
     * @param tables the table names
     */
    void trackTables(Iterable<String> tables) {
        for (String table : tables) {
            gauges.track(table);
        }
    }

    @Override
    public void onOperation(OperationEvent event) {
        if (closed) {
            return;
        }
        meter(event.table(), event.operation()).record(event);
        if (!event.failed()) {
            gauges.onSucceeded(event.table(), event.operation());
        }
    }

    private OperationMeter meter(String table, String operation) {
        ConcurrentHashMap<String, OperationMeter> ofTable = meters.get(table);
        if (ofTable == null) {
            ofTable = meters.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
        }
        OperationMeter meter = ofTable.get(operation);
        if (meter == null) {
            meter = ofTable.computeIfAbsent(operation,
                    op -> OperationMeter.register(registry, naming, table, op));
        }
        return meter;
    }

    /** Stops recording and removes the table gauges; the operation meters keep their last values. */
    @Override
    public void close() {
        closed = true;
        gauges.untrackAll();
    }
}
