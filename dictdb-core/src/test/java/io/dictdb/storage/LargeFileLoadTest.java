package io.dictdb.storage;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.dictdb.storage.StorageFixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files of a megabyte or more are parsed on a second thread while the loading thread inserts: the same results
 * and the same refusals as for small files, and the parsing thread always ends.
 */
class LargeFileLoadTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @AfterEach
    void parsingThreadsEnd() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (parserThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(parserThreadAlive()).as("a parsing thread is still running").isFalse();
    }

    private static boolean parserThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("dictdb-load-parser") && t.isAlive());
    }

    private byte[] saved(FileFormat format) throws IOException {
        Path file = dir.resolve("large");
        StorageFixtures.simple(ROWS).save(file, format);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(1 << 20);
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aLargeFileRoundTrips(FileFormat format) {
        DictDB db = StorageFixtures.simple(ROWS);
        Path file = dir.resolve("large");
        db.save(file, format);
        assertThat(image(DictDB.load(file, format))).isEqualTo(image(db));
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aDamagedLargeFileIsRefused(FileFormat format) throws IOException {
        byte[] good = saved(format);
        Path file = dir.resolve("damaged");
        for (int at : new int[]{good.length / 3, good.length / 2, good.length - 30}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            assertThatThrownBy(() -> DictDB.load(file, format)).isInstanceOf(CorruptFileException.class)
                    .hasMessageContaining("checksum");
        }
        Files.write(file, Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> DictDB.load(file, format)).isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void aRuleBrokenLateInALargePythonFileIsRefusedAndNamesTheRecords() throws IOException {
        StringBuilder json = new StringBuilder("{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null, "
                + "\"records\": [");
        for (int i = 1; i <= ROWS; i++) {
            json.append("{\"id\": ").append(i == ROWS ? 7 : i)
                    .append(", \"name\": \"a row of a table large enough to be parsed on a second thread, #")
                    .append(i).append("\"}, ");
        }
        json.append("{\"id\": -1}]}}}");
        Path file = dir.resolve("python.json");
        Files.writeString(file, json, StandardCharsets.US_ASCII);
        assertThat(Files.size(file)).isGreaterThan(1 << 20);

        assertThatThrownBy(() -> DictDB.load(file, FileFormat.JSON))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("Record with key '7' already exists in table 't'")
                .hasMessageContaining("Table 't', records");
    }

    @Test
    void malformedContentLateInALargeFileIsRefused() throws IOException {
        String good = new String(saved(FileFormat.JSON), StandardCharsets.US_ASCII);
        Path file = dir.resolve("malformed.json");
        int at = good.length() * 3 / 4;
        Files.writeString(file, good.substring(0, at) + "]]]" + good.substring(at));
        assertThatThrownBy(() -> DictDB.load(file, FileFormat.JSON)).isInstanceOf(CorruptFileException.class);
    }
}
