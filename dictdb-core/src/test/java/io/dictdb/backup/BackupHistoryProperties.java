package io.dictdb.backup;

import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.IndexType;
import io.dictdb.OnConflict;
import io.dictdb.Table;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.EngineAccess;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random histories of writes (rows, tables, indexes) made by a writer thread while full and delta backups are
 * taken at random moments (some of them failing), restoring the directory gives exactly the database as it was at
 * the last successful backup's sequence number: no lost write, no duplicated one.
 */
class BackupHistoryProperties {

    @Property(tries = 25)
    void restoreGivesTheStateOfTheLastBackup(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int maxDeltas)
            throws Exception {
        Path dir = Files.createTempDirectory("dictdb-backup-property");
        try {
            check(seed, maxDeltas, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void check(long seed, int maxDeltas, Path dir) throws Exception {
        Random random = new Random(seed);
        DictDB db = new DictDB();
        db.createTable("a");
        Map<Long, DbState> states = new ConcurrentHashMap<>();
        ControllableFileIo io = new ControllableFileIo();
        AtomicBoolean done = new AtomicBoolean();
        long writerSeed = random.nextLong();
        try (BackupManager bm = BackupManager.builder(db, dir).incremental(true).maxDeltasBeforeFull(maxDeltas)
                .fileIo(io).build()) {
            bm.backupFull();
            Thread writer = new Thread(() -> {
                Random w = new Random(writerSeed);
                for (int i = 0; i < 400; i++) {
                    randomWrite(db, w);
                    if (i % 10 == 0) {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    DbState state = EngineAccess.of(db).committedState();
                    states.put(state.sequence(), state);
                }
                done.set(true);
            }, "writer");
            writer.start();
            while (!done.get()) {
                io.failing = random.nextInt(6) == 0;
                switch (random.nextInt(3)) {
                    case 0: bm.backupNow(); break;
                    case 1: bm.backupDelta(); break;
                    default: if (random.nextInt(4) == 0) { bm.backupFull(); } break;
                }
                if (random.nextInt(8) == 0 && bm.lastBackupSequence() > 1) {
                    // Restore while the writer keeps going: the state of the last backup, exactly.
                    assertThat(StateDump.of(Backups.restore(dir)))
                            .isEqualTo(StateDump.of(awaitState(states, bm.lastBackupSequence())));
                }
                Thread.sleep(0, random.nextInt(200_000));
            }
            writer.join();
            io.failing = false;
            bm.backupNow();
            long last = bm.lastBackupSequence();
            DbState expected = awaitState(states, last);
            assertThat(expected).as("state at sequence %d", last).isNotNull();
            assertThat(StateDump.of(Backups.restore(dir))).isEqualTo(StateDump.of(expected));
        }
    }

    /** The writer records each state just after its commit returns: wait for that moment. */
    private static DbState awaitState(Map<Long, DbState> states, long sequence) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!states.containsKey(sequence) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return states.get(sequence);
    }

    private static void randomWrite(DictDB db, Random w) {
        List<String> names = db.listTables();
        String name = names.get(w.nextInt(names.size()));
        Table t = db.getTable(name);
        long key = 1 + w.nextInt(30);
        try {
            switch (w.nextInt(12)) {
                case 0: case 1: case 2:
                    t.insert(Map.of("v", w.nextInt(100), "s", "x" + w.nextInt(5), "f", w.nextInt(100) / 4.0));
                    break;
                case 3:
                    t.upsert(Map.of("id", key, "v", w.nextInt(100), "d", java.math.BigDecimal.valueOf(w.nextInt(1000), 2)),
                            OnConflict.UPDATE);
                    break;
                case 4:
                    t.update(Map.of("v", w.nextInt(100), "nested", List.of(w.nextInt(10) / 8.0, Map.of("g", -0.5))),
                            t.field("id").eq(key));
                    break;
                case 5:
                    t.delete(t.field("id").lte(key / 3));
                    break;
                case 6:
                    t.insertAll(List.of(Map.of("v", 1), Map.of("v", 2), Map.of("id", 1000 + key, "v", 3)));
                    break;
                case 7:
                    if (!t.hasIndex("v")) {
                        t.createIndex("v", w.nextBoolean() ? IndexType.HASH : IndexType.SORTED);
                    } else {
                        t.dropIndex("v");
                    }
                    break;
                case 8:
                    if (names.size() < 3) {
                        db.createTable("t" + w.nextInt(4));
                    }
                    break;
                case 9:
                    if (names.size() > 1 && w.nextInt(3) == 0) {
                        db.dropTable(name);
                    }
                    break;
                case 10:
                    db.transaction(tx -> {
                        Table inTx = tx.getTable(name);
                        inTx.insert(Map.of("v", -1));
                        inTx.delete(inTx.field("v").eq(-1));
                        inTx.insert(Map.of("v", -2));
                    });
                    break;
                default:
                    t.upsert(Map.of("id", key, "v", 7), OnConflict.IGNORE);
            }
        } catch (DictDBException expectedConflict) {
            // duplicate keys and tables that already exist are part of a random history
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}
