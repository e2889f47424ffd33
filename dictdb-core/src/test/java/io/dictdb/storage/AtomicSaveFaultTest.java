package io.dictdb.storage;

import io.dictdb.CsvExportOptions;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Table;
import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.io.FaultInjectingFileIo;
import io.dictdb.internal.io.FaultInjectingFileIo.Operation;
import io.dictdb.internal.io.NioFileIo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.dictdb.storage.StorageFixtures.fileNames;
import static io.dictdb.storage.StorageFixtures.image;
import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A save that fails at any write, force, rename or directory force never loses the previous file: for every
 * operation of a save, in turn, the file layer fails exactly that operation, and the test checks the exception,
 * the file on disk, the directory and the database in memory.
 */
class AtomicSaveFaultTest {
    private static final List<Operation> SAVE_OPERATIONS = List.of(Operation.CREATE, Operation.WRITE,
            Operation.FORCE, Operation.RENAME, Operation.FORCE_DIRECTORY);

    @TempDir
    Path dir;

    private final FaultInjectingFileIo faults = new FaultInjectingFileIo(NioFileIo.INSTANCE);

    @BeforeEach
    void installFaultyFileLayer() {
        CurrentFileIo.replace(faults);
    }

    @AfterEach
    void restoreFileLayer() {
        CurrentFileIo.replace(NioFileIo.INSTANCE);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void everyFailingOperationOfASaveLeavesThePreviousFileLoadable(FileFormat format) throws IOException {
        Path file = dir.resolve("db." + format.name().toLowerCase());
        DictDB db = StorageFixtures.simple(3000);
        db.save(file, format);
        List<StorageFixtures.TableImage> previous = image(db);
        byte[] previousBytes = Files.readAllBytes(file);
        db.getTable("items").update(Map.of("name", "changed"));
        db.getTable("items").insert(rec("name", "new row"));
        List<StorageFixtures.TableImage> current = image(db);

        faults.reset();
        db.save(dir.resolve("probe"), format);
        Files.delete(dir.resolve("probe"));
        assertThat(faults.count(Operation.WRITE)).as("a save of this size takes several writes")
                .isGreaterThanOrEqualTo(3);

        int scenarios = 0;
        for (Operation kind : SAVE_OPERATIONS) {
            faults.reset();
            db.save(dir.resolve("probe"), format);
            Files.delete(dir.resolve("probe"));
            int count = faults.count(kind);
            assertThat(count).as(kind + " happens during a save").isPositive();
            for (int n = 1; n <= count; n++) {
                faults.failOn(kind, n);
                String scenario = format + ": " + kind + " #" + n + " of " + count + " fails";

                assertThatThrownBy(() -> db.save(file, format)).as(scenario)
                        .isInstanceOf(UncheckedIOException.class)
                        .hasCauseInstanceOf(IOException.class)
                        .hasMessageContaining("Injected fault");

                faults.reset();
                assertThat(fileNames(dir)).as(scenario + ": no temporary file left")
                        .containsExactly(file.getFileName().toString());
                assertThat(image(db)).as(scenario + ": memory unchanged").isEqualTo(current);
                if (kind == Operation.FORCE_DIRECTORY) {
                    // The rename happened: the target holds the new, complete content; only its durability
                    // across a power loss was not confirmed.
                    assertThat(image(DictDB.load(file, format))).as(scenario).isEqualTo(current);
                    Files.write(file, previousBytes);
                } else {
                    assertThat(Files.readAllBytes(file)).as(scenario + ": previous file untouched")
                            .isEqualTo(previousBytes);
                    assertThat(image(DictDB.load(file, format))).as(scenario).isEqualTo(previous);
                }
                scenarios++;
            }
        }
        assertThat(scenarios).isGreaterThanOrEqualTo(SAVE_OPERATIONS.size() + 2);

        db.save(file, format);
        assertThat(image(DictDB.load(file, format))).isEqualTo(current);
    }

    @Test
    void aSaveWithNoPreviousFileLeavesNothingWhenItFails() {
        Path file = dir.resolve("new.json");
        faults.failOn(Operation.WRITE, 1);

        assertThatThrownBy(() -> StorageFixtures.simple(10).save(file, FileFormat.JSON))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(fileNames(dir)).isEmpty();
    }

    @Test
    void aFailingCleanUpIsReportedWithTheOriginalFailure() {
        Path file = dir.resolve("db.json");
        FaultInjectingFileIo twoFaults = new FaultInjectingFileIo(new FaultInjectingFileIo(NioFileIo.INSTANCE)
                .failOn(Operation.DELETE, 1));
        CurrentFileIo.replace(twoFaults.failOn(Operation.FORCE, 1));

        assertThatThrownBy(() -> StorageFixtures.simple(10).save(file, FileFormat.JSON))
                .isInstanceOf(UncheckedIOException.class)
                .satisfies(e -> assertThat(e.getCause().getSuppressed()).anySatisfy(s ->
                        assertThat(s).hasMessageContaining("DELETE")));
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void everyFailingOperationOfACsvExportLeavesThePreviousFile() throws IOException {
        Path file = dir.resolve("items.csv");
        DictDB db = StorageFixtures.simple(3000);
        Table items = db.getTable("items");
        items.exportCsv(file, CsvExportOptions.defaults());
        byte[] previous = Files.readAllBytes(file);
        items.update(Map.of("name", "changed"));

        for (Operation kind : SAVE_OPERATIONS) {
            faults.reset();
            items.exportCsv(dir.resolve("probe.csv"), CsvExportOptions.defaults());
            Files.delete(dir.resolve("probe.csv"));
            int count = faults.count(kind);
            for (int n = 1; n <= count; n++) {
                faults.failOn(kind, n);
                assertThatThrownBy(() -> items.exportCsv(file, CsvExportOptions.defaults()))
                        .isInstanceOf(UncheckedIOException.class);
                faults.reset();
                assertThat(fileNames(dir)).containsExactly("items.csv");
                if (kind != Operation.FORCE_DIRECTORY) {
                    assertThat(Files.readAllBytes(file)).isEqualTo(previous);
                } else {
                    Files.write(file, previous);
                }
            }
        }
    }
}
