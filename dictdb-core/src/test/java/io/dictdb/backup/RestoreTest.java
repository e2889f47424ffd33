package io.dictdb.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreTest {
    @TempDir
    Path dir;

    private Path fixture(String name, String as) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/dictdb/storage/python-dictdb/" + name)) {
            Path file = dir.resolve(as);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> expectedAccounts() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/io/dictdb/storage/python-dictdb/expected-accounts_after_delta.json")) {
            Map<String, Map<String, Object>> expected = new ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS).readValue(in, Map.class);
            return (List<Map<String, Object>>) expected.get("accounts").get("rows");
        }
    }

    private static List<Map<String, Object>> rows(DictDB db, String table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row row : db.getTable(table).all()) {
            rows.add(Map.copyOf(row));
        }
        return rows;
    }

    @Test
    void aDeltaOfThePythonDictDBAppliesAsThePythonLibraryDid() throws IOException {
        DictDB db = DictDB.load(fixture("accounts_base.json", "base.json"), FileFormat.JSON);
        int affected = Backups.applyDelta(db, fixture("accounts_delta.json", "delta.json"));
        assertThat(affected).isEqualTo(3);
        assertThat(rows(db, "accounts")).isEqualTo(expectedAccounts().stream().map(Map::copyOf).toList());
        assertThat(db.getTable("accounts").insert(Map.of("owner", "new"))).as("the counter follows the keys")
                .isEqualTo(7L);
    }

    @Test
    void aDirectoryOfThePythonDictDBRestoresByTheTutorialsRecipe() throws IOException {
        fixture("accounts_base.json", "dictdb_backup_1795289000_000001.json");
        fixture("accounts_delta.json", "dictdb_delta_1795289422_692732.json");
        DictDB db = Backups.restore(dir);
        assertThat(rows(db, "accounts")).isEqualTo(expectedAccounts().stream().map(Map::copyOf).toList());
    }

    @Test
    void theTutorialsRecipeWorksOnOurBackupsToo() throws IOException {
        DictDB live = new DictDB();
        Table t = live.createTable("t");
        try (BackupManager bm = BackupManager.builder(live, dir).incremental(true).build()) {
            t.insert(Map.of("n", 1));
            bm.backupNow();
            t.insert(Map.of("n", 2));
            bm.backupNow();
            t.update(Map.of("n", 20), t.field("n").eq(2));
            bm.backupNow();
        }
        List<String> names = BackupManagerTest.backupNames(dir);
        Path latestFull = dir.resolve(names.stream().filter(n -> n.startsWith("dictdb_backup_")).reduce((a, b) -> b)
                .orElseThrow());
        DictDB db = DictDB.load(latestFull, FileFormat.JSON);
        for (String delta : names.stream().filter(n -> n.startsWith("dictdb_delta_")).sorted().toList()) {
            Backups.applyDelta(db, dir.resolve(delta));
        }
        assertThat(StateDump.of(db)).isEqualTo(StateDump.of(live));
    }

    /** A full backup and three deltas, with the state after each. */
    private List<Map<String, Object>> chainOfThreeDeltas(DictDB live) {
        Table t = live.createTable("t");
        List<Map<String, Object>> states = new ArrayList<>();
        try (BackupManager bm = BackupManager.builder(live, dir).incremental(true).build()) {
            t.insert(Map.of("n", 0));
            bm.backupNow();
            states.add(StateDump.of(live));
            for (int i = 1; i <= 3; i++) {
                t.insert(Map.of("n", i));
                bm.backupNow();
                states.add(StateDump.of(live));
            }
        }
        return states;
    }

    private List<Path> deltas() throws IOException {
        return BackupManagerTest.backupNames(dir).stream().filter(n -> n.startsWith("dictdb_delta_"))
                .map(dir::resolve).toList();
    }

    @Test
    void aMissingDeltaIsAGapThatStrictRestoreRefusesAndLenientRestoreStopsBefore() throws IOException {
        List<Map<String, Object>> states = chainOfThreeDeltas(new DictDB());
        List<Path> deltas = deltas();
        Files.delete(deltas.get(1));

        assertThatThrownBy(() -> Backups.restore(dir)).isInstanceOf(BackupChainException.class)
                .hasMessageContaining(deltas.get(2).toString()).hasMessageContaining("missing")
                .satisfies(e -> assertThat(((BackupChainException) e).file()).contains(deltas.get(2)));

        RestoreResult result = Backups.restoreToLastGoodPoint(dir);
        assertThat(result.complete()).isFalse();
        assertThat(result.appliedDeltas()).containsExactly(deltas.get(0));
        assertThat(result.stoppedAt()).contains(deltas.get(2));
        assertThat(StateDump.of(result.database())).isEqualTo(states.get(1));
    }

    @Test
    void everyTruncationAndEveryBitFlipOfADeltaIsCaughtAndNamesTheFile() throws IOException {
        chainOfThreeDeltas(new DictDB());
        Path last = deltas().get(2);
        byte[] good = Files.readAllBytes(last);
        for (int cut = 0; cut < good.length; cut++) {
            Files.write(last, java.util.Arrays.copyOf(good, cut));
            assertThatThrownBy(() -> Backups.restore(dir)).as("truncated at %d", cut)
                    .isInstanceOf(CorruptFileException.class).hasMessageContaining(last.toString());
        }
        for (int i = 0; i < good.length; i++) {
            byte[] flipped = good.clone();
            flipped[i] ^= (byte) (1 << (i % 8));
            Files.write(last, flipped);
            assertThatThrownBy(() -> Backups.restore(dir)).as("bit flipped in byte %d", i)
                    .isInstanceOf(CorruptFileException.class).hasMessageContaining(last.toString());
        }
        Files.write(last, good);
        assertThat(Backups.restoreToLastGoodPoint(dir).complete()).isTrue();
    }

    @Test
    void aDamagedDeltaStopsLenientRestoreAtThePreviousOne() throws IOException {
        List<Map<String, Object>> states = chainOfThreeDeltas(new DictDB());
        Path second = deltas().get(1);
        byte[] bytes = Files.readAllBytes(second);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(second, bytes);
        RestoreResult result = Backups.restoreToLastGoodPoint(dir);
        assertThat(result.stoppedAt()).contains(second);
        assertThat(result.problem()).hasValueSatisfying(p -> assertThat(p).contains("checksum"));
        assertThat(StateDump.of(result.database())).isEqualTo(states.get(1));
    }

    @Test
    void aDamagedNewestFullBackupIsReportedByStrictRestoreAndPassedOverByLenientRestore() throws IOException {
        DictDB live = new DictDB();
        Table t = live.createTable("t");
        Map<String, Object> olderChainEnd;
        try (BackupManager bm = BackupManager.builder(live, dir).incremental(true).build()) {
            t.insert(Map.of("n", 1));
            bm.backupFull();
            t.insert(Map.of("n", 2));
            bm.backupDelta();
            olderChainEnd = StateDump.of(live);
            t.insert(Map.of("n", 3));
            bm.backupFull();
            t.insert(Map.of("n", 4));
            bm.backupDelta();
        }
        Path newestFull = dir.resolve(BackupManagerTest.backupNames(dir).stream()
                .filter(n -> n.startsWith("dictdb_backup_")).reduce((a, b) -> b).orElseThrow());
        byte[] bytes = Files.readAllBytes(newestFull);
        bytes[20] ^= 0x01;
        Files.write(newestFull, bytes);

        assertThatThrownBy(() -> Backups.restore(dir)).isInstanceOf(CorruptFileException.class)
                .hasMessageContaining(newestFull.toString());
        RestoreResult result = Backups.restoreToLastGoodPoint(dir);
        assertThat(result.skippedFullBackups()).containsExactly(newestFull);
        assertThat(result.stoppedAt()).contains(newestFull);
        assertThat(StateDump.of(result.database())).isEqualTo(olderChainEnd);
    }

    @Test
    void anEmptyDirectoryHasNothingToRestore() {
        assertThatThrownBy(() -> Backups.restore(dir)).isInstanceOf(BackupChainException.class)
                .hasMessageContaining("no full backup");
    }

    @Test
    void applyDeltaRefusesAFileThatIsNotADeltaOrDoesNotFitNamingIt() throws IOException {
        DictDB db = new DictDB();
        Path notDelta = dir.resolve("x.json");
        Files.writeString(notDelta, "{\"type\": \"full\", \"tables\": {}}");
        assertThatThrownBy(() -> Backups.applyDelta(db, notDelta)).isInstanceOf(CorruptFileException.class)
                .hasMessageContaining(notDelta.toString()).hasMessageContaining("not a valid delta file");

        chainOfThreeDeltas(new DictDB());
        Path ours = deltas().get(0);
        assertThatThrownBy(() -> Backups.applyDelta(db, ours)).isInstanceOf(CorruptFileException.class)
                .hasMessageContaining(ours.toString()).hasMessageContaining("'t' does not exist");
        assertThat(db.listTables()).isEmpty();
    }
}
