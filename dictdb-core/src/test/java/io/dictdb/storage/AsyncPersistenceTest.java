package io.dictdb.storage;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.io.FileIo;
import io.dictdb.internal.io.ForwardingFileIo;
import io.dictdb.internal.io.WritableFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.dictdb.storage.StorageFixtures.image;
import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** saveAsync and loadAsync: off the caller's thread, on a replaceable executor, same results and exceptions. */
class AsyncPersistenceTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultExecutor() {
        DictDB.setAsyncExecutor(null);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void saveAndLoadRunOffTheCallersThreadOnTheDefaultExecutor(FileFormat format) throws Exception {
        DictDB db = StorageFixtures.everyType();
        Path file = dir.resolve("db");
        List<String> threads = new CopyOnWriteArrayList<>();
        FileIo previous = CurrentFileIo.replace(new ThreadRecordingFileIo(threads));
        try {
            db.saveAsync(file, format).get(30, TimeUnit.SECONDS);
            DictDB loaded = DictDB.loadAsync(file, format).get(30, TimeUnit.SECONDS);
            assertThat(image(loaded)).isEqualTo(image(db));
        } finally {
            CurrentFileIo.replace(previous);
        }
        assertThat(threads).hasSize(2).allMatch(name -> name.startsWith("dictdb-io-"));
    }

    /** Records which thread creates or opens a file. */
    private static final class ThreadRecordingFileIo extends ForwardingFileIo {
        private final List<String> threads;

        ThreadRecordingFileIo(List<String> threads) {
            this.threads = threads;
        }

        @Override
        public WritableFile createTemp(Path directory, String prefix, String suffix) throws IOException {
            threads.add(Thread.currentThread().getName());
            return REAL.createTemp(directory, prefix, suffix);
        }

        @Override
        public InputStream openRead(Path file) throws IOException {
            threads.add(Thread.currentThread().getName());
            return REAL.openRead(file);
        }
    }

    @Test
    void aReplacedExecutorRunsTheWork() throws Exception {
        List<Runnable> submitted = new ArrayList<>();
        Executor recording = task -> {
            submitted.add(task);
            task.run();
        };
        DictDB.setAsyncExecutor(recording);
        Path file = dir.resolve("db.json");

        StorageFixtures.simple(5).saveAsync(file, FileFormat.JSON).get(30, TimeUnit.SECONDS);
        DictDB.loadAsync(file, FileFormat.JSON).get(30, TimeUnit.SECONDS);

        assertThat(submitted).hasSize(2);
    }

    @Test
    void aGivenExecutorRunsTheWork() throws Exception {
        AtomicLong runs = new AtomicLong();
        Executor counting = task -> {
            runs.incrementAndGet();
            new Thread(task, "custom").start();
        };
        Path file = dir.resolve("db.cbor");

        StorageFixtures.simple(5).saveAsync(file, FileFormat.CBOR, counting).get(30, TimeUnit.SECONDS);
        assertThat(DictDB.loadAsync(file, FileFormat.CBOR, counting).get(30, TimeUnit.SECONDS).listTables())
                .containsExactly("items", "other");
        assertThat(runs).hasValue(2);
    }

    @Test
    void failuresCompleteTheFutureWithTheSameExceptions() throws Exception {
        CompletableFuture<DictDB> missing = DictDB.loadAsync(dir.resolve("missing.json"), FileFormat.JSON);
        Throwable seen = missing.handle((db, error) -> error).get(30, TimeUnit.SECONDS);
        assertThat(seen).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> missing.get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(missing::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(UncheckedIOException.class);

        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"tables\": 3}");
        assertThat(DictDB.loadAsync(corrupt, FileFormat.JSON).handle((db, error) -> error).get(30, TimeUnit.SECONDS))
                .isInstanceOf(CorruptFileException.class);

        Path noDirectory = dir.resolve("no-such-dir").resolve("db.json");
        assertThat(new DictDB().saveAsync(noDirectory, FileFormat.JSON).handle((v, error) -> error)
                .get(30, TimeUnit.SECONDS)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aRejectingExecutorFailsTheFuture() {
        Executor full = task -> {
            throw new RejectedExecutionException("full");
        };
        CompletableFuture<Void> future = new DictDB().saveAsync(dir.resolve("x.json"), FileFormat.JSON, full);
        assertThat(future).isCompletedExceptionally();
        assertThatThrownBy(future::join).hasCauseInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void theSnapshotIsTakenWhenSaveAsyncIsCalled() throws Exception {
        DictDB db = StorageFixtures.simple(10);
        Path file = dir.resolve("db.json");
        List<Runnable> queued = new ArrayList<>();

        CompletableFuture<Void> future = db.saveAsync(file, FileFormat.JSON, queued::add);
        db.getTable("items").delete();
        queued.forEach(Runnable::run);
        future.get(30, TimeUnit.SECONDS);

        assertThat(DictDB.load(file, FileFormat.JSON).getTable("items").count()).isEqualTo(10);
    }

    /**
     * While writers keep committing transactions, a save of a large database captures exactly one point in
     * time: each transaction moves money between two accounts (the total never changes) and appends one entry to
     * a journal while bumping a version counter, so a file mixing two points in time would show a wrong total or
     * a journal that disagrees with the version.
     */
    @ParameterizedTest
    @EnumSource(FileFormat.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSaveDuringConcurrentWritesCapturesOnePointInTime(FileFormat format) throws Exception {
        DictDB db = new DictDB();
        Table accounts = db.createTable("accounts");
        List<Map<String, Object>> rows = new ArrayList<>();
        int accountsCount = 200_000;
        for (int i = 0; i < accountsCount; i++) {
            rows.add(rec("balance", 100L));
        }
        accounts.insertAll(rows);
        db.createTable("meta").insert(rec("id", 1L, "version", 0L));
        db.createTable("journal");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        Thread writer = new Thread(() -> {
            java.util.Random random = new java.util.Random(1);
            while (!stop.get()) {
                long from = 1 + random.nextInt(accountsCount);
                long to = 1 + random.nextInt(accountsCount);
                db.transaction(tx -> {
                    Table a = tx.getTable("accounts");
                    a.update(a.field("id").eq(from), row -> Map.of("balance", row.getLong("balance") - 7));
                    a.update(a.field("id").eq(to), row -> Map.of("balance", row.getLong("balance") + 7));
                    Table meta = tx.getTable("meta");
                    long version = meta.get(1L).orElseThrow().getLong("version") + 1;
                    meta.update(Map.of("version", version));
                    tx.getTable("journal").insert(rec("version", version));
                });
                commits.incrementAndGet();
            }
        }, "writer");
        writer.start();
        try {
            while (commits.get() < 50) {
                Thread.sleep(1);
            }
            Path file = dir.resolve("db");
            long before = commits.get();
            db.saveAsync(file, format).get(60, TimeUnit.SECONDS);
            long during = commits.get() - before;

            DictDB saved = DictDB.load(file, format);
            long total = 0;
            for (Row row : saved.getTable("accounts").select().copy(false).list()) {
                total += row.getLong("balance");
            }
            long version = saved.getTable("meta").get(1L).orElseThrow().getLong("version");
            assertThat(total).isEqualTo(100L * accountsCount);
            assertThat(saved.getTable("journal").count()).isEqualTo(version);
            assertThat(saved.getTable("journal").select().orderBy("-version").first().orElseThrow()
                    .getLong("version")).isEqualTo(version);
            assertThat(version).isGreaterThanOrEqualTo(50);
            assertThat(during).as("writers kept committing during the save").isPositive();
        } finally {
            stop.set(true);
            writer.join();
        }
    }
}
