package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionTutorialTest {
    @TempDir
    Path dir;

    @Test
    void theWholeStoryRunsInOrderAndEachSectionReachesItsOutcome() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(printed, true, StandardCharsets.UTF_8));

        ProductionTutorial.Result result = ProductionTutorial.run(dir, report);

        assertThat(result.sections()).extracting(ProductionTutorial.SectionRun::title).containsExactly(
                "Backup set-up", "Backup failure alerts", "Incremental backups", "Restore from backups",
                "Concurrent reads", "Safe counter", "Async save and load", "Production logging", "Error handling",
                "Performance tips");
        assertThat(result.outcome(BackupSetup.Result.class).restoredCounts())
                .isEqualTo(Map.of("users", 300L, "sessions", 150L, "events", 600L));
        assertThat(result.outcome(BackupAlerts.Result.class).alerts())
                .extracting(EscalatingBackupAlerts.Alert::consecutiveFailures).containsExactly(1, 3, 5, 6);
        IncrementalBackups.Result incremental = result.outcome(IncrementalBackups.Result.class);
        assertThat(incremental.restoredRows()).isEqualTo(incremental.liveRows()).isEqualTo(130);
        RestoreFromBackups.Result restore = result.outcome(RestoreFromBackups.Result.class);
        assertThat(restore.verified()).isEqualTo(restore.recipe()).isEqualTo(restore.live());
        assertThat(result.outcome(SafeCounter.Result.class).inTransaction().counter()).isEqualTo(1_000);
        assertThat(result.outcome(AsyncPersistence.Result.class).loadedRows()).isEqualTo(1_000);
        assertThat(result.outcome(ProductionLogging.Result.class).debugSampled().count("DEBUG")).isPositive();
        assertThat(result.outcome(ErrorHandling.Result.class).cases()).hasSize(10);
        assertThat(result.outcome(PerformanceTips.Result.class).comparisons())
                .allSatisfy(c -> assertThat(c.sameResult()).isTrue());

        assertThat(dir.resolve("1-backup-setup/data/backups")).isDirectoryContaining("glob:**/dictdb_backup_*.json");
        assertThat(dir.resolve("3-incremental/backups")).isDirectoryContaining("glob:**/dictdb_delta_*.json");
        assertThat(dir.resolve("8-logging/logs/dictdb.log")).isRegularFile();

        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(report.text() + System.lineSeparator());
        assertThat(text).contains("== 1. Backup set-up", "== 10. Performance tips", "== Summary ==",
                "all 10 sections done in");
    }
}
