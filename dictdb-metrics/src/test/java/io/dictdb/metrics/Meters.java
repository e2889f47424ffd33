package io.dictdb.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Reads this module's meters from a registry, for the tests (absent meters read as 0 or null). */
final class Meters {
    private final MeterRegistry registry;
    private final String prefix;

    Meters(MeterRegistry registry) {
        this(registry, "dictdb");
    }

    Meters(MeterRegistry registry, String prefix) {
        this.registry = registry;
        this.prefix = prefix;
    }

    /** The number of operations recorded by {@code <prefix>.operations}{table, operation, outcome}. */
    long count(String table, String operation, String outcome) {
        Timer timer = registry.find(prefix + ".operations")
                .tags("table", table, "operation", operation, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    /** {@code <prefix>.rows}{table, operation}. */
    double rows(String table, String operation) {
        Counter counter = registry.find(prefix + ".rows").tags("table", table, "operation", operation).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The gauge {@code <prefix>.table.rows}{table}, or null when it is not registered. */
    Gauge tableRows(String table) {
        return registry.find(prefix + ".table.rows").tags("table", table).gauge();
    }
}
