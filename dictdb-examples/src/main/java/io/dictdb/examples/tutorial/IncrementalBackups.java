package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;
import io.dictdb.backup.Backups;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 3 of the production tutorial: incremental backups. Batches of writes each followed by
 * {@link BackupManager#notifyChange()} produce a full backup, then deltas, then a full backup again after
 * {@code maxDeltasBeforeFull} deltas (the compaction); a burst of notifications is folded into few backups by the
 * debounce, and the last write of the burst still reaches the backups shortly after; a forced
 * {@link BackupManager#backupFull()} compacts the chain on demand.
 */
public final class IncrementalBackups {
    private static final int MAX_DELTAS_BEFORE_FULL = 3;
    private static final Duration MIN_BACKUP_INTERVAL = Duration.ofMillis(100);
    private static final int BATCHES = 5;
    private static final int ROWS_PER_BATCH = 20;
    private static final int BURST_WRITES = 30;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * What the section did.
     *
     * @param batchBackups            the backup each batch's {@code notifyChange} led to, in order
     * @param deltasAfterEachBatch    {@code deltasSinceFull()} after each batch's backup
     * @param burstNotifications      how many {@code notifyChange} calls the burst made
     * @param burstBackups            how many backup files the burst led to
     * @param deltasBeforeCompaction  {@code deltasSinceFull()} before the forced full backup
     * @param deltasAfterCompaction   {@code deltasSinceFull()} after it
     * @param files                   every file of the backup directory at the end, in name (time) order
     * @param liveRows                rows in the database at the end
     * @param restoredRows            rows in the database restored from the backup directory
     */
    public record Result(List<Path> batchBackups, List<Integer> deltasAfterEachBatch, int burstNotifications,
                         int burstBackups, int deltasBeforeCompaction, int deltasAfterCompaction, List<Path> files,
                         long liveRows, long restoredRows) implements SectionOutcome {
        @Override
        public String summary() {
            List<String> kinds = new ArrayList<>();
            files.forEach(file -> kinds.add(BackupFiles.kind(file)));
            return String.join(", ", kinds) + "; " + burstNotifications + " notifications -> " + burstBackups
                    + " backup(s); restored " + restoredRows + "/" + liveRows + " rows";
        }
    }

    private IncrementalBackups() {
    }

    /**
     * Runs the section on its own, in a temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("incremental-backups", IncrementalBackups::run);
    }

    /**
     * Runs the section.
     *
     * @param workDir the directory for the backups ({@code backups} inside it)
     * @param report  where to report
     * @return what happened
     */
    public static Result run(Path workDir, Report report) {
        report.section("3. Incremental backups: deltas, notifyChange and compaction");
        Path backupDir = workDir.resolve("backups");
        try (DictDB db = new DictDB()) {
            // tag::manager[]
            Table transactions = db.createTable("transactions", "tx_id");
            BackupManager backups = BackupManager.builder(db, backupDir)
                    .backupInterval(Duration.ofMinutes(1))
                    .incremental(true)                          // only the changes, between full backups
                    .maxDeltasBeforeFull(MAX_DELTAS_BEFORE_FULL) // the tutorial: 10
                    .minBackupInterval(MIN_BACKUP_INTERVAL)     // debounce window of notifyChange
                    .build();
            backups.start();
            // end::manager[]
            report.step("incremental mode, a full backup after %d deltas, notifyChange debounced over %s",
                    MAX_DELTAS_BEFORE_FULL, Timing.format(MIN_BACKUP_INTERVAL));
            try {
                List<Path> batchBackups = new ArrayList<>();
                List<Integer> deltasAfterEachBatch = new ArrayList<>();
                for (int batch = 1; batch <= BATCHES; batch++) {
                    Path before = backups.lastBackupFile().orElse(null);
                    writeBatch(transactions, (batch - 1) * ROWS_PER_BATCH, ROWS_PER_BATCH);
                    // tag::notify[]
                    backups.notifyChange();   // after a large batch: back up soon, on the backup thread
                    // end::notify[]
                    Duration waited = Await.until("the backup of batch " + batch,
                            () -> backups.lastBackupFile().filter(file -> !file.equals(before)).isPresent(),
                            PATIENCE);
                    Path written = backups.lastBackupFile().orElseThrow();
                    batchBackups.add(written);
                    deltasAfterEachBatch.add(backups.deltasSinceFull());
                    report.step("batch %d: %d rows, notifyChange -> %-5s %s %s later, deltas since full: %d",
                            batch, ROWS_PER_BATCH, BackupFiles.kind(written), written.getFileName(),
                            Timing.format(waited), backups.deltasSinceFull());
                }

                int filesBeforeBurst = BackupFiles.all(backupDir).size();
                long burstStart = System.nanoTime();
                for (int i = 0; i < BURST_WRITES; i++) {
                    writeBatch(transactions, BATCHES * ROWS_PER_BATCH + i, 1);
                    backups.notifyChange();
                }
                long liveAfterBurst = transactions.count();
                Duration caughtUp = Await.until("the backups to hold the burst's last write",
                        () -> restoredRows(backupDir) == liveAfterBurst, PATIENCE);
                int burstBackups = BackupFiles.all(backupDir).size() - filesBeforeBurst;
                report.step("burst: %d single-row writes, each followed by notifyChange -> %d backup(s); "
                                + "the last write was in the backups %s after the burst started",
                        BURST_WRITES, burstBackups, Timing.format(Timing.since(burstStart)));
                report.detail("(the debounce waits for the end of the %s window, then backs up once: "
                        + "caught up after %s of polling)", Timing.format(MIN_BACKUP_INTERVAL),
                        Timing.format(caughtUp));

                // tag::compaction[]
                int deltasBefore = backups.deltasSinceFull();
                backups.backupFull();                       // forced compaction: a new chain starts here
                int deltasAfter = backups.deltasSinceFull(); // 0
                // end::compaction[]
                report.step("forced full backup (compaction): deltas since full %d -> %d", deltasBefore, deltasAfter);

                List<Path> files = BackupFiles.all(backupDir);
                report.step("files in %s:", workDir.relativize(backupDir));
                files.forEach(file -> report.detail("%s", BackupFiles.describe(file)));
                long live = transactions.count();
                long restored = restoredRows(backupDir);
                report.step("Backups.restore(%s): %d rows, the live table has %d", workDir.relativize(backupDir),
                        restored, live);
                return new Result(batchBackups, deltasAfterEachBatch, BURST_WRITES, burstBackups, deltasBefore,
                        deltasAfter, files, live, restored);
            } finally {
                backups.stop();
            }
        }
    }

    /** Inserts transactions {@code TX<first>} and on, as in the tutorial ({@code amount = i * 10.0}). */
    private static void writeBatch(Table transactions, int first, int count) {
        for (int i = first; i < first + count; i++) {
            transactions.insert(Map.of("tx_id", String.format(Locale.ROOT, "TX%05d", i), "amount", i * 10.0));
        }
    }

    private static long restoredRows(Path backupDir) {
        try (DictDB restored = Backups.restore(backupDir)) {
            return restored.getTable("transactions").count();
        }
    }
}
