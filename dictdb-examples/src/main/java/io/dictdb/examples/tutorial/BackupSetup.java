package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section 1 of the production tutorial: the {@link BackupManager} set-up. Three tables, periodic full backups
 * while the application writes, and one last full backup at shutdown, which then loads back with exactly the
 * rows the application had.
 *
 * <p>The tutorial backs up every 5 minutes with at least 10 seconds between two triggered backups; here the
 * intervals are 200 ms and 100 ms so that the run takes a second.
 */
public final class BackupSetup {
    private static final Duration BACKUP_INTERVAL = Duration.ofMillis(200);
    private static final Duration MIN_BACKUP_INTERVAL = Duration.ofMillis(100);
    private static final int ROUNDS_OF_TRAFFIC = 3;

    /**
     * What the section did.
     *
     * @param backupFiles     every file in the backup directory at the end, in name (time) order
     * @param finalBackup     the full backup taken at shutdown
     * @param liveCounts      rows per table in the database at shutdown
     * @param restoredCounts  rows per table in the final backup, loaded back
     */
    public record Result(List<Path> backupFiles, Path finalBackup, Map<String, Long> liveCounts,
                         Map<String, Long> restoredCounts) implements SectionOutcome {
        /** @return how many backups the periodic schedule wrote (all but the final one) */
        public int periodicBackups() {
            return backupFiles.size() - 1;
        }

        @Override
        public String summary() {
            return periodicBackups() + " periodic + 1 final full backups; the final one loads " + restoredCounts;
        }
    }

    private BackupSetup() {
    }

    /**
     * Runs the section on its own, in a temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("backup-setup", BackupSetup::run);
    }

    /**
     * Runs the section.
     *
     * @param workDir the directory for the backups ({@code data/backups} inside it)
     * @param report  where to report
     * @return what happened
     */
    public static Result run(Path workDir, Report report) {
        report.section("1. Backup set-up: periodic full backups, a last one at shutdown");
        Path backupDir = workDir.resolve("data/backups");
        try (DictDB db = new DictDB()) {
            // tag::setup[]
            db.createTable("users", "id");
            db.createTable("sessions", "session_id");
            db.createTable("events", "event_id");

            BackupManager backups = BackupManager.builder(db, backupDir)   // creates the directory
                    .backupInterval(BACKUP_INTERVAL)        // the tutorial: every 5 minutes
                    .fileFormat(FileFormat.JSON)            // readable, for debugging
                    .minBackupInterval(MIN_BACKUP_INTERVAL) // the tutorial: 10 s between triggered backups
                    .build();
            backups.start();
            // end::setup[]
            report.step("backup manager started: a full backup every %s into %s",
                    Timing.format(BACKUP_INTERVAL), workDir.relativize(backupDir));
            try {
                runTheApplication(db, backups, report);

                // tag::shutdown[]
                // When the application shuts down:
                backups.backupFull();   // one last full backup
                backups.stop();         // cancels the periodic backups, waits for one in progress
                // end::shutdown[]
            } finally {
                backups.stop();         // does nothing when already stopped
            }
            Path finalBackup = backups.lastBackupFile().orElseThrow();
            report.step("shutdown: final full backup %s, manager stopped", finalBackup.getFileName());

            List<Path> files = BackupFiles.all(backupDir);
            report.step("files in %s:", workDir.relativize(backupDir));
            files.forEach(file -> report.detail("%s", BackupFiles.describe(file)));

            Map<String, Long> live = RowCounts.of(db);
            Map<String, Long> restored;
            try (DictDB loaded = DictDB.load(finalBackup, FileFormat.JSON)) {
                restored = RowCounts.of(loaded);
            }
            report.step("live database: %s; final backup loaded back: %s", live, restored);
            return new Result(files, finalBackup, live, restored);
        }
    }

    /** Writes a few rounds of traffic, each followed by the next periodic backup. */
    private static void runTheApplication(DictDB db, BackupManager backups, Report report) {
        for (int round = 1; round <= ROUNDS_OF_TRAFFIC; round++) {
            writeTraffic(db, round);
            Instant roundEnd = Instant.now();
            Duration waited = Await.until("a periodic backup",
                    () -> backups.lastBackupTime().filter(time -> time.isAfter(roundEnd)).isPresent(),
                    Duration.ofSeconds(10));
            report.step("round %d of traffic (100 users, 50 sessions, 200 events), periodic backup %s later: %s",
                    round, Timing.format(waited), backups.lastBackupFile().orElseThrow().getFileName());
        }
    }

    /** One round of users, sessions and events, as the running application would write them. */
    private static void writeTraffic(DictDB db, int round) {
        Table users = db.getTable("users");
        Table sessions = db.getTable("sessions");
        Table events = db.getTable("events");
        List<Map<String, Object>> newUsers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            newUsers.add(Map.of("name", "User " + round + "-" + i, "email", "user" + round + "-" + i + "@techflow.fr"));
        }
        List<Object> userIds = users.insertAll(newUsers);
        for (int i = 0; i < 50; i++) {
            sessions.insert(Map.of("session_id", "S" + round + "-" + i, "user_id", userIds.get(i)));
        }
        for (int i = 0; i < 200; i++) {
            events.insert(Map.of("event_id", round * 1000 + i, "type", i % 2 == 0 ? "login" : "click"));
        }
    }
}
