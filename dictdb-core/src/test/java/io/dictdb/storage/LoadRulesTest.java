package io.dictdb.storage;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Loading stores the records of a file as the rows the reader built, without copying them again: every rule of
 * an insert still holds for them (duplicate keys, keys moving the counter, missing keys, schema validation of
 * Python files), and records keep their fields in file order whatever their shapes.
 */
class LoadRulesTest {
    @TempDir
    Path dir;

    private DictDB loadJson(String json) {
        return StorageFixtures.loadJson(dir, json);
    }

    /** Our JSON layout (format version first), followed by a valid checksum trailer. */
    private DictDB loadOurs(String tables) throws IOException {
        String body = "{\n    \"dictdb_format\": 1,\n    \"tables\": " + tables;
        Path file = dir.resolve("ours.json");
        Files.write(file, StorageFixtures.withTrailer(body.getBytes(StandardCharsets.UTF_8), FileFormat.JSON));
        return DictDB.load(file, FileFormat.JSON);
    }

    private static List<String> fieldOrder(Row row) {
        return new ArrayList<>(row.keySet());
    }

    @Test
    void duplicateKeysInAFileAreRefused() {
        assertThatThrownBy(() -> loadJson("{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null,"
                + " \"records\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 1.0}]}}}"))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("Table 't', records 1 to 3")
                .hasMessageContaining("Record with key '1.0' already exists in table 't'");
        assertThatThrownBy(() -> loadOurs("{\"t\": {\"primary_key\": \"id\", \"schema\": null, \"next_key\": 9,"
                + " \"indexes\": [], \"records\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}}"))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("Record with key 'a' already exists in table 't'");
    }

    @Test
    void aSchemaInvalidRecordOfAPythonFileIsRefused() {
        assertThatThrownBy(() -> loadJson("{\"tables\": {\"p\": {\"primary_key\": \"id\","
                + " \"schema\": {\"id\": \"int\", \"age\": \"int\"},"
                + " \"records\": [{\"id\": 1, \"age\": 3}, {\"id\": 2, \"age\": \"old\"}]}}}"))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("Table 'p', records 1 to 2")
                .hasMessageContaining("Field 'age' expects type 'LONG', got 'String'.");
        assertThatThrownBy(() -> loadJson("{\"tables\": {\"p\": {\"primary_key\": \"id\","
                + " \"schema\": {\"id\": \"int\"}, \"records\": [{\"id\": 1, \"extra\": 3}]}}}"))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("Field 'extra' is not defined in the schema.");
    }

    @Test
    void ourFilesAreNotValidatedAgainstTheirSchema() throws IOException {
        DictDB db = loadOurs("{\"p\": {\"primary_key\": \"id\", \"schema\": {\"id\": \"int\", \"age\": \"int\"},"
                + " \"next_key\": 3, \"indexes\": [], \"records\": [{\"id\": 1, \"age\": {\"$any\": \"old\"}}]}}");
        assertThat(db.getTable("p").get(1L).orElseThrow().get("age")).isEqualTo("old");
    }

    @Test
    void keysInTheRecordsMoveTheCounterPastASmallerSavedOne() throws IOException {
        DictDB db = loadOurs("{\"t\": {\"primary_key\": \"id\", \"schema\": null, \"next_key\": 1,"
                + " \"indexes\": [], \"records\": [{\"id\": 7}, {\"id\": \"k\"}, {\"id\": 12.0}]}}");
        Table t = db.getTable("t");
        assertThat(t.insert(rec("name", "next"))).isEqualTo(13L);
    }

    /** The saved counter is restored once the table's records are in (as before this path existed). */
    @Test
    void recordsWithoutTheirKeyTakeItFromTheCounter() throws IOException {
        DictDB db = loadOurs("{\"t\": {\"primary_key\": \"id\", \"schema\": null, \"next_key\": 5,"
                + " \"indexes\": [], \"records\": [{\"name\": \"a\"}, {\"id\": 9, \"name\": \"b\"},"
                + " {\"name\": \"c\"}]}}");
        Table t = db.getTable("t");
        assertThat(t.get(1L).orElseThrow()).isEqualTo(Map.of("name", "a", "id", 1L));
        assertThat(t.get(10L).orElseThrow()).isEqualTo(Map.of("name", "c", "id", 10L));
        assertThat(t.insert(rec("name", "d"))).isEqualTo(11L);
    }

