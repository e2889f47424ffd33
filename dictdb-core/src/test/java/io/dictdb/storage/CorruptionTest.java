package io.dictdb.storage;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.FileFormat;
import io.dictdb.IndexType;
import io.dictdb.Schema;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static io.dictdb.storage.StorageFixtures.list;
import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A damaged file is never loaded: every truncation and every single-bit flip of a file we wrote, in both formats,
 * raises {@link CorruptFileException} naming the file; the flips are all caught by the checksum.
 */
class CorruptionTest {
    @TempDir
    Path dir;

    /** A small database touching every part of the file model. */
    static DictDB small() {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        t.insert(rec("name", "Zoë", "n", 1L, "x", 2.5, "ok", true, "none", null, "tags", list("a", 1L),
                "m", rec("k", "v")));
        t.insert(rec("d", new BigDecimal("1.50"), "day", LocalDate.of(2024, 1, 31), "u", new UUID(1, 2),
                "$m", rec("$k", 1L)));
        t.createIndex("n", IndexType.SORTED);
        Schema schema = Schema.builder().field("price", FieldType.DECIMAL).optionalField("day", FieldType.DATE)
                .field("status", FieldType.STRING, "new").build();
        db.createTable("s", "id", schema).insert(rec("price", new BigDecimal("9.99"), "day", LocalDate.of(2020, 1, 1)));
        db.createTable("e", "code");
        return db;
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void everyTruncationIsRefused(FileFormat format) {
        byte[] good = goodFile(format);
        Path file = dir.resolve("truncated");
        try (InMemoryFile memory = new InMemoryFile(file).install()) {
            for (int length = 0; length < good.length; length++) {
                memory.set(Arrays.copyOf(good, length));
                CorruptFileException e = catchThrowableOfType(CorruptFileException.class,
                        () -> DictDB.load(file, format));
                assertThat(e).as("%s truncated to %d of %d bytes", format, length, good.length).isNotNull();
                assertThat(e.file()).contains(file);
                assertThat(e.getMessage()).contains(file.toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void everySingleBitFlipIsCaughtByTheChecksum(FileFormat format) {
        byte[] good = goodFile(format);
        Path file = dir.resolve("flipped");
        try (InMemoryFile memory = new InMemoryFile(file).install()) {
            for (int at = 0; at < good.length; at++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] bad = good.clone();
                    bad[at] ^= (byte) (1 << bit);
                    memory.set(bad);
                    CorruptFileException e = catchThrowableOfType(CorruptFileException.class,
                            () -> DictDB.load(file, format));
                    assertThat(e).as("%s with bit %d of byte %d flipped", format, bit, at).isNotNull();
                    assertThat(e.file()).contains(file);
                    assertThat(e.getMessage()).as("byte %d bit %d", at, bit).contains("checksum");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void appendedDataIsRefused(FileFormat format) throws IOException {
        byte[] good = goodFile(format);
        Path file = dir.resolve("appended");
        Files.write(file, Arrays.copyOf(good, good.length + 1));
        assertThatThrownBy(() -> DictDB.load(file, format)).isInstanceOf(CorruptFileException.class);
        byte[] twice = Arrays.copyOf(good, good.length * 2);
        System.arraycopy(good, 0, twice, good.length, good.length);
        Files.write(file, twice);
        assertThatThrownBy(() -> DictDB.load(file, format)).isInstanceOf(CorruptFileException.class);
    }

    @Test
    void aFileWithOurVersionButNoChecksumIsRefused() throws IOException {
        String good = new String(goodFile(FileFormat.JSON), StandardCharsets.US_ASCII);
        String noChecksum = good.replaceAll(",\n    \"checksum\": \"crc32c:[0-9a-f]{8}\"\n}\n$", "\n}\n");
        assertThat(noChecksum).isNotEqualTo(good);
        Path file = dir.resolve("edited.json");
        Files.writeString(file, noChecksum);

        assertThatThrownBy(() -> DictDB.load(file, FileFormat.JSON))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("checksum trailer is missing");
    }

    @Test
    void aReformattedFileOfOursIsRefused() throws IOException {
        String good = new String(goodFile(FileFormat.JSON), StandardCharsets.US_ASCII);
        Path file = dir.resolve("reformatted.json");
        Files.writeString(file, good.replace("\n", "\r\n"));
        assertThatThrownBy(() -> DictDB.load(file, FileFormat.JSON)).isInstanceOf(CorruptFileException.class);
        Files.writeString(file, "\n" + good);
        assertThatThrownBy(() -> DictDB.load(file, FileFormat.JSON)).isInstanceOf(CorruptFileException.class);
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws IOException {
        Path file = dir.resolve("v2.json");
        Files.writeString(file, "{\n    \"dictdb_format\": 2,\n    \"tables\": {\n    }\n}\n");
        assertThatThrownBy(() -> DictDB.load(file, FileFormat.JSON))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("Unsupported format version 2");
    }

    @Test
    void aJsonFileIsNotACborFileAndTheReverse() throws IOException {
        Path json = dir.resolve("db.json");
        Path cbor = dir.resolve("db.cbor");
        small().save(json, FileFormat.JSON);
        small().save(cbor, FileFormat.CBOR);
        assertThatThrownBy(() -> DictDB.load(json, FileFormat.CBOR)).isInstanceOf(CorruptFileException.class);
        assertThatThrownBy(() -> DictDB.load(cbor, FileFormat.JSON)).isInstanceOf(CorruptFileException.class);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aMissingFileIsAnIoFailureCausedByNoSuchFile(FileFormat format) {
        assertThatThrownBy(() -> DictDB.load(dir.resolve("missing"), format))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void aDirectoryIsAnIoFailure(FileFormat format) {
        assertThatThrownBy(() -> DictDB.load(dir, format))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void pythonStyleFilesBreakingTheRulesAreRefused() throws IOException {
        String[] bad = {
            "",
            "[]",
            "{}",
            "{\"tables\": null}",
            "{\"tables\": []}",
            "{\"tables\": {\"t\": {\"schema\": null, \"records\": []}}}",
            "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null}}}",
            "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null, \"records\": null}}}",
            "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null, \"records\": [1]}}}",
            "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": {\"a\": \"set\"}, \"records\": []}}}",
            "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null,"
                    + " \"records\": [{\"id\": 1}, {\"id\": 1}]}}}",
            "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": {\"a\": \"int\"},"
                    + " \"records\": [{\"a\": \"x\"}]}}}",
            "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null, \"records\": [{\"id\": null}]}}}",
            "{\"tables\": {}} {}",
            "{\"tables\": {}, \"checksum\": \"crc32c:00000000\"}",
        };
        Path file = dir.resolve("bad.json");
        for (String content : bad) {
            Files.writeString(file, content);
            assertThatThrownBy(() -> DictDB.load(file, FileFormat.JSON)).as(content)
                    .isInstanceOf(CorruptFileException.class)
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void aPythonFileWithKeysOutOfOrderStillLoads() throws IOException {
        Path file = dir.resolve("sorted-keys.json");
        Files.writeString(file, "{\"tables\": {\"t\": {\"records\": [{\"a\": 1, \"id\": 7}, {\"a\": 2}],"
                + " \"schema\": {\"a\": \"int\"}, \"primary_key\": \"id\"}}}");
        DictDB db = DictDB.load(file, FileFormat.JSON);
        assertThat(db.getTable("t").select().copy(false).list())
                .containsExactly(io.dictdb.Row.of(rec("a", 1L, "id", 7L)), io.dictdb.Row.of(rec("a", 2L, "id", 8L)));
        assertThat(db.getTable("t").schema()).isPresent();
    }

    @Test
    void aFieldGivenTwiceKeepsItsFirstPlaceAndLastValueAsInPython() throws IOException {
        Path file = dir.resolve("twice.json");
        Files.writeString(file, "{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null, \"records\": ["
                + "{\"id\": 1, \"a\": 1, \"b\": 2}, {\"id\": 2, \"a\": 1, \"b\": 2, \"a\": 3},"
                + " {\"id\": 3, \"id\": 4, \"a\": 5}]}}}");
        DictDB db = DictDB.load(file, FileFormat.JSON);
        assertThat(db.getTable("t").select().copy(false).list()).containsExactly(
                io.dictdb.Row.of(rec("id", 1L, "a", 1L, "b", 2L)),
                io.dictdb.Row.of(rec("id", 2L, "a", 3L, "b", 2L)),
                io.dictdb.Row.of(rec("id", 4L, "a", 5L)));
    }

    private byte[] goodFile(FileFormat format) {
        Path file = dir.resolve("good");
        small().save(file, format);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(StorageFixtures.image(DictDB.load(file, format))).isEqualTo(StorageFixtures.image(small()));
        return bytes;
    }
}
