package io.dictdb.bench;

import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Table;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Engine micro-benchmarks: primary-key lookups, index-backed selects, an unindexed scan and bulk insert, on the
 * data set of {@link BenchData} (default 1,000,000 rows).
 *
 * <h2>How to run</h2>
 * From the repository root:
 * <pre>
 * mvn -q -B install -DskipTests
 * java -jar dictdb-bench/target/benchmarks.jar EngineBenchmark -rf json -rff jmh-engine.json
 * </pre>
 * The full run (7 benchmarks, one fork each) takes a few minutes on 2 cores. Useful options:
 * {@code -p rows=10000} (smaller table), {@code -prof gc} (allocation per operation),
 * {@code EngineBenchmark.pkGet} (a regular expression selecting benchmarks), and for a quick check that every
 * benchmark still executes: {@code -f 1 -wi 1 -i 1 -w 1 -r 1 -p rows=10000}.
 * The forked JVM gets {@code -Xmx8g} (see {@link Fork#jvmArgsAppend()}).
 *
 * <h2>What is measured</h2>
 * <ul>
 *   <li>{@link #pkGetDictDB} vs {@link #pkGetConcurrentHashMap}: {@code table.get(key)} against
 *       {@code ConcurrentHashMap.get(key)} holding the same rows, for uniformly random existing keys taken from a
 *       pre-generated array (the random generation is not measured). Average time, ns/op.</li>
 *   <li>{@link #hashIndexEqNoCopy} / {@link #hashIndexEqCopy}: {@code age == 30} through a HASH index, with
 *       {@code copy(false)} and with the default {@code copy(true)}; about N/41 rows per operation.</li>
 *   <li>{@link #sortedIndexRangeNoCopy}: {@code age between 30 and 32} through a SORTED index, {@code copy(false)};
 *       about 3N/41 rows per operation.</li>
 *   <li>{@link #unindexedScanNoCopy}: {@code salary > x} on a table without indexes, {@code x} chosen so that 1% of
 *       the rows match, {@code copy(false)}. Rows scanned per second = N / (time per operation).</li>
 *   <li>{@link #insertAllNoIndexes}: {@code insertAll} of N rows into a fresh table without indexes (single-shot
 *       time per operation; the table is created outside the measured call). Rows per second = N / time.</li>
 * </ul>
 * The select benchmarks also report auxiliary counters: the secondary result {@code rowsReturned} (and
 * {@code rowsScanned} for the scan) is shown in the same unit as the primary score but per row, i.e. it is the time
 * per returned (scanned) row. Each state prints its rows per operation once during setup and checks the engine
 * returns exactly the rows the data set says it should.
 *
 * <p>Run single-threaded (the default {@code -t 1}): the key cursor of the lookup state is not thread-safe.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class EngineBenchmark {

    /** Name of the benchmark table. */
    static final String TABLE = "people";

    /** The equality target of the index benchmarks. */
    static final int AGE_EQ = 30;

    /** The inclusive range of the SORTED index benchmark. */
    static final int AGE_LOW = 30;
    static final int AGE_HIGH = 32;

    /** Fraction of rows selected by the unindexed scan. */
    static final double SCAN_FRACTION = 0.01;

    // ---------------------------------------------------------------------------------------------------------
    // States
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Base of the states that measure reads of one loaded table: it owns the {@code rows} parameter, builds the
     * data set and a table holding it once per trial, then runs the subclass's {@link #prepare()}, and drops the
     * table after the trial. JMH reads the {@code @Param}, {@code @Setup} and {@code @TearDown} declared here for
     * every subclass (the {@code @State} annotation is required on the class declaring a {@code @Param}); the
     * subclasses declare no trial-level helpers of their own, so the order of the steps stays this one.
     */
    @State(Scope.Benchmark)
    public abstract static class TableState {
        /** Rows of the data set. */
        @Param({"1000000"})
        public int rows;

        BenchData data;
        DictDB db;
        Table table;

        /** What the benchmark needs beyond the table: indexes, inputs, the check of its answer, its report. */
        abstract void prepare();

        /** Builds the data set and the table holding it, then runs {@link #prepare()}. */
        @Setup(Level.Trial)
        public void setup() {
            data = BenchData.generate(rows);
            db = new DictDB();
            table = db.createTable(TABLE);
            table.insertAll(data.rows());
            if (table.count() != rows) {
                throw new IllegalStateException("Table holds " + table.count() + " rows, expected " + rows);
            }
            prepare();
        }

        /** Drops the table and releases the data set ({@link #release()}). */
        @TearDown(Level.Trial)
        public void tearDown() {
            release();
        }

        /** Closes the database and lets go of everything the trial built; subclasses add their own fields. */
        void release() {
            if (db != null) {
                db.close();
            }
            db = null;
            table = null;
            data = null;
        }

        /**
         * Fails unless the select with {@code filter} returns {@code expected} rows, then prints the rows one
         * operation of {@code benchmark} returns.
         */
        void checkReturned(String benchmark, Condition filter, long expected) {
            long actual = table.select().where(filter).copy(false).list().size();
            if (actual != expected) {
                throw new IllegalStateException(benchmark + ": " + actual + " rows returned, expected " + expected);
            }
            report(benchmark, rows, "rows returned", expected);
        }

        /** Prints, once per trial, how many rows one operation of a benchmark handles. */
        static void report(String benchmark, long rows, String what, long perOp) {
            System.out.printf("[setup] %s: table rows=%d, %s per op=%d%n", benchmark, rows, what, perOp);
        }
    }

    /** Table without secondary indexes plus a {@link ConcurrentHashMap} holding the same rows. */
    @State(Scope.Benchmark)
    public static class PkLookupState extends TableState {
        /** Number of pre-generated keys (a power of two, so the cursor wraps with a mask). */
        static final int KEY_COUNT = 1 << 16;
        static final int KEY_MASK = KEY_COUNT - 1;

        ConcurrentHashMap<Long, Map<String, Object>> map;
        /** Boxed in advance, so that neither random generation nor boxing is measured. */
        Long[] keys;
        int cursor;

        @Override
        void prepare() {
            map = data.toConcurrentHashMap();
            long[] raw = data.randomKeys(KEY_COUNT, BenchData.SEED + 1);
            keys = new Long[raw.length];
            for (int i = 0; i < raw.length; i++) {
                keys[i] = raw[i];
            }
            cursor = 0;
            Long probe = keys[0];
            if (table.get(probe).isEmpty() || map.get(probe) == null) {
                throw new IllegalStateException("Key " + probe + " not found");
            }
            report("pkGet", rows, "rows returned", 1);
        }

        Long nextKey() {
            return keys[cursor++ & KEY_MASK];
        }

        @Override
        void release() {
            super.release();
            map = null;
            keys = null;
        }
    }

    /** Table with a HASH index on {@code age}. */
    @State(Scope.Benchmark)
    public static class HashIndexState extends TableState {
        @Override
        void prepare() {
            table.createIndex("age", IndexType.HASH);
            checkReturned("hashIndexEq", Field.of("age").eq(AGE_EQ), data.countAgeBetween(AGE_EQ, AGE_EQ));
        }
    }

    /** Table with a SORTED index on {@code age}. */
    @State(Scope.Benchmark)
    public static class SortedIndexState extends TableState {
        @Override
        void prepare() {
            table.createIndex("age", IndexType.SORTED);
            checkReturned("sortedIndexRange", Field.of("age").between(AGE_LOW, AGE_HIGH),
                    data.countAgeBetween(AGE_LOW, AGE_HIGH));
        }
    }

    /** Table without indexes and a salary threshold selecting {@link #SCAN_FRACTION} of the rows. */
    @State(Scope.Benchmark)
    public static class ScanState extends TableState {
        double salaryThreshold;

        @Override
        void prepare() {
            salaryThreshold = data.salaryThresholdForFraction(SCAN_FRACTION);
            report("unindexedScan", rows, "rows scanned", rows);
            checkReturned("unindexedScan", Field.of("salary").gt(salaryThreshold),
                    data.countSalaryAbove(salaryThreshold));
        }
    }

    /** The data set (built once) and a fresh, empty table without indexes for every invocation. */
    @State(Scope.Benchmark)
    public static class InsertState {
        @Param({"1000000"})
        public int rows;

        BenchData data;
        DictDB db;
        Table table;

        @Setup(Level.Trial)
        public void setupTrial() {
            data = BenchData.generate(rows);
            TableState.report("insertAllNoIndexes", rows, "rows inserted", rows);
        }

        @Setup(Level.Invocation)
        public void freshTable() {
            db = new DictDB();
            table = db.createTable(TABLE);
        }

        @TearDown(Level.Invocation)
        public void dropTable() {
            if (table.count() != rows) {
                throw new IllegalStateException("Table holds " + table.count() + " rows, expected " + rows);
            }
            db.close();
            db = null;
            table = null;
        }

        @TearDown(Level.Trial)
        public void tearDownTrial() {
            data = null;
        }
    }

    /**
     * Auxiliary counter of returned rows. In average-time mode JMH reports it as time per counted row (the
     * primary score divided by the rows per operation).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ReturnedRows {
        public long rowsReturned;

        @Setup(Level.Iteration)
        public void reset() {
            rowsReturned = 0;
        }
    }

    /** Auxiliary counters of scanned and returned rows (time per scanned / returned row). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class ScannedRows {
        public long rowsScanned;
        public long rowsReturned;

        @Setup(Level.Iteration)
        public void reset() {
            rowsScanned = 0;
            rowsReturned = 0;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // a. Primary-key get
    // ---------------------------------------------------------------------------------------------------------

    /** {@code table.get(key)} for a random existing key. */
    @Benchmark
    public Optional<Row> pkGetDictDB(PkLookupState s) {
        return s.table.get(s.nextKey());
    }

    /** Baseline: {@code ConcurrentHashMap.get(key)} on the same rows and the same key sequence. */
    @Benchmark
    public Map<String, Object> pkGetConcurrentHashMap(PkLookupState s) {
        return s.map.get(s.nextKey());
    }

    /**
     * {@code table.get(key)} and a read of one field of the row: what an application does with a lookup (this
     * touches the row's memory, which the plain lookup does not need to).
     */
    @Benchmark
    public Object pkGetAndReadDictDB(PkLookupState s) {
        return s.table.get(s.nextKey()).orElseThrow().get("age");
    }

    /** Baseline of {@link #pkGetAndReadDictDB}: {@code ConcurrentHashMap.get(key).get("age")}. */
    @Benchmark
    public Object pkGetAndReadConcurrentHashMap(PkLookupState s) {
        return s.map.get(s.nextKey()).get("age");
    }

    // ---------------------------------------------------------------------------------------------------------
    // b. Equality through a HASH index
    // ---------------------------------------------------------------------------------------------------------

    /** {@code age == 30} through the HASH index, stored rows returned as they are ({@code copy(false)}). */
    @Benchmark
    public List<Row> hashIndexEqNoCopy(HashIndexState s, ReturnedRows counter) {
        List<Row> result = s.table.select().where(Field.of("age").eq(AGE_EQ)).copy(false).list();
        counter.rowsReturned += result.size();
        return result;
    }

    /** {@code age == 30} through the HASH index with the default {@code copy(true)} (mutable deep copies). */
    @Benchmark
    public List<Row> hashIndexEqCopy(HashIndexState s, ReturnedRows counter) {
        List<Row> result = s.table.select().where(Field.of("age").eq(AGE_EQ)).list();
        counter.rowsReturned += result.size();
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------
    // c. Range through a SORTED index
    // ---------------------------------------------------------------------------------------------------------

    /** {@code age between 30 and 32} through the SORTED index, {@code copy(false)}. */
    @Benchmark
    public List<Row> sortedIndexRangeNoCopy(SortedIndexState s, ReturnedRows counter) {
        List<Row> result = s.table.select().where(Field.of("age").between(AGE_LOW, AGE_HIGH)).copy(false).list();
        counter.rowsReturned += result.size();
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------
    // d. Unindexed filtered scan
    // ---------------------------------------------------------------------------------------------------------

    /** {@code salary > x} (1% of the rows) on a table without indexes, {@code copy(false)}. */
    @Benchmark
    public List<Row> unindexedScanNoCopy(ScanState s, ScannedRows counter) {
        List<Row> result = s.table.select().where(Field.of("salary").gt(s.salaryThreshold)).copy(false).list();
        counter.rowsScanned += s.rows;
        counter.rowsReturned += result.size();
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------
    // e. Bulk insert
    // ---------------------------------------------------------------------------------------------------------

    /** {@code insertAll} of the N rows into a fresh table without indexes; one call per iteration. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    public List<Object> insertAllNoIndexes(InsertState s) {
        return s.table.insertAll(s.data.rows());
    }
}
