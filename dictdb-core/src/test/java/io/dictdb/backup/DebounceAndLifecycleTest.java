package io.dictdb.backup;

import io.dictdb.DictDB;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DebounceAndLifecycleTest {
    @TempDir
    Path dir;

    private static void awaitFiles(Path dir, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (BackupManagerTest.backupNames(dir).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aChangeWithinTheWindowIsBackedUpByOneTrailingBackupAtItsEndNeverOnTheCallersThread() throws Exception {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        ControllableFileIo io = new ControllableFileIo();
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).fileIo(io)
                .minBackupInterval(Duration.ofMillis(400)).build()) {
            bm.backupFull();
            long fullDone = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                t.insert(Map.of("n", i));
                bm.notifyChange();
            }
            Thread.sleep(100);
            assertThat(BackupManagerTest.backupNames(dir)).as("no backup inside the window").hasSize(1);
            awaitFiles(dir, 2);
            long trailingSeen = System.nanoTime();
            assertThat(BackupManagerTest.backupNames(dir)).as("one trailing backup for 20 changes").hasSize(2);
            assertThat(TimeUnit.NANOSECONDS.toMillis(trailingSeen - fullDone)).isGreaterThanOrEqualTo(390);
            assertThat(StateDump.of(Backups.restore(dir))).as("the last change is saved")
                    .isEqualTo(StateDump.of(db));
            Thread.sleep(500);
            assertThat(BackupManagerTest.backupNames(dir)).hasSize(2);
        }
        assertThat(io.writerThreads.subList(1, io.writerThreads.size()))
                .allMatch(name -> name.startsWith("dictdb-backup-"));
    }

    @Test
    void aChangeOutsideTheWindowIsBackedUpAtOnceOnTheBackupThread() throws Exception {
        DictDB db = new DictDB();
        db.createTable("t").insert(Map.of("a", 1));
        ControllableFileIo io = new ControllableFileIo();
        try (BackupManager bm = BackupManager.builder(db, dir).fileIo(io).minBackupInterval(Duration.ofHours(1))
                .build()) {
            bm.notifyChange();
            awaitFiles(dir, 1);
            assertThat(BackupManagerTest.backupNames(dir)).hasSize(1);
            assertThat(io.writerThreads).containsExactly("dictdb-backup-" + dir.getFileName());
        }
    }

    @Test
    void notifyChangeNeverBlocksEvenWhileABackupIsStuck() throws Exception {
        DictDB db = new DictDB();
        db.createTable("t").insert(Map.of("a", 1));
        ControllableFileIo io = new ControllableFileIo();
        io.gate = new CountDownLatch(1);
        try (BackupManager bm = BackupManager.builder(db, dir).fileIo(io).minBackupInterval(Duration.ZERO).build()) {
            bm.notifyChange();
            assertThat(io.entered.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                bm.notifyChange();
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
            io.gate.countDown();
        }
    }

    @Test
    void stopWaitsForTheBackupInProgressAndRunsAPendingTrailingBackup() throws Exception {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        t.insert(Map.of("a", 1));
        ControllableFileIo io = new ControllableFileIo();
        io.gate = new CountDownLatch(1);
        BackupManager bm = BackupManager.builder(db, dir).fileIo(io).minBackupInterval(Duration.ofHours(1)).build();
        bm.start();
        bm.notifyChange();
        assertThat(io.entered.await(10, TimeUnit.SECONDS)).isTrue();
        Thread stopper = new Thread(bm::stop);
        stopper.start();
        stopper.join(200);
        assertThat(stopper.isAlive()).as("stop waits for the backup in progress").isTrue();
        io.gate.countDown();
        stopper.join(10_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(BackupManagerTest.backupNames(dir)).hasSize(1);

        // A trailing backup still waiting for its window is run by stop, so the last change is not lost.
        DictDB db2 = new DictDB();
        Table t2 = db2.createTable("t");
        Path dir2 = dir.resolve("second");
        BackupManager bm2 = BackupManager.builder(db2, dir2).minBackupInterval(Duration.ofHours(1)).build();
        bm2.backupFull();
        t2.insert(Map.of("late", true));
        bm2.notifyChange();
        bm2.stop();
        assertThat(StateDump.of(Backups.restore(dir2))).isEqualTo(StateDump.of(db2));
    }
}
