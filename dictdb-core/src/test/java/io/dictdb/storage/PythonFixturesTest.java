package io.dictdb.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.SchemaField;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.dictdb.storage.StorageFixtures.rec;
import static io.dictdb.storage.StorageFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by the Python DictDB 1.11.0 ({@code python-dictdb/}, copied from the shared fixtures) load with
 * the content the Python library itself returned ({@code expected-*.json}), and saving them again gives the
 * Python layout byte for byte once our own keys are taken out.
 */
class PythonFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"customers_schemaless", "products_with_schema"})
    void pythonFileLoadsWithThePythonLibrarysContent(String name) throws Exception {
        DictDB db = DictDB.load(resource("python-dictdb/" + name + ".json", dir), FileFormat.JSON);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> expected = JSON.readValue(
                resource("python-dictdb/expected-" + name + ".json", dir).toFile(), LinkedHashMap.class);

        assertThat(db.listTables()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, Map<String, Object>> table : expected.entrySet()) {
            Table t = db.getTable(table.getKey());
            assertThat(t.primaryKey()).isEqualTo(table.getValue().get("primary_key"));
            @SuppressWarnings("unchecked")
            Map<String, String> schema = (Map<String, String>) table.getValue().get("schema");
            if (schema == null) {
                assertThat(t.schema()).isEmpty();
            } else {
                Map<String, String> actual = new LinkedHashMap<>();
                for (SchemaField field : t.schema().orElseThrow().fields()) {
                    actual.put(field.name(), field.type().fileName());
                }
                assertThat(actual).containsExactlyEntriesOf(schema);
            }
            List<Row> expectedRows = new ArrayList<>();
            for (Object row : (List<?>) table.getValue().get("rows")) {
                expectedRows.add(Row.of((Map<String, ?>) row));
            }
            assertThat(t.select().copy(false).list()).containsExactlyElementsOf(expectedRows);
        }
    }

    @Test
    void pythonValueTypesBecomeTheirJavaCounterparts() {
        DictDB db = DictDB.load(resource("python-dictdb/customers_schemaless.json", dir), FileFormat.JSON);
        Row zoe = db.getTable("customers").get(1L).orElseThrow();
        Row jean = db.getTable("customers").get(2L).orElseThrow();

        assertThat(zoe.get("name")).isEqualTo("Zoë Martin");
        assertThat(zoe.get("score")).isEqualTo(12.5);
        assertThat(jean.get("score")).isEqualTo(3L);
        assertThat(jean.get("email")).isNull();
        assertThat(jean.containsKey("email")).isTrue();
        assertThat(zoe.get("tags")).isEqualTo(List.of("vip", "fr"));
        assertThat(db.getTable("customers").get(3L).orElseThrow().get("address"))
                .isEqualTo(rec("city", "Lille", "zip", "59000"));
    }

    @Test
    void keyCounterAfterLoadingAPythonFileIsTheLargestIntegerKeyPlusOne() {
        DictDB db = DictDB.load(resource("python-dictdb/customers_schemaless.json", dir), FileFormat.JSON);
        assertThat(db.getTable("customers").insert(Map.of("name", "new"))).isEqualTo(4L);
        assertThat(db.getTable("empty_table").insert(Map.of("name", "first"))).isEqualTo(1L);
    }

    @Test
    void pythonSchemaIsEnforcedAfterLoading() {
        DictDB db = DictDB.load(resource("python-dictdb/products_with_schema.json", dir), FileFormat.JSON);
        Table products = db.getTable("products");
        assertThat(products.schema().orElseThrow().field("price").orElseThrow().type()).isEqualTo(FieldType.DOUBLE);
        assertThat(products.count()).isEqualTo(2);
    }

    @Test
    void accountsBaseLoads() {
        // The delta beside it is applied by the backup module; here only the full file is loaded.
        DictDB db = DictDB.load(resource("python-dictdb/accounts_base.json", dir), FileFormat.JSON);
        List<Row> rows = db.getTable("accounts").select().copy(false).list();
        assertThat(rows).hasSize(5);
        for (int i = 1; i <= 5; i++) {
            assertThat(rows.get(i - 1)).isEqualTo(rec("id", (long) i, "owner", "owner" + i, "balance", 100L * i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers_schemaless", "products_with_schema", "accounts_base"})
    void resavedPythonFileKeepsThePythonLayoutByteForByte(String name) throws Exception {
        Path original = resource("python-dictdb/" + name + ".json", dir);
        Path resaved = dir.resolve("resaved.json");

        DictDB.load(original, FileFormat.JSON).save(resaved, FileFormat.JSON);

        String ours = new String(Files.readAllBytes(resaved), StandardCharsets.US_ASCII);
        assertThat(withoutOurKeys(ours)).isEqualTo(Files.readString(original));
    }

    /** Our file without the keys the Python layout does not have. */
    static String withoutOurKeys(String ours) {
        return ours
                .replaceAll("(?m)^    \"dictdb_format\": \\d+,\n", "")
                .replaceAll("(?m)^    \"sequence\": \\d+,\n", "")
                .replaceAll("(?m)^            \"schema_options\": .*\n", "")
                .replaceAll("(?m)^            \"next_key\": -?\\d+,\n", "")
                .replaceAll("(?ms)^            \"indexes\": \\[\n.*?^            \\],\n", "")
                .replaceAll("\n    },\n    \"checksum\": \"crc32c:[0-9a-f]{8}\"\n}\n$", "\n    }\n}\n");
    }
}
