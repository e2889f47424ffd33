package io.dictdb.bench;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Saving and loading a database of 1 000 000 rows ({@link BenchData}: {@code id, name, age, dept, salary}), in
 * JSON and CBOR, and the latency of a writer while a save runs.
 *
 * <p>Each benchmark invocation is one whole save or load (single-shot: one invocation per iteration; a full GC
 * runs before each iteration, so that the garbage of the previous one is not collected during the next). Rows
 * per second = {@code rows / score}. A save includes everything {@code DictDB.save} does: writing the temporary
 * file, forcing it to the device, renaming it, forcing the directory.
 *
 * <ul>
 *   <li>{@code save}, {@code load}: one save (replacing the previous save's file) or one load of the saved
 *       file.</li>
 *   <li>{@code saveWhileWriting}: a save in JSON while another thread updates single rows (by primary key) as
 *       fast as it can; the writer records the latency of each update with {@link System#nanoTime()} and the
 *       auxiliary counters report, per iteration, the number of updates done during the save and their 50th,
 *       99th and maximum latency in microseconds ({@code p50Micros}, {@code p99Micros}, {@code maxMicros}).</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -B install -DskipTests && java -jar dictdb-bench/target/benchmarks.jar PersistenceBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@Warmup(iterations = 2, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
public class PersistenceBenchmark {

    /** Name of the benchmark table. */
    static final String TABLE = "people";

    /** A database of {@link #rows} rows and a file holding it. */
    @State(Scope.Benchmark)
    public static class SavedDatabase {
        /** Number of rows. */
        @Param({"1000000"})
        public int rows;

        /** File format. */
        @Param({"JSON", "CBOR"})
        public FileFormat format;

        DictDB db;
        Path dir;
        Path saved;
        Path target;

        /** Builds the database and saves it once, as the file the load benchmark reads. */
        @Setup(Level.Trial)
        public void build() throws IOException {
            db = new DictDB();
            Table table = db.createTable(TABLE);
            table.insertAll(BenchData.generate(rows).rows());
            dir = Files.createTempDirectory("dictdb-persistence-bench");
            saved = dir.resolve("saved." + format.name().toLowerCase());
            target = dir.resolve("target." + format.name().toLowerCase());
            db.save(saved, format);
            long loaded = DictDB.load(saved, format).getTable(TABLE).count();
            if (loaded != rows) {
                throw new IllegalStateException("Loaded " + loaded + " rows, expected " + rows);
            }
            System.out.printf("[setup] %s file of %d rows: %d bytes%n", format, rows, Files.size(saved));
        }

        /** Starts each iteration with a collected heap. */
        @Setup(Level.Iteration)
        public void collect() {
            System.gc();
        }

        /** Removes the files. */
        @TearDown(Level.Trial)
        public void cleanUp() throws IOException {
            deleteTree(dir);
            db = null;
        }
    }

    /**
     * Saves the whole database, replacing the file of the previous save.
     *
     * @param state the database
     */
    @Benchmark
    public void save(SavedDatabase state) {
        state.db.save(state.target, state.format);
    }

    /**
     * Loads the whole database.
     *
     * @param state the saved file
     * @return the loaded database
     */
    @Benchmark
    public DictDB load(SavedDatabase state) {
        return DictDB.load(state.saved, state.format);
    }

    /** A database of 1 000 000 rows and a writer thread updating it during each save. */
    @State(Scope.Benchmark)
    public static class BusyDatabase {
        /** Number of rows. */
        @Param({"1000000"})
        public int rows;

        DictDB db;
        Table table;
        Path dir;
        Path target;
        volatile boolean stop;
        Thread writer;
        final long[] latencies = new long[1 << 24];
        /** Updates recorded so far (written by the writer only). */
        volatile int count;

        /** Builds the database. */
        @Setup(Level.Trial)
        public void build() throws IOException {
            db = new DictDB();
            table = db.createTable(TABLE);
            table.insertAll(BenchData.generate(rows).rows());
            dir = Files.createTempDirectory("dictdb-persistence-bench");
            target = dir.resolve("busy.json");
        }

        /** Collects the heap, then starts the writer. */
        @Setup(Level.Iteration)
        public void startWriter() throws InterruptedException {
            System.gc();
            stop = false;
            count = 0;
            writer = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(42);
                while (!stop && count < latencies.length) {
                    long key = 1 + random.nextInt(rows);
                    long start = System.nanoTime();
                    table.update(Map.of("age", (long) (20 + random.nextInt(41))), table.field("id").eq(key));
                    latencies[count] = System.nanoTime() - start;
                    count = count + 1;
                }
            }, "writer");
            writer.start();
            Thread.sleep(200); // the writer is warm and running when the save starts
        }

        /** Stops the writer. */
        @TearDown(Level.Iteration)
        public void stopWriter() throws InterruptedException {
            stop = true;
            writer.join();
        }

        /** Removes the files. */
        @TearDown(Level.Trial)
        public void cleanUp() throws IOException {
            deleteTree(dir);
        }
    }

    /** The writer's latencies during one save, reported next to the save's time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class WriterLatency {
        /** Updates done during the save. */
        public long writes;
        /** Median update latency, microseconds. */
        public double p50Micros;
        /** 99th-percentile update latency, microseconds. */
        public double p99Micros;
        /** Largest update latency, microseconds. */
        public double maxMicros;

        /** Clears the counters before each iteration. */
        @Setup(Level.Iteration)
        public void clear() {
            writes = 0;
            p50Micros = 0;
            p99Micros = 0;
            maxMicros = 0;
        }
    }

    /**
     * Saves the database in JSON while a writer keeps updating single rows, and reports the writer's latencies.
     *
     * @param state    the database and its writer
     * @param observed the writer's latencies during the save
     * @throws InterruptedException when interrupted
     */
    @Benchmark
    public void saveWhileWriting(BusyDatabase state, WriterLatency observed) throws InterruptedException {
        int from = state.count;
        state.db.save(state.target, FileFormat.JSON);
        int to = state.count;
        long[] during = Arrays.copyOfRange(state.latencies, from, Math.max(from, to));
        Arrays.sort(during);
        observed.writes = during.length;
        if (during.length > 0) {
            observed.p50Micros = during[(int) (during.length * 0.50)] / 1_000.0;
            observed.p99Micros = during[Math.min(during.length - 1, (int) (during.length * 0.99))] / 1_000.0;
            observed.maxMicros = during[during.length - 1] / 1_000.0;
        }
        System.out.printf("[writer] %d updates during the save: p50 %.1f us, p99 %.1f us, max %.1f us%n",
                observed.writes, observed.p50Micros, observed.p99Micros, observed.maxMicros);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
