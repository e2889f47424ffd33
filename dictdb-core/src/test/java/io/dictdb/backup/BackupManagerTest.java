package io.dictdb.backup;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.IndexType;
import io.dictdb.Schema;
import io.dictdb.FieldType;
import io.dictdb.Table;
import io.dictdb.internal.io.NioFileIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupManagerTest {
    @TempDir
    Path dir;

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The backup files only (not the temporary file of a backup being written). */
    static List<String> backupNames(Path dir) throws IOException {
        return names(dir).stream().filter(n -> n.matches("dictdb_(backup|delta)_\\d+_\\d{6}\\.(json|cbor)")).toList();
    }

    @Test
    void incrementalBackupsWriteAFullBackupThenDeltasThenAFullAgainAndRestoreEqualsTheLiveDatabase()
            throws IOException {
        DictDB db = new DictDB();
        Table users = db.createTable("users");
        users.insert(Map.of("name", "Alice", "age", 30));
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).maxDeltasBeforeFull(2).build()) {
            bm.backupNow();
            assertThat(names(dir)).singleElement().asString().matches("dictdb_backup_\\d+_\\d{6}\\.json");
            assertThat(bm.deltasSinceFull()).isZero();

            users.insert(Map.of("name", "Bob", "age", 40));
            bm.backupNow();
            users.update(Map.of("age", 31), users.field("name").eq("Alice"));
            db.createTable("orders").insert(Map.of("item", "pen"));
            bm.backupNow();
            assertThat(bm.deltasSinceFull()).isEqualTo(2);
            assertThat(names(dir)).hasSize(3).filteredOn(n -> n.startsWith("dictdb_delta_")).hasSize(2);
            assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));

            users.delete(users.field("name").eq("Bob"));
            bm.backupNow();
            assertThat(bm.deltasSinceFull()).isZero();
            assertThat(names(dir)).filteredOn(n -> n.startsWith("dictdb_backup_")).hasSize(2);
            assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));
            // Names sort in time order within each kind: the newest full backup is the last "dictdb_backup_".
            List<String> fulls = names(dir).stream().filter(n -> n.startsWith("dictdb_backup_")).toList();
            assertThat(bm.lastBackupFile()).contains(dir.resolve(fulls.get(fulls.size() - 1)));
            assertThat(bm.lastBackupBytes()).isPresent();
            assertThat(bm.lastBackupTime()).isPresent();
        }
    }

    @Test
    void aDeltaCarriesTablesCreatedAndDroppedIndexesSchemasAndKeyCounters() {
        DictDB db = new DictDB();
        db.createTable("gone").insert(Map.of("x", 1));
        Table kept = db.createTable("kept");
        kept.insertAll(List.of(Map.of("v", 1), Map.of("v", 2), Map.of("v", 3)));
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).build()) {
            bm.backupFull();
            db.dropTable("gone");
            db.createTable("gone", "code", Schema.builder().field("code", FieldType.STRING)
                    .optionalField("note", FieldType.STRING).field("n", FieldType.LONG, 7L).build()).insert(Map.of("code", "a"));
            kept.createIndex("v", IndexType.SORTED);
            kept.delete(kept.field("v").eq(3));
            kept.insert(Map.of("v", 4));
            Table temp = db.createTable("temp");
            temp.insert(Map.of("y", 1));
            db.dropTable("temp");
            bm.backupDelta();

            DictDB restored = Backups.restore(dir);
            assertThat(StateDump.of(restored)).isEqualTo(StateDump.of(db));
            assertThat(restored.getTable("kept").insert(Map.of("v", 5))).isEqualTo(5L);
            assertThat(restored.getTable("kept").indexType("v")).contains(IndexType.SORTED);
        }
    }

    @Test
    void aDeltaWithNothingToSayWritesNoFile() throws IOException {
        DictDB db = new DictDB();
        db.createTable("t").insert(Map.of("a", 1));
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).build()) {
            bm.backupDelta();
            bm.backupDelta();
            assertThat(names(dir)).hasSize(1);
            assertThat(bm.deltasSinceFull()).isZero();
        }
    }

    @Test
    void nonIncrementalBackupNowAlwaysWritesFullBackupsInTheChosenFormat() throws IOException {
        DictDB db = new DictDB();
        db.createTable("t").insert(Map.of("a", 1));
        try (BackupManager bm = BackupManager.builder(db, dir).fileFormat(FileFormat.CBOR).build()) {
            bm.backupNow();
            bm.backupNow();
        }
        assertThat(names(dir)).hasSize(2).allMatch(n -> n.matches("dictdb_backup_\\d+_\\d{6}\\.cbor"));
        assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));
    }

    @Test
    void namesNeverCollideAndSortInTimeOrderEvenWithAFrozenClock() throws IOException {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        Clock frozen = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).maxDeltasBeforeFull(3)
                .clock(frozen).fileIo(NioFileIo.INSTANCE).build()) {
            for (int i = 0; i < 10; i++) {
                t.insert(Map.of("i", i));
                bm.backupNow();
            }
        }
        List<String> names = names(dir);
        assertThat(names).hasSize(10);
        assertThat(names.get(0)).isEqualTo("dictdb_backup_1800000000_000000.json");
        assertThat(names.get(9)).endsWith("_000009.json");
        assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));
    }

    @Test
    void startTwiceOrAfterStopIsRefusedAndTheThreadIsANamedDaemon() throws Exception {
        DictDB db = new DictDB();
        db.createTable("t");
        BackupManager bm = BackupManager.builder(db, dir.resolve("nightly")).backupInterval(Duration.ofMillis(20))
                .build();
        bm.start();
        assertThatThrownBy(bm::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        long deadline = System.nanoTime() + 5_000_000_000L;
        Thread backupThread = null;
        while (backupThread == null && System.nanoTime() < deadline) {
            backupThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> th.getName().equals("dictdb-backup-nightly")).findFirst().orElse(null);
            Thread.sleep(5);
        }
        assertThat(backupThread).isNotNull();
        assertThat(backupThread.isDaemon()).isTrue();
        while (names(dir.resolve("nightly")).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(names(dir.resolve("nightly"))).isNotEmpty();
        bm.stop();
        bm.stop();
        bm.close();
        assertThatThrownBy(bm::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        assertThatThrownBy(bm::backupNow).isInstanceOf(IllegalStateException.class);
        bm.notifyChange();
        int after = names(dir.resolve("nightly")).size();
        Thread.sleep(60);
        assertThat(names(dir.resolve("nightly"))).hasSize(after);
    }

    @Test
    void theBuilderRejectsNonsense() {
        DictDB db = new DictDB();
        assertThatThrownBy(() -> BackupManager.builder(db, dir).backupInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backupInterval");
        assertThatThrownBy(() -> BackupManager.builder(db, dir).minBackupInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minBackupInterval");
        assertThatThrownBy(() -> BackupManager.builder(db, dir).maxDeltasBeforeFull(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDeltasBeforeFull");
        assertThatThrownBy(() -> BackupManager.builder(db, dir).keepFullBackups(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepFullBackups");
        assertThatThrownBy(() -> BackupManager.builder(db, dir).fileFormat(null))
                .isInstanceOf(NullPointerException.class);
    }
}
