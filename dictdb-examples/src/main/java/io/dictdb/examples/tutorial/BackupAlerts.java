package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section 2 of the production tutorial: alerts when backups fail. The backup directory really disappears (as an
 * unmounted disk would), six backups in a row fail, and the failure listener escalates at the 1st, 3rd and 5th
 * failure; then the directory comes back and the next backup succeeds, which resets the count to 0.
 */
public final class BackupAlerts {
    private static final int FAILED_ATTEMPTS = 6;

    /**
     * What the section did.
     *
     * @param alerts                    the alerts raised, in order
     * @param failuresSeen              {@code consecutiveFailures()} after each failed attempt
     * @param failuresAfterRecovery     {@code consecutiveFailures()} after the directory came back
     * @param backupAfterRecovery       the backup written once the directory was back
     */
    public record Result(List<EscalatingBackupAlerts.Alert> alerts, List<Integer> failuresSeen,
                         int failuresAfterRecovery, Path backupAfterRecovery) implements SectionOutcome {
        @Override
        public String summary() {
            List<String> levels = new ArrayList<>();
            alerts.forEach(alert -> levels.add(alert.level() + " (" + alert.consecutiveFailures() + ")"));
            return failuresSeen.size() + " real failures -> alerts " + levels + "; after recovery "
                    + failuresAfterRecovery + " failures";
        }
    }

    private BackupAlerts() {
    }

    /**
     * Runs the section on its own, in a temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("backup-alerts", BackupAlerts::run);
    }

    /**
     * Runs the section.
     *
     * @param workDir the directory for the backups ({@code backups} inside it)
     * @param report  where to report
     * @return what happened
     */
    public static Result run(Path workDir, Report report) {
        report.section("2. Backup failure alerts: escalating at 1, 3 and 5+ failures in a row");
        Path backupDir = workDir.resolve("backups");
        try (DictDB db = new DictDB()) {
            Table critical = db.createTable("critical_data");
            critical.insert(Map.of("name", "invoice 1", "amount", 120.0));
            // tag::manager[]
            EscalatingBackupAlerts alerts = new EscalatingBackupAlerts(alert ->
                    report.detail("ALERT %s after %d failure(s) in a row: %s",
                            alert.level(), alert.consecutiveFailures(), alert.reason()));
            BackupManager backups = BackupManager.builder(db, backupDir)
                    .backupInterval(Duration.ofMinutes(1))
                    .onBackupFailure(alerts)
                    .build();
            backups.start();
            // end::manager[]
            try {
                backups.backupNow();
                report.step("first backup: %s, consecutive failures: %d",
                        backups.lastBackupFile().orElseThrow().getFileName(), backups.consecutiveFailures());

                Workspace.deleteRecursively(backupDir);
                report.step("the backup directory disappears (an unmounted disk), %d backups are attempted:",
                        FAILED_ATTEMPTS);
                List<Integer> failuresSeen = new ArrayList<>();
                for (int attempt = 1; attempt <= FAILED_ATTEMPTS; attempt++) {
                    critical.insert(Map.of("name", "invoice " + (attempt + 1), "amount", 100.0 + attempt));
                    backups.backupNow();   // never throws: the failure goes to the listener
                    failuresSeen.add(backups.consecutiveFailures());
                    report.detail("attempt %d failed, consecutive failures: %d", attempt,
                            backups.consecutiveFailures());
                }

                Workspace.subdirectory(workDir, "backups");
                backups.backupNow();
                Path recovered = backups.lastBackupFile().orElseThrow();
                report.step("the directory is back: backup %s written, consecutive failures: %d",
                        recovered.getFileName(), backups.consecutiveFailures());
                return new Result(alerts.raised(), failuresSeen, backups.consecutiveFailures(), recovered);
            } finally {
                backups.stop();
            }
        }
    }
}
