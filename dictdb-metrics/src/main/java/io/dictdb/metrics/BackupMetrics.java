package io.dictdb.metrics;

import io.dictdb.backup.BackupManager;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer gauges of one {@link BackupManager}, bound to the application's registry.
 *
 * <pre>{@code
 * new BackupMetrics(backups).bindTo(registry);
 * }</pre>
 *
 * <p>Gauges ({@code dictdb} is the default prefix; each also carries the extra tags given to the builder):
 * <ul>
 *   <li>{@code dictdb.backup.age} — seconds since the last successful backup finished (NaN before the first one,
 *       so an alert on "age above N" never fires on a value made up);</li>
 *   <li>{@code dictdb.backup.last.duration} — seconds the last successful backup took (NaN before it);</li>
 *   <li>{@code dictdb.backup.last.size} — bytes of the last successful backup's file (NaN before it);</li>
 *   <li>{@code dictdb.backup.consecutive.failures} — failed backups in a row (0 after a success);</li>
 *   <li>{@code dictdb.backup.deltas.since.full} — deltas written since the last full backup.</li>
 * </ul>
 *
 * <p>Invariants: the gauges read the manager's own figures when the registry asks for them, so they hold no state
 * and never lag; they hold the manager strongly, so they report for as long as they are registered; nothing is
 * global.
 */
public final class BackupMetrics implements MeterBinder {
    private final BackupManager manager;
    private final MeterNaming naming;
    private final Clock clock;

    /**
     * Meters for a backup manager with the default prefix and no extra tags.
     *
     * @param manager the backup manager
     */
    public BackupMetrics(BackupManager manager) {
        this(manager, MeterNaming.DEFAULT_PREFIX, List.of(), Clock.systemUTC());
    }

    /**
     * Meters for a backup manager.
     *
     * @param manager the backup manager
     * @param prefix  the first part of every meter name
     * @param tags    extra tags added to every meter
     * @param clock   the clock the backup age is measured with
     */
    public BackupMetrics(BackupManager manager, String prefix, Iterable<Tag> tags, Clock clock) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.naming = new MeterNaming(prefix, MeterNaming.checkExtraTags(tags, Set.of()));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "backup.age", "seconds", "Seconds since the last successful backup finished",
                m -> m.lastBackupTime().map(t -> seconds(Duration.between(t, Instant.now(clock)))).orElse(Double.NaN));
        gauge(registry, "backup.last.duration", "seconds", "Seconds the last successful backup took",
                m -> m.lastBackupDuration().map(BackupMetrics::seconds).orElse(Double.NaN));
        gauge(registry, "backup.last.size", "bytes", "Size of the last successful backup's file",
                m -> m.lastBackupBytes().isPresent() ? (double) m.lastBackupBytes().getAsLong() : Double.NaN);
        gauge(registry, "backup.consecutive.failures", null, "Failed backups in a row",
                m -> (double) m.consecutiveFailures());
        gauge(registry, "backup.deltas.since.full", null, "Deltas written since the last full backup",
                m -> (double) m.deltasSinceFull());
    }

    private void gauge(MeterRegistry registry, String suffix, String unit, String description,
                       ToDoubleFunction<BackupManager> value) {
        Gauge.builder(naming.name(suffix), manager, value)
                .tags(naming.tags())
                .baseUnit(unit)
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
