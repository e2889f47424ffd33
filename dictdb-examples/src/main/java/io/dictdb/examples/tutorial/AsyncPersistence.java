package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Table;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Section 7 of the production tutorial: saving and loading without blocking the caller. {@code saveAsync} returns
 * at once with a future; the file holds the database as it was at the call, even when the application writes
 * again before the save completes; {@code loadAsync} reads it back.
 */
public final class AsyncPersistence {
    private static final int USERS = 1_000;

    /**
     * What the section did.
     *
     * @param file          the file written
     * @param bytes         its size
     * @param filesInDir    the files of its directory after the save (no temporary file left behind)
     * @param rowsAtCall    rows when {@code saveAsync} was called
     * @param rowsAfterCall rows when the save completed (the application kept writing)
     * @param loadedRows    rows in the database loaded back
     * @param callReturned  how long {@code saveAsync} took to return
     * @param saveAndLoad   how long saving and loading took in all
     */
    public record Result(Path file, long bytes, List<Path> filesInDir, long rowsAtCall, long rowsAfterCall,
                         long loadedRows, Duration callReturned, Duration saveAndLoad) implements SectionOutcome {
        @Override
        public String summary() {
            return "saved " + rowsAtCall + " users (" + bytes + " bytes) off the caller's thread, loaded back "
                    + loadedRows;
        }
    }

    private AsyncPersistence() {
    }

    /**
     * Runs the section on its own, in a temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("async", AsyncPersistence::run);
    }

    /**
     * Runs the section.
     *
     * @param workDir the directory for the file
     * @param report  where to report
     * @return what happened
     */
    public static Result run(Path workDir, Report report) {
        report.section("7. Asynchronous save and load");
        Path file = workDir.resolve("backup_async.json");
        try (DictDB db = new DictDB()) {
            Table users = db.createTable("users");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                rows.add(Map.of("name", "User" + i, "email", "user" + i + "@example.com"));
            }
            users.insertAll(rows);

            long rowsAtCall = users.count();
            long start = System.nanoTime();
            // tag::async[]
            CompletableFuture<DictDB> loading = db.saveAsync(file, FileFormat.JSON)   // returns at once
                    .thenCompose(saved -> DictDB.loadAsync(file, FileFormat.JSON));
            // end::async[]
            Duration callReturned = Timing.since(start);
            users.insert(Map.of("name", "Late user", "email", "late@example.com"));   // after the snapshot
            report.step("saveAsync returned after %s; the caller went on and inserted one more user",
                    Timing.format(callReturned));

            // tag::await[]
            DictDB loaded = loading.join();   // in a web handler, return the future instead of waiting
            long loadedRows = loaded.getTable("users").count();
            // end::await[]
            try (loaded) {
                Duration saveAndLoad = Timing.since(start);
                long bytes = BackupFiles.size(file);
                List<Path> files = BackupFiles.all(workDir);
                report.step("saved and loaded back in %s: %s, %,d bytes, %d users loaded (the database has %d now)",
                        Timing.format(saveAndLoad), file.getFileName(), bytes, loadedRows, users.count());
                report.step("files in the directory: %s (no temporary file left behind)",
                        files.stream().map(Path::getFileName).toList());
                return new Result(file, bytes, files, rowsAtCall, users.count(), loadedRows, callReturned,
                        saveAndLoad);
            }
        }
    }
}
