package io.dictdb.backup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Table;
import io.dictdb.internal.io.FaultInjectingFileIo;
import io.dictdb.internal.io.NioFileIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupFailureTest {
    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger backupLogger = (Logger) LoggerFactory.getLogger("io.dictdb.backup");

    @BeforeEach
    void captureLogs() {
        log.start();
        backupLogger.addAppender(log);
    }

    @AfterEach
    void releaseLogs() {
        backupLogger.detachAppender(log);
    }

    @Test
    void failuresAreCountedReportedAndLoggedNeverThrownAndTheNextSuccessResetsTheCountWithNothingLost()
            throws IOException {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        t.insert(Map.of("n", 0));
        ControllableFileIo io = new ControllableFileIo();
        List<Integer> reported = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).fileIo(io)
                .onBackupFailure((error, failures) -> {
                    reported.add(failures);
                    errors.add(error);
                    throw new IllegalStateException("the alerting system is down too");
                }).build()) {
            bm.backupNow();
            io.failing = true;
            for (int i = 1; i <= 5; i++) {
                t.insert(Map.of("n", i));
                bm.backupNow();
            }
            assertThat(bm.consecutiveFailures()).isEqualTo(5);
            assertThat(reported).containsExactly(1, 2, 3, 4, 5);
            assertThat(errors).allSatisfy(e -> assertThat(e).hasRootCauseMessage("No space left on device"));
            assertThat(BackupManagerTest.names(dir)).hasSize(1).noneMatch(n -> n.contains("tmp"));

            io.failing = false;
            bm.backupNow();
            assertThat(bm.consecutiveFailures()).isZero();
            assertThat(bm.deltasSinceFull()).isEqualTo(1);
            assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));
        }
        List<ILoggingEvent> errorsLogged = log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertThat(errorsLogged.stream().filter(e -> e.getFormattedMessage().equals("Backup failed"))).hasSize(5)
                .allSatisfy(e -> assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
                    assertThat(kv.key).isEqualTo("file");
                    assertThat(kv.value.toString()).contains("dictdb_delta_");
                }));
        assertThat(errorsLogged.stream().filter(e -> e.getFormattedMessage().contains("listener threw"))).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(value = FaultInjectingFileIo.Operation.class, names = {"CREATE", "WRITE", "FORCE", "RENAME"})
    void aFaultAtAnyStepOfAFullBackupLeavesNoFileUnderAFinalNameAndTheNextBackupCoversEverything(
            FaultInjectingFileIo.Operation step) throws IOException {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        for (int i = 0; i < 2000; i++) {
            t.insert(Map.of("n", i, "text", "row " + i));
        }
        FaultInjectingFileIo io = new FaultInjectingFileIo(NioFileIo.INSTANCE);
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).fileIo(io).build()) {
            bm.backupFull();
            int total = io.count(step);
            for (int n = 1; n <= total; n++) {
                t.insert(Map.of("n", -n));
                io.failOn(step, n);
                bm.backupFull();
                assertThat(bm.consecutiveFailures()).as("fault %s #%d", step, n).isEqualTo(n);
                try (var files = Files.list(dir)) {
                    assertThat(files.map(p -> p.getFileName().toString()))
                            .allMatch(name -> name.matches("dictdb_backup_\\d+_\\d{6}\\.json"));
                }
            }
            io.reset();
            t.insert(Map.of("n", 99_999));
            bm.backupDelta();
            assertThat(bm.consecutiveFailures()).isZero();
        }
        assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(db));
    }

    @Test
    void aVanishedDirectoryIsAFailureAndBackupsResumeWhenItIsBack() throws IOException {
        DictDB db = new DictDB();
        db.createTable("t").insert(Map.of("a", 1));
        Path backups = dir.resolve("backups");
        try (BackupManager bm = BackupManager.builder(db, backups).fileFormat(FileFormat.CBOR).build()) {
            Files.delete(backups);
            bm.backupNow();
            assertThat(bm.consecutiveFailures()).isEqualTo(1);
            Files.createDirectories(backups);
            bm.backupNow();
            assertThat(bm.consecutiveFailures()).isZero();
        }
        assertThat(StateDump.of(Backups.restore(backups))).isEqualTo(StateDump.of(db));
    }

    @Test
    void periodicBackupsKeepRunningAfterFailures() throws Exception {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        ControllableFileIo io = new ControllableFileIo();
        io.failing = true;
        try (BackupManager bm = BackupManager.builder(db, dir).fileIo(io).backupInterval(Duration.ofMillis(10))
                .build()) {
            bm.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (bm.consecutiveFailures() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(bm.consecutiveFailures()).isGreaterThanOrEqualTo(3);
            t.insert(Map.of("a", 1));
            io.failing = false;
            while (bm.consecutiveFailures() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(bm.consecutiveFailures()).isZero();
            assertThat(io.writerThreads).allMatch(name -> name.startsWith("dictdb-backup-"));
        }
    }
}
