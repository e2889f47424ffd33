package io.dictdb.bench;

import ch.qos.logback.classic.Logger;
import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.logging.DictDBLogging;
import io.dictdb.logging.LoggingOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What DictDB's logging costs on the hot path when DEBUG is off: the same operations with the {@code io.dictdb}
 * loggers OFF and with logging configured at INFO by {@link DictDBLogging} (JSON lines to a file in a temporary
 * directory, no console). The requirement is that INFO stays within 5 % of OFF: at INFO, the per-operation events
 * (DEBUG) are never created, and what remains is one level check per operation.
 *
 * <h2>Both set-ups in the same JVM, iteration by iteration</h2>
 * Two forks of the same code differ by 10 to 30 % on this class of machine (JIT decisions, memory layout), more
 * than the 5 % to be shown, so comparing a fork at OFF with a fork at INFO cannot settle it. Each fork therefore
 * measures both: before every iteration the state switches the logging set-up, following {@link LoggingSchedule}
 * (OFF, INFO, INFO, OFF, repeated), and prints which one the iteration measures. The compiled code is the one
 * JIT-compiled under both set-ups. JMH's own score of a benchmark mixes the two set-ups and means nothing here;
 * {@code io.dictdb.bench.report.LoggingOverheadReport} reads the iterations back from the JSON results, separates
 * them by the same schedule, and gives INFO vs OFF with a 95 % interval over the blocks of four iterations.
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -q -B install -DskipTests
 * java -jar dictdb-bench/target/benchmarks.jar LoggingOverheadBenchmark -rf json -rff dictdb-bench/results/logging.json
 * java -cp dictdb-bench/target/benchmarks.jar io.dictdb.bench.report.LoggingOverheadReport dictdb-bench/results/logging.json
 * </pre>
 * About eight minutes: 3 benchmarks × 5 forks × (4 warm-up + 24 measured iterations of 1 s). The heap is fixed and
 * touched at start-up, so that no iteration pays for first touches of memory (see
 * {@code io.dictdb.bench.peers.PeerJvm}).
 *
 * <h2>What is measured</h2>
 * <ul>
 *   <li>{@link #pkGet}: {@code table.get(key)} for keys cycling through a pre-generated random sequence.</li>
 *   <li>{@link #indexedEqNoCopy}: {@code age == 30} through a HASH index, {@code copy(false)}; about N/41 rows.</li>
 *   <li>{@link #insertOne}: a single-row insert (auto key) into a table without indexes, emptied before every
 *       iteration (drop and create, outside the measurement) so that its size stays bounded.</li>
 * </ul>
 * The table has {@code rows} rows of {@link BenchData} (default 100,000).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = LoggingSchedule.MEASURED_ITERATIONS, time = 1, timeUnit = TimeUnit.SECONDS)
public class LoggingOverheadBenchmark {

    /** The table read by the lookups and the select. */
    static final String TABLE = "people";

    /** The table the insert benchmark writes to. */
    static final String INSERTS = "inserts";

    /** The equality target of the indexed select. */
    static final int AGE_EQ = 30;

    /** The database, the two logging set-ups and the lookup keys. */
    @State(Scope.Benchmark)
    public static class LoggedDb {
        /** Number of pre-generated keys (a power of two, so the cursor wraps with a mask). */
        static final int KEY_COUNT = 1 << 16;
        static final int KEY_MASK = KEY_COUNT - 1;

        /** Rows of the table read by the lookups and the select. */
        @Param({"100000"})
        public int rows;

        /**
         * {@code off-info}: the iterations the schedule gives to INFO run at INFO. {@code off-off} (a control, run on
         * request with {@code -p setups=off-off}): they run with the loggers OFF too, so that the report shows what
         * the schedule alone measures when nothing differs.
         */
        @Param({"off-info"})
        public String setups = "off-info";

        DictDB db;
        Table table;
        Table inserts;
        Long[] keys;
        int cursor;
        long expectedEq;
        Path logDir;
        /** Whether the current iteration runs with logging at INFO. */
        boolean info;
        private int warmups;
        private int measured;
        private ch.qos.logback.classic.Level previousLevel;
        /** The record inserted by {@link #insertOne} (the key is assigned automatically). */
        final Map<String, Object> record = Map.of("name", "name-x", "age", 30L, "dept", "dept1", "salary", 50_000.0);

        /**
         * Builds the table, its HASH index on {@code age} and the keys, with the loggers OFF.
         *
         * @throws IOException when the temporary log directory cannot be created
         */
        @Setup(Level.Trial)
        public void setup() throws IOException {
            logDir = Files.createTempDirectory("dictdb-logging-bench");
            previousLevel = dictdbLogger().getLevel();
            useLogging(false);
            BenchData data = BenchData.generate(rows);
            db = new DictDB();
            table = db.createTable(TABLE);
            table.insertAll(data.rows());
            table.createIndex("age", IndexType.HASH);
            long[] raw = data.randomKeys(KEY_COUNT, BenchData.SEED + 1);
            keys = new Long[raw.length];
            for (int i = 0; i < raw.length; i++) {
                keys[i] = raw[i];
            }
            cursor = 0;
            expectedEq = data.countAgeBetween(AGE_EQ, AGE_EQ);
            long actual = table.select().where(Field.of("age").eq(AGE_EQ)).copy(false).list().size();
            if (actual != expectedEq) {
                throw new IllegalStateException("age == " + AGE_EQ + ": " + actual + " rows, expected " + expectedEq);
            }
            System.out.printf("[setup] table rows=%d, rows per indexed select=%d%n", rows, expectedEq);
        }

        private static Logger dictdbLogger() {
            return (Logger) LoggerFactory.getLogger(DictDBLogging.LOGGER_NAME);
        }

        /**
         * Switches to the set-up {@link LoggingSchedule} names for the coming iteration, then empties the insert
         * table.
         *
         * @param iteration the coming iteration (warm-up or measured)
         */
        @Setup(Level.Iteration)
        public void nextIteration(IterationParams iteration) {
            boolean measuredIteration = iteration.getType() == IterationType.MEASUREMENT;
            boolean next = measuredIteration ? LoggingSchedule.infoAt(measured++)
                    : LoggingSchedule.infoAtWarmup(warmups++);
            useLogging(next);
            System.out.printf("[setup] %s iteration %d: logging=%s%n", measuredIteration ? "measured" : "warm-up",
                    measuredIteration ? measured : warmups, next ? "info" : "off");
            freshInsertTable();
        }

        /**
         * Applies one of the two set-ups: {@code DictDBLogging} at INFO with JSON lines to a file, or nothing
         * installed and the {@code io.dictdb} loggers OFF.
         *
         * @param atInfo true for INFO
         */
        void useLogging(boolean atInfo) {
            if (atInfo && !"off-off".equals(setups)) {
                DictDBLogging.configure(LoggingOptions.builder().level("INFO").console(false)
                        .logFile(logDir.resolve("dictdb.log")).json(true).build());
            } else {
                DictDBLogging.reset();
                dictdbLogger().setLevel(ch.qos.logback.classic.Level.OFF);
            }
            info = atInfo;
        }

        /** Empties the insert table (drop and create: logged when the set-up is INFO). */
        void freshInsertTable() {
            if (db.hasTable(INSERTS)) {
                db.dropTable(INSERTS);
            }
            inserts = db.createTable(INSERTS);
        }

        Long nextKey() {
            return keys[cursor++ & KEY_MASK];
        }

        /**
         * Closes the database and undoes the logging set-up (the log directory is deleted).
         *
         * @throws IOException when the log directory cannot be deleted
         */
        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            db.close();
            db = null;
            table = null;
            inserts = null;
            DictDBLogging.reset();
            dictdbLogger().setLevel(previousLevel);
            DirectoryTree.delete(logDir);
        }
    }

    /**
     * {@code table.get(key)} for a random existing key.
     *
     * @param s the state
     * @return the row
     */
    @Benchmark
    public Optional<Row> pkGet(LoggedDb s) {
        return s.table.get(s.nextKey());
    }

    /**
     * {@code age == 30} through the HASH index, stored rows returned as they are.
     *
     * @param s the state
     * @return the rows
     */
    @Benchmark
    public List<Row> indexedEqNoCopy(LoggedDb s) {
        return s.table.select().where(Field.of("age").eq(AGE_EQ)).copy(false).list();
    }

    /**
     * One single-row insert with an automatic key.
     *
     * @param s the state
     * @return the new key
     */
    @Benchmark
    public Object insertOne(LoggedDb s) {
        return s.inserts.insert(s.record);
    }
}
