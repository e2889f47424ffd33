package io.dictdb.storage;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.dictdb.storage.StorageFixtures.list;
import static io.dictdb.storage.StorageFixtures.rec;
import static io.dictdb.storage.StorageFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A JSON file we write with only the Python DictDB's types loads in the Python DictDB: checked by running
 * {@code python_reader_check.py}, a standard-library mirror of the Python DictDB's loader, on the file and
 * comparing what it loaded with our tables. Skipped when no {@code python3} is on the path.
 */
class PythonReaderCheckTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        assumeTrue(pythonAvailable(), "python3 is not available");
    }

    @Test
    void fileWithOnlyPythonTypesLoadsInThePythonLoaderWithTheSameContent() throws Exception {
        DictDB db = new DictDB();
        Table people = db.createTable("people");
        people.insert(rec("name", "Zoë \u5317\u4eac \uD83D\uDE00", "age", 30, "score", 12.5, "active", true,
                "email", null, "tags", list("a", null, 1L, 2.5, false), "address", rec("city", "Lille", "n", list())));
        people.insert(rec("name", "quote \" backslash \\ newline \n tab \t control \u0001 del \u007f", "age", -1,
                "score", Double.NaN, "big", 1e300, "neg", Double.NEGATIVE_INFINITY, "zero", -0.0));
        people.insert(rec("id", 10L, "name", "explicit key"));
        Schema schema = Schema.builder().field("sku", FieldType.STRING).field("price", FieldType.DOUBLE)
                .field("stock", FieldType.LONG).field("tags", FieldType.LIST).field("meta", FieldType.MAP)
                .field("available", FieldType.BOOLEAN).build();
        Table products = db.createTable("products", "sku", schema);
        products.insert(rec("sku", "A-001", "price", 2, "stock", 100, "tags", list("office"),
                "meta", rec("color", "blue"), "available", true));
        Table typed = db.createTable("typed", "id", Schema.builder().field("name", FieldType.STRING).build());
        typed.insert(rec("name", "auto key added to the schema"));
        db.createTable("empty", "code");
        Path file = dir.resolve("db.json");
        db.save(file, FileFormat.JSON);

        Map<String, Map<String, Object>> python = runPythonLoader(file);

        assertThat(python.keySet()).containsExactlyElementsOf(db.listTables());
        for (String name : db.listTables()) {
            Table t = db.getTable(name);
            assertThat(python.get(name).get("primary_key")).isEqualTo(t.primaryKey());
            List<Row> loaded = new ArrayList<>();
            for (Object row : (List<?>) python.get(name).get("rows")) {
                loaded.add(Row.of((Map<String, ?>) row));
            }
            assertThat(loaded).as(name).containsExactlyElementsOf(t.select().copy(false).list());
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(text.chars()).as("ASCII only").allMatch(c -> c < 0x80);
    }

    @Test
    void thePythonLoaderRefusesTypesThePythonDictDBDoesNotHave() throws Exception {
        DictDB db = new DictDB();
        db.createTable("t", "id", Schema.builder().field("day", FieldType.DATE).build())
                .insert(rec("day", LocalDate.of(2024, 1, 31)));
        Path file = dir.resolve("dates.json");
        db.save(file, FileFormat.JSON);

        Process process = start(file);
        String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(error).contains("Unsupported type in schema: date");
    }

    @Test
    void thePythonLoaderReadsThePythonFixturesToo() throws Exception {
        Path file = resource("python-dictdb/products_with_schema.json", dir);
        Map<String, Map<String, Object>> python = runPythonLoader(file);
        assertThat(python).containsOnlyKeys("products", "orders");
    }

    private Map<String, Map<String, Object>> runPythonLoader(Path file) throws Exception {
        Process process = start(file);
        byte[] out = process.getInputStream().readAllBytes();
        String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python loader failed: " + error).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tables = JSON.readValue(out, LinkedHashMap.class);
        return tables;
    }

    private Process start(Path file) throws IOException {
        Path script = resource("python_reader_check.py", dir);
        return new ProcessBuilder("python3", script.toString(), file.toString()).start();
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
