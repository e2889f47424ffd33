package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void theFileHoldsTheDatabaseAsItWasWhenSaveAsyncWasCalled() {
        AsyncPersistence.Result result = AsyncPersistence.run(dir, Report.silent());

        assertThat(result.rowsAtCall()).isEqualTo(1_000);
        assertThat(result.rowsAfterCall()).isEqualTo(1_001);
        assertThat(result.loadedRows()).isEqualTo(1_000);
        assertThat(result.filesInDir()).containsExactly(dir.resolve("backup_async.json"));
        assertThat(result.bytes()).isEqualTo(result.file().toFile().length()).isPositive();
        try (DictDB loaded = DictDB.load(result.file(), FileFormat.JSON)) {
            assertThat(loaded.getTable("users").count()).isEqualTo(1_000);
        }
    }
}
