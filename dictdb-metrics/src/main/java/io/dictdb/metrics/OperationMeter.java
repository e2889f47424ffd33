package io.dictdb.metrics;

import io.dictdb.OperationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The meters of one operation of one table: the timers of its successes and of its failures, and the counter of
 * the rows it affected or returned. Created once per (table, operation) and then only recorded into.
 *
 * @param succeeded {@code <prefix>.operations} with {@code outcome=success}
 * @param failed    {@code <prefix>.operations} with {@code outcome=failure}
 * @param rows      {@code <prefix>.rows}
 */
record OperationMeter(Timer succeeded, Timer failed, Counter rows) {

    /**
     * Registers (or finds) the meters of one table and operation.
     *
     * @param registry  the registry
     * @param naming    names and extra tags
     * @param table     the table
     * @param operation the operation name
     * @return the meters
     */
    static OperationMeter register(MeterRegistry registry, MeterNaming naming, String table, String operation) {
        return new OperationMeter(timer(registry, naming, table, operation, "success"),
                timer(registry, naming, table, operation, "failure"),
                Counter.builder(naming.name("rows"))
                        .description("Rows affected or returned by DictDB operations")
                        .baseUnit("rows")
                        .tags(naming.tags("table", table, "operation", operation))
                        .register(registry));
    }

    private static Timer timer(MeterRegistry registry, MeterNaming naming, String table, String operation,
                               String outcome) {
        return Timer.builder(naming.name("operations"))
                .description("DictDB operations: how many and how long, per table, operation and outcome")
                .tags(naming.tags("table", table, "operation", operation, "outcome", outcome))
                .register(registry);
    }

    /**
     * Records one completed operation.
     *
     * @param event the operation
     */
    void record(OperationEvent event) {
        if (event.failed()) {
            failed.record(event.durationNanos(), TimeUnit.NANOSECONDS);
        } else {
            succeeded.record(event.durationNanos(), TimeUnit.NANOSECONDS);
            rows.increment(event.rows());
        }
    }
}
