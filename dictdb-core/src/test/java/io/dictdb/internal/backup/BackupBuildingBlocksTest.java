package io.dictdb.internal.backup;

import io.dictdb.FileFormat;
import io.dictdb.InsertOptions;
import io.dictdb.OnConflict;
import io.dictdb.internal.engine.Change;
import io.dictdb.internal.engine.Engine;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.engine.TableWrites;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupBuildingBlocksTest {

    @Test
    void stampsStrictlyIncreaseEvenOnAFrozenOrBackwardClock() {
        BackupFileNames frozen = new BackupFileNames(Clock.fixed(Instant.ofEpochSecond(1_706_123_456L, 789_012_000L),
                ZoneOffset.UTC));
        long a = frozen.nextStamp();
        long b = frozen.nextStamp();
        assertThat(a).isEqualTo(1_706_123_456_789_012L);
        assertThat(b).isEqualTo(a + 1);

        Path dir = Path.of("backups");
        assertThat(BackupFileNames.full(dir, a, FileFormat.JSON).getFileName().toString())
                .isEqualTo("dictdb_backup_1706123456_789012.json");
        assertThat(BackupFileNames.delta(dir, b).getFileName().toString())
                .isEqualTo("dictdb_delta_1706123456_789013.json");
        assertThat(BackupFileNames.full(dir, 1_706_123_456_000_001L, FileFormat.CBOR).getFileName().toString())
                .isEqualTo("dictdb_backup_1706123456_000001.cbor");
        assertThat(BackupFileNames.stampOf("dictdb_delta_1706123456_789013.json")).isEqualTo(b);
        assertThat(BackupFileNames.stampOf("dictdb_backup_1706123456_789012.cbor")).isEqualTo(a);
        assertThat(BackupFileNames.stampOf("notes.txt")).isEqualTo(-1);
    }

    @Test
    void namesSortInStampOrder() {
        List<String> names = new ArrayList<>();
        BackupFileNames clock = new BackupFileNames(Clock.systemUTC());
        for (int i = 0; i < 50; i++) {
            long stamp = clock.nextStamp();
            names.add((i % 3 == 0 ? BackupFileNames.full(Path.of("."), stamp, FileFormat.JSON)
                    : BackupFileNames.delta(Path.of("."), stamp)).getFileName().toString());
        }
        List<Long> stamps = names.stream().map(BackupFileNames::stampOf).toList();
        assertThat(stamps).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theCollectorKeepsEachChangedKeyOnceWithItsLastSequenceAndGivesBackWhatAFailedBackupTook() {
        Engine engine = new Engine();
        ChangeCollector collector = ChangeCollector.attach(engine);
        engine.write(txn -> {
            txn.createTable(TableDef.create("t", "id", null));
            return null;
        });
        engine.write(txn -> TableWrites.insertAll(txn, "t", List.of(Map.of("v", 1), Map.of("v", 2)),
                InsertOptions.defaults()));
        engine.write(txn -> TableWrites.upsert(txn, "t", Map.of("id", 1.0, "v", 9), OnConflict.UPDATE));

        ChangeCollector.Capture first = collector.take();
        assertThat(first.state().sequence()).isEqualTo(engine.committedState().sequence());
        assertThat(first.changes().events()).extracting(PendingChanges.TableEvent::kind)
                .containsExactly(Change.Kind.TABLE_CREATED);
        assertThat(first.changes().rows().get("t")).containsExactly(Map.entry(1L, 3L), Map.entry(2L, 2L));
        assertThat(collector.pendingCount()).isZero();

        engine.write(txn -> TableWrites.insertAll(txn, "t", List.of(Map.of("v", 3)), InsertOptions.defaults()));
        collector.giveBack(first.changes());
        ChangeCollector.Capture second = collector.take();
        assertThat(second.changes().events()).hasSize(1);
        assertThat(second.changes().rows().get("t")).containsOnlyKeys(1L, 2L, 3L);
        assertThat(second.changes().rows().get("t").get(3L)).isEqualTo(engine.committedState().sequence());

        engine.write(txn -> {
            txn.dropTable("t");
            return null;
        });
        ChangeCollector.Capture third = collector.take();
        assertThat(third.changes().rows()).isEmpty();
        assertThat(third.changes().events()).extracting(PendingChanges.TableEvent::kind)
                .containsExactly(Change.Kind.TABLE_DROPPED);
        collector.detach();
    }
}
