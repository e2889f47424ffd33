package io.dictdb.bench;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Saving and loading a database of 1 000 000 rows ({@link BenchData}: {@code id, name, age, dept, salary}), in
 * JSON and CBOR, and the latency of a writer while a save or a full backup runs; and the cost of a delta backup
 * of 1 000 changes on tables of 10 000 and 1 000 000 rows.
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
 *       fast as it can; the writer records the latency of each update with {@link System#nanoTime()}, and the
 *       benchmark prints ({@code [writer]} lines) the number of updates made during each save with their 50th,
 *       99th, 99.9th percentile and maximum latency, then the same over all measurement iterations.</li>
 *   <li>{@code fullBackupWhileWriting}: the same with {@code BackupManager.backupFull()} instead of a save.</li>
 *   <li>{@code deltaOfPendingChanges}: one delta backup of 1 000 rows changed since the previous backup.</li>
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
            DirectoryTree.delete(dir);
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
        BackupManager backups;
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
            backups = BackupManager.builder(db, dir.resolve("backups")).incremental(true).keepFullBackups(1).build();
        }

        /** Latencies of the updates made during the saves of measurement iterations. */
        private long[] measured = new long[0];
        private boolean measuring;

        /**
         * Collects the heap, then starts the writer.
         *
         * @param iteration the iteration about to run (warm-up or measurement)
         * @throws InterruptedException when interrupted
         */
        @Setup(Level.Iteration)
        public void startWriter(IterationParams iteration) throws InterruptedException {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
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

        /** Prints the latencies of one save's concurrent updates and keeps them when measuring. */
        void recordSave(int from, int to) {
            long[] during = Arrays.copyOfRange(latencies, from, Math.max(from, to));
            print("updates during the save", during);
            if (measuring) {
                int old = measured.length;
                measured = Arrays.copyOf(measured, old + during.length);
                System.arraycopy(during, 0, measured, old, during.length);
            }
        }

        /**
         * Prints the latencies over every measurement iteration, then removes the files.
         *
         * @throws IOException when the files cannot be removed
         */
        @TearDown(Level.Trial)
        public void cleanUp() throws IOException {
            print("updates during the measured saves", measured);
            backups.close();
            DirectoryTree.delete(dir);
        }

        private static void print(String what, long[] latencies) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                System.out.printf("[writer] no %s%n", what);
                return;
            }
            System.out.printf("[writer] %d %s: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                    sorted.length, what, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    percentile(sorted, 0.999), sorted[sorted.length - 1] / 1_000.0);
        }

        private static double percentile(long[] sorted, double fraction) {
            return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1_000.0;
        }
    }

    /**
     * Saves the database in JSON while a writer keeps updating single rows, and prints the writer's latencies
     * during the save (per iteration, then over all measurement iterations at the end of the trial).
     *
     * @param state the database and its writer
     */
    @Benchmark
    public void saveWhileWriting(BusyDatabase state) {
        int from = state.count;
        state.db.save(state.target, FileFormat.JSON);
        int to = state.count;
        state.recordSave(from, to);
    }

    /**
     * Takes a full backup (JSON) while a writer keeps updating single rows, and prints the writer's latencies during
     * the backup, as {@link #saveWhileWriting} does.
     *
     * @param state the database, its backup manager and its writer
     */
    @Benchmark
    public void fullBackupWhileWriting(BusyDatabase state) {
        int from = state.count;
        state.backups.backupFull();
        int to = state.count;
        if (state.backups.consecutiveFailures() != 0) {
            throw new IllegalStateException("The backup failed");
        }
        state.recordSave(from, to);
    }

    /** A database with an incremental backup manager and 1 000 changed rows waiting for a delta. */
    @State(Scope.Benchmark)
    public static class PendingChanges {
        /** Number of rows in the table. */
        @Param({"10000", "1000000"})
        public int rows;

        /** Number of rows changed before each delta. */
        @Param({"1000"})
        public int changes;

        DictDB db;
        Table table;
        Path dir;
        BackupManager backups;
        private final SplittableRandom random = new SplittableRandom(7);

        /** Builds the database and its first full backup. */
        @Setup(Level.Trial)
        public void build() throws IOException {
            db = new DictDB();
            table = db.createTable(TABLE);
            table.insertAll(BenchData.generate(rows).rows());
            dir = Files.createTempDirectory("dictdb-delta-bench");
            backups = BackupManager.builder(db, dir).incremental(true).maxDeltasBeforeFull(Integer.MAX_VALUE)
                    .build();
            backups.backupFull();
        }

        /** Changes {@link #changes} random rows, then collects the heap. */
        @Setup(Level.Iteration)
        public void change() {
            for (int i = 0; i < changes; i++) {
                long key = 1 + random.nextInt(rows);
                table.update(Map.of("salary", (long) random.nextInt(200_000)), table.field("id").eq(key));
            }
            System.gc();
        }

        /**
         * Removes the files.
         *
         * @throws IOException when they cannot be removed
         */
        @TearDown(Level.Trial)
        public void cleanUp() throws IOException {
            backups.close();
            DirectoryTree.delete(dir);
        }
    }

    /**
     * Writes the delta of the pending changes: its cost should follow the number of changes, not the table size.
     *
     * @param state the database with its pending changes
     */
    @Benchmark
    public void deltaOfPendingChanges(PendingChanges state) {
        state.backups.backupDelta();
        if (state.backups.consecutiveFailures() != 0 || state.backups.deltasSinceFull() == 0) {
            throw new IllegalStateException("The delta was not written");
        }
    }
}
