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
 * A JSON file we write with only the Python DictDB's types loads in the Python DictDB, and our full backup plus
 * our deltas restore there by the tutorial's recipe: checked by running {@code python_reader_check.py}, a
 * standard-library mirror of the Python DictDB's loader and {@code apply_delta}, on the files and comparing what
 * it restored with our tables. Skipped when no {@code python3} is on the path.
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
    @SuppressWarnings("unchecked")
    void ourFullBackupAndDeltasRestoreInThePythonDictDBToTheLiveRows() throws Exception {
        DictDB db = new DictDB();
        Table accounts = db.createTable("accounts");
        Table products = db.createTable("products", "sku", Schema.builder().field("sku", FieldType.STRING)
                .field("price", FieldType.DOUBLE).field("stock", FieldType.LONG).build());
        for (int i = 0; i < 20; i++) {
            accounts.insert(rec("owner", "owner " + i, "balance", i * 10.5, "tags", list("t" + (i % 3))));
            products.insert(rec("sku", "P-" + i, "price", 1.25 * i, "stock", (long) i));
        }
        Path backups = dir.resolve("backups");
        try (io.dictdb.backup.BackupManager manager = io.dictdb.backup.BackupManager.builder(db, backups)
                .incremental(true).build()) {
            manager.backupFull();
            accounts.update(rec("balance", 0.5, "frozen", true), accounts.field("id").lte(5L));
            accounts.delete(accounts.field("id").gt(17L));
            accounts.insert(rec("owner", "Zoë", "balance", 3.0, "tags", list()));
            products.update(rec("stock", 0L), products.field("sku").eq("P-3"));
            manager.backupDelta();
            products.delete(products.field("sku").eq("P-4"));
            accounts.update(rec("balance", 99.75), accounts.field("owner").eq("Zoë"));
            products.insert(rec("sku", "P-new", "price", 9.5, "stock", 1L));
            manager.backupDelta();
        }
        List<Path> files = new ArrayList<>();
        try (java.util.stream.Stream<Path> listing = Files.list(backups)) {
            listing.map(Path::getFileName).map(Path::toString).sorted()
                    .forEach(name -> files.add(backups.resolve(name)));
        }
        assertThat(files).hasSize(3);
        assertThat(files.get(0).getFileName().toString()).startsWith("dictdb_backup_");

        Map<String, Map<String, Object>> python = runPythonLoader(files.toArray(new Path[0]));

        for (String name : db.listTables()) {
            Table t = db.getTable(name);
            Map<Object, Row> restored = new java.util.TreeMap<>();
            for (Object row : (List<?>) python.get(name).get("rows")) {
                Row r = Row.of((Map<String, ?>) row);
                restored.put(r.get(t.primaryKey()), r);
            }
            Map<Object, Row> live = new java.util.TreeMap<>();
            for (Row r : t.select().copy(false).list()) {
                live.put(r.get(t.primaryKey()), r);
            }
            assertThat(restored).as(name).isEqualTo(live);
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text.chars()).as("ASCII only: " + file.getFileName()).allMatch(c -> c < 0x80);
        }
    }

    @Test
    void thePythonLoaderReadsThePythonFixturesToo() throws Exception {
        Path file = resource("python-dictdb/products_with_schema.json", dir);
        Map<String, Map<String, Object>> python = runPythonLoader(file);
        assertThat(python).containsOnlyKeys("products", "orders");
    }

    private Map<String, Map<String, Object>> runPythonLoader(Path... files) throws Exception {
        Process process = start(files);
        byte[] out = process.getInputStream().readAllBytes();
        String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python loader failed: " + error).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tables = JSON.readValue(out, LinkedHashMap.class);
        return tables;
    }

    private Process start(Path... files) throws IOException {
        Path script = resource("python_reader_check.py", dir);
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        for (Path file : files) {
            command.add(file.toString());
        }
        return new ProcessBuilder(command).start();
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