    @Test
    void recordsOfChangingShapesKeepTheirFieldsInFileOrder() throws IOException {
        DictDB db = loadJson("{\"tables\": {\"t\": {\"primary_key\": \"id\", \"schema\": null, \"records\": ["
                + "{\"id\": 1, \"a\": 1, \"b\": 2}, {\"id\": 2, \"a\": 1, \"b\": 2}, {\"id\": 3, \"a\": 1},"
                + "{\"id\": 4, \"a\": 1, \"b\": 2, \"c\": [1, {\"x\": null}]}, {\"b\": 1, \"id\": 5},"
                + "{\"id\": 6, \"a\": 1, \"a\": 2, \"b\": 3}, {\"id\": 7, \"b\": 1, \"a\": 2, \"b\": 3}, {\"id\": 8}]}}}");
        Table t = db.getTable("t");
        assertThat(fieldOrder(t.get(1L).orElseThrow())).containsExactly("id", "a", "b");
        assertThat(fieldOrder(t.get(3L).orElseThrow())).containsExactly("id", "a");
        assertThat(t.get(4L).orElseThrow().get("c")).isEqualTo(List.of(1L, java.util.Collections.singletonMap("x", null)));
        assertThat(fieldOrder(t.get(5L).orElseThrow())).containsExactly("b", "id");
        assertThat(t.get(6L).orElseThrow()).isEqualTo(Map.of("id", 6L, "a", 2L, "b", 3L));
        assertThat(fieldOrder(t.get(6L).orElseThrow())).containsExactly("id", "a", "b");
        assertThat(fieldOrder(t.get(7L).orElseThrow())).containsExactly("id", "b", "a");
        assertThat(t.get(7L).orElseThrow().get("b")).isEqualTo(3L);
        assertThat(fieldOrder(t.get(8L).orElseThrow())).containsExactly("id");
        @SuppressWarnings("unchecked")
        List<Object> nested = (List<Object>) t.get(4L).orElseThrow().get("c");
        assertThatThrownBy(() -> nested.add(1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCborFileWithRepeatedFieldsAndChangingShapesLoadsLikeItsJsonTwin() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = (CBORGenerator) CBORFactory.builder()
                .enable(CBORGenerator.Feature.WRITE_TYPE_HEADER)
                .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT).build().createGenerator(out)) {
            g.writeStartObject(null, 3);
            g.writeFieldName("dictdb_format");
            g.writeNumber(1);
            g.writeFieldName("tables");
            g.writeStartObject(null, 1);
            g.writeFieldName("t");
            g.writeStartObject(null, 5);
            g.writeFieldName("primary_key");
            g.writeString("id");
            g.writeFieldName("schema");
            g.writeNull();
            g.writeFieldName("next_key");
            g.writeNumber(1);
            g.writeFieldName("indexes");
            g.writeStartArray(null, 0);
            g.writeEndArray();
            g.writeFieldName("records");
            g.writeStartArray(null, 4);
            writeRecord(g, "id", 1, "a", 1, "a", 2);
            writeRecord(g, "id", 2, "a", 1);
            writeRecord(g, "a", 5, "id", 3);
            writeRecord(g, "id", 4, "a", 1, "b", 2);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
        }
        Path file = dir.resolve("db.cbor");
        Files.write(file, StorageFixtures.withTrailer(out.toByteArray(), FileFormat.CBOR));

        Table t = DictDB.load(file, FileFormat.CBOR).getTable("t");
        assertThat(t.get(1L).orElseThrow()).isEqualTo(Map.of("id", 1L, "a", 2L));
        assertThat(fieldOrder(t.get(3L).orElseThrow())).containsExactly("a", "id");
        assertThat(fieldOrder(t.get(4L).orElseThrow())).containsExactly("id", "a", "b");
        assertThat(t.insert(rec("a", 0L))).isEqualTo(5L);
    }

    private static void writeRecord(CBORGenerator g, Object... fields) throws IOException {
        g.writeStartObject(null, fields.length / 2);
        for (int i = 0; i < fields.length; i += 2) {
            g.writeFieldName((String) fields[i]);
            g.writeNumber((Integer) fields[i + 1]);
        }
        g.writeEndObject();
    }
}
