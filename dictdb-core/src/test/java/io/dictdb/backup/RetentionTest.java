package io.dictdb.backup;

import io.dictdb.DictDB;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheNewestVerifiedFullBackupsWithTheirDeltasAndNeverCountsADamagedOne() throws Exception {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).maxDeltasBeforeFull(2)
                .keepFullBackups(2).build()) {
            for (int i = 0; i < 9; i++) {
                t.insert(Map.of("n", i));
                bm.backupNow();
            }
            // Nine backups: F D D F D D F D D, keeping two chains leaves F D D F D D.
            List<String> names = BackupManagerTest.backupNames(dir);
            assertThat(names).hasSize(6);
            assertThat(names.stream().filter(n -> n.startsWith("dictdb_backup_"))).hasSize(2);
            assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));

            // Damage the newest full backup: the next full backup must not count it, so the chain before it stays.
            String newestFull = names.stream().filter(n -> n.startsWith("dictdb_backup_")).reduce((a, b) -> b)
                    .orElseThrow();
            String olderFull = names.stream().filter(n -> n.startsWith("dictdb_backup_")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(dir.resolve(newestFull));
            bytes[10] ^= 0x04;
            Files.write(dir.resolve(newestFull), bytes);
            t.insert(Map.of("n", 100));
            bm.backupFull();
            assertThat(BackupManagerTest.backupNames(dir)).contains(olderFull, newestFull);
            assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));
        }
    }
}
