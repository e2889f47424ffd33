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
 * loggers OFF ({@code logging=none}) and with logging configured at INFO by {@link DictDBLogging}
 * ({@code logging=info}: JSON lines to a file in a temporary directory, no console). The requirement is that
 * {@code info} stays within 5% of {@code none}: at INFO, the per-operation events (DEBUG) are never created, and
 * what remains is one level check per operation.
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -q -B install -DskipTests
 * java -jar dictdb-bench/target/benchmarks.jar LoggingOverheadBenchmark -rf json -rff jmh-logging.json
 * </pre>
 * About five minutes (3 benchmarks × 2 parameter values × 3 forks: a 5% difference is smaller than what separates
 * two forks of the same code on a shared virtual machine, so each score averages three JVMs). Compare each
 * benchmark's {@code info} score with its {@code none} score; the difference must stay within the error bars and
 * below 5%.
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
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 8, time = 1, timeUnit = TimeUnit.SECONDS)
public class LoggingOverheadBenchmark {

    /** The table read by the lookups and the select. */
    static final String TABLE = "people";

    /** The table the insert benchmark writes to. */
    static final String INSERTS = "inserts";

    /** The equality target of the indexed select. */
    static final int AGE_EQ = 30;

    /** The database, its logging set-up and the lookup keys. */
    @State(Scope.Benchmark)
    public static class LoggedDb {
        /** Number of pre-generated keys (a power of two, so the cursor wraps with a mask). */
        static final int KEY_COUNT = 1 << 16;
        static final int KEY_MASK = KEY_COUNT - 1;

        /** {@code none}: the io.dictdb loggers OFF; {@code info}: DictDBLogging at INFO, JSON lines to a file. */
        @Param({"none", "info"})
        public String logging;

        /** Rows of the table read by the lookups and the select. */
        @Param({"100000"})
        public int rows;

        DictDB db;
        Table table;
        Table inserts;
        Long[] keys;
        int cursor;
        long expectedEq;
        Path logDir;
        private ch.qos.logback.classic.Level previousLevel;
        /** The record inserted by {@link #insertOne} (the key is assigned automatically). */
        final Map<String, Object> record = Map.of("name", "name-x", "age", 30L, "dept", "dept1", "salary", 50_000.0);

        /**
         * Sets up logging as the parameter says, then builds the table, its HASH index on {@code age} and the keys.
         *
         * @throws IOException when the temporary log directory cannot be created
         */
        @Setup(Level.Trial)
        public void setup() throws IOException {
            configureLogging();
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
            System.out.printf("[setup] logging=%s: table rows=%d, rows per indexed select=%d%n", logging, rows,
                    expectedEq);
        }

        private void configureLogging() throws IOException {
            switch (logging) {
                case "none":
                    Logger dictdb = (Logger) LoggerFactory.getLogger(DictDBLogging.LOGGER_NAME);
                    previousLevel = dictdb.getLevel();
                    dictdb.setLevel(ch.qos.logback.classic.Level.OFF);
                    break;
                case "info":
                    logDir = Files.createTempDirectory("dictdb-logging-bench");
                    DictDBLogging.configure(LoggingOptions.builder().level("INFO").console(false)
                            .logFile(logDir.resolve("dictdb.log")).json(true).build());
                    break;
                default:
                    throw new IllegalArgumentException("logging must be none or info, got '" + logging + "'");
            }
        }

        /** Empties the insert table before each iteration (drop and create: logged at INFO in the info case). */
        @Setup(Level.Iteration)
        public void freshInsertTable() {
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
            if ("none".equals(logging)) {
                ((Logger) LoggerFactory.getLogger(DictDBLogging.LOGGER_NAME)).setLevel(previousLevel);
            } else {
                DictDBLogging.reset();
                DirectoryTree.delete(logDir);
            }
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
