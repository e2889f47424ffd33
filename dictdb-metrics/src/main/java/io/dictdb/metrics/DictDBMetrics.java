package io.dictdb.metrics;

import io.dictdb.DictDB;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Micrometer meters of one {@link DictDB}: a {@link MeterBinder} the application binds to its own registry.
 *
 * <pre>{@code
 * DictDBMetrics metrics = DictDBMetrics.builder(db).tag("db", "orders").build();
 * metrics.bindTo(registry);
 * ...
 * metrics.close();   // stops counting, removes the table gauges
 * }</pre>
 *
 * <p>Meters ({@code dictdb} is the default prefix; every meter also carries the extra tags given to the builder):
 * <ul>
 *   <li>{@code dictdb.operations} — timer, tags {@code table}, {@code operation}, {@code outcome}
 *       ({@code success} or {@code failure}): how many operations and how long they took;</li>
 *   <li>{@code dictdb.rows} — counter, tags {@code table}, {@code operation}: rows affected or returned by the
 *       successful operations;</li>
 *   <li>{@code dictdb.table.rows} — gauge, tag {@code table}: rows in the table now.</li>
 * </ul>
 * The operations and their row counts are those of {@link io.dictdb.OperationEvent}.
 *
 * <p><b>Invariants.</b> Nothing is global: meters go only to the registries given to {@link #bindTo}, and the
 * only hook is an {@link io.dictdb.OperationListener} registered on this one database. Each {@code bindTo} is an
 * independent binding (its own listener, meter cache and gauges); {@link #close()} ends them all, after which no
 * meter of this binder changes and its gauges are gone from the registries, while the timers and counters keep
 * their final values. Meters are created lazily, the first time a table and operation meet, then cached: memory is
 * bounded by the number of distinct table names times the number of operations, whatever the traffic. A table
 * gets its row gauge when it exists at binding or when an operation on it first succeeds (so tables created later
 * appear on their {@code createTable}), and loses it when it is dropped. Recording never throws into the
 * database, which would ignore it anyway. Timers publish count, total time and maximum; percentiles and histograms
 * are left to the registry's own {@code MeterFilter}s.
 *
 * <p>Two databases bound to the same registry must be told apart by an extra tag (for example {@code db}):
 * meters with the same name and tags are one meter in Micrometer, so their counts would add up.
 *
 * <p>Other binders of this package (such as those of a backup manager) follow the same naming: same prefix, same
 * extra tags, built the same way.
 */
public final class DictDBMetrics implements MeterBinder, AutoCloseable {
    /** The tag keys set by this binder's meters, which extra tags must not use. */
    static final Set<String> RESERVED_TAGS = Set.of("table", "operation", "outcome");

    private final DictDB db;
    private final MeterNaming naming;
    private final List<OperationMeters> bindings = new ArrayList<>();
    private boolean closed;

    /**
     * Meters of a database with the default prefix {@code dictdb} and no extra tag.
     *
     * @param db the database
     */
    public DictDBMetrics(DictDB db) {
        this(builder(db));
    }

    private DictDBMetrics(Builder builder) {
        this.db = builder.db;
        this.naming = new MeterNaming(builder.prefix, builder.tags);
    }

    /**
     * Starts building the meters of a database.
     *
     * @param db the database
     * @return a builder
     */
    public static Builder builder(DictDB db) {
        return new Builder(db);
    }

    /**
     * Registers this database's meters in a registry and starts recording. May be called for several
     * registries; each gets its own meters.
     *
     * @param registry the registry
     * @throws IllegalStateException when this binder is closed
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (closed) {
            throw new IllegalStateException("DictDBMetrics is closed; create a new one to bind again.");
        }
        OperationMeters binding = new OperationMeters(db, registry, naming);
        // Listen first, then look at the tables: a table created in between is seen by one or the other.
        db.addOperationListener(binding);
        binding.trackTables(db.listTables());
        bindings.add(binding);
    }

    /**
     * Stops recording: unregisters the listeners from the database and removes the table gauges from the
     * registries. Operation timers and row counters stay registered with their final values. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        for (OperationMeters binding : bindings) {
            db.removeOperationListener(binding);
            binding.close();
        }
        bindings.clear();
    }

    /** Builds a {@link DictDBMetrics}. */
    public static final class Builder {
        private final DictDB db;
        private String prefix = MeterNaming.DEFAULT_PREFIX;
        private Tags tags = Tags.empty();

        private Builder(DictDB db) {
            this.db = Objects.requireNonNull(db, "db");
        }

        /**
         * The first part of every meter name (default {@code dictdb}): {@code prefix("app.db")} gives
         * {@code app.db.operations}.
         *
         * @param prefix words separated by dots
         * @return this builder
         * @throws IllegalArgumentException when the prefix is blank, starts or ends with a dot, or contains a blank
         *                                  (checked by {@link #build()})
         */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Adds a tag to every meter, for example {@code tag("db", "orders")}.
         *
         * @param key   the tag key, not {@code table}, {@code operation} or {@code outcome}
         * @param value the tag value
         * @return this builder
         * @throws IllegalArgumentException when the key is one the meters set themselves
         */
        public Builder tag(String key, String value) {
            return tags(Tags.of(key, value));
        }

        /**
         * Adds tags to every meter.
         *
         * @param extra the tags; their keys must not be {@code table}, {@code operation} or {@code outcome}
         * @return this builder
         * @throws IllegalArgumentException when a key is one the meters set themselves
         */
        public Builder tags(Iterable<Tag> extra) {
            this.tags = this.tags.and(MeterNaming.checkExtraTags(extra, RESERVED_TAGS));
            return this;
        }

        /**
         * Builds the binder (it records nothing until {@link DictDBMetrics#bindTo}).
         *
         * @return the binder
         * @throws IllegalArgumentException when the prefix is invalid
         */
        public DictDBMetrics build() {
            return new DictDBMetrics(this);
        }
    }
}
