package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupSetupTest {
    @TempDir
    Path dir;

    @Test
    void periodicBackupsThenAFinalFullBackupThatLoadsWithEveryRow() {
        BackupSetup.Result result = BackupSetup.run(dir, Report.silent());

        Map<String, Long> expected = Map.of("users", 300L, "sessions", 150L, "events", 600L);
        assertThat(result.liveCounts()).isEqualTo(expected);
        assertThat(result.restoredCounts()).isEqualTo(expected);
        assertThat(result.periodicBackups()).isGreaterThanOrEqualTo(3);
        assertThat(result.backupFiles()).allSatisfy(file -> {
            assertThat(file).isRegularFile().hasParent(dir.resolve("data/backups"));
            assertThat(BackupFiles.kind(file)).isEqualTo("full");
        });
        assertThat(result.backupFiles()).contains(result.finalBackup());
        try (DictDB loaded = DictDB.load(result.finalBackup(), FileFormat.JSON)) {
            assertThat(RowCounts.of(loaded)).isEqualTo(expected);
        }
        try (DictDB firstPeriodic = DictDB.load(result.backupFiles().get(0), FileFormat.JSON)) {
            assertThat(firstPeriodic.getTable("users").count()).isBetween(100L, 300L);
        }
        assertThat(Files.exists(dir.resolve("data/backups"))).isTrue();
    }
}
