package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IncrementalBackupsTest {
    @TempDir
    Path dir;

    @Test
    void batchesGiveAFullBackupThenDeltasThenACompactingFullBackup() {
        IncrementalBackups.Result result = IncrementalBackups.run(dir, Report.silent());

        assertThat(result.batchBackups()).map(BackupFiles::kind)
                .containsExactly("full", "delta", "delta", "delta", "full");
        assertThat(result.deltasAfterEachBatch()).containsExactly(0, 1, 2, 3, 0);
        assertThat(result.burstBackups()).isBetween(1, result.burstNotifications() - 1);
        assertThat(result.deltasAfterCompaction()).isZero();
        assertThat(result.files()).allSatisfy(file -> assertThat(file).isRegularFile());
        assertThat(result.files()).containsAll(result.batchBackups());
        assertThat(BackupFiles.kind(result.files().get(result.files().size() - 1))).isEqualTo("full");
        assertThat(result.liveRows()).isEqualTo(5 * 20 + 30);
        assertThat(result.restoredRows()).isEqualTo(result.liveRows());
    }
}
