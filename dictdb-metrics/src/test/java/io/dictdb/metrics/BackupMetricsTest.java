package io.dictdb.metrics;

import io.dictdb.DictDB;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupMetricsTest {
    @TempDir
    Path dir;

    private static double gauge(SimpleMeterRegistry registry, String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void gaugesFollowTheBackupsSuccessesAndFailures() throws Exception {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        t.insert(Map.of("a", 1));
        Path backups = dir.resolve("backups");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (BackupManager bm = BackupManager.builder(db, backups).incremental(true).build()) {
            new BackupMetrics(bm).bindTo(registry);
            assertThat(gauge(registry, "dictdb.backup.age")).isNaN();
            assertThat(gauge(registry, "dictdb.backup.last.size")).isNaN();

            bm.backupNow();
            t.insert(Map.of("a", 2));
            bm.backupNow();
            assertThat(gauge(registry, "dictdb.backup.deltas.since.full")).isEqualTo(1.0);
            assertThat(gauge(registry, "dictdb.backup.last.size")).isEqualTo((double) Files.size(
                    bm.lastBackupFile().orElseThrow()));
            assertThat(gauge(registry, "dictdb.backup.last.duration")).isGreaterThan(0.0);
            assertThat(gauge(registry, "dictdb.backup.age")).isBetween(0.0, 60.0);

            try (var files = Files.list(backups)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(backups);
            t.insert(Map.of("a", 3));
            bm.backupNow();
            bm.backupNow();
            assertThat(gauge(registry, "dictdb.backup.consecutive.failures")).isEqualTo(2.0);
        }
    }
}
