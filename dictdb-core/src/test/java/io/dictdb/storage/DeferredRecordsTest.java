package io.dictdb.storage;

import io.dictdb.DictDB;
import io.dictdb.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file of the Python layout may list a table's records before its definition (hand-written or from another
 * tool). The reader then holds the records until the definition is known; the values must come out exactly as
 * when the records come last.
 */
class DeferredRecordsTest {
    @TempDir
    Path dir;

    private DictDB load(String json) {
        return StorageFixtures.loadJson(dir, json);
    }

    @Test
    void recordsBeforeTheDefinitionKeepDoublesAsDoubles() throws Exception {
        DictDB db = load("{\"tables\": {\"t\": {\"records\": [{\"id\": 1, \"x\": 1.5, \"big\": 1e300,"
                + " \"n\": 7, \"nested\": [2.25, {\"y\": -0.5}]}],"
                + " \"primary_key\": \"id\", \"schema\": null}}}");
        Row row = db.getTable("t").get(1L).orElseThrow();
        assertThat(row.get("x")).isInstanceOf(Double.class).isEqualTo(1.5);
        assertThat(row.get("big")).isInstanceOf(Double.class).isEqualTo(1e300);
        assertThat(row.get("n")).isInstanceOf(Long.class).isEqualTo(7L);
        assertThat(row.get("nested")).asList().containsExactly(2.25, java.util.Map.of("y", -0.5));
    }

    @Test
    void recordsBeforeADecimalSchemaStillReadDecimals() throws Exception {
        DictDB db = load("{\"tables\": {\"t\": {\"records\": [{\"id\": 1, \"price\": 9.90}],"
                + " \"primary_key\": \"id\", \"schema\": {\"id\": \"int\", \"price\": \"float\"}}}}");
        // The Python type name "float" maps to DOUBLE: the deferred value must be a Double, as it is in order.
        assertThat(db.getTable("t").get(1L).orElseThrow().get("price")).isInstanceOf(Double.class).isEqualTo(9.9);
        DictDB inOrder = load("{\"tables\": {\"t\": {\"primary_key\": \"id\","
                + " \"schema\": {\"id\": \"int\", \"price\": \"float\"}, \"records\": [{\"id\": 1, \"price\": 9.90}]}}}");
        assertThat(inOrder.getTable("t").get(1L).orElseThrow().get("price"))
                .isEqualTo(db.getTable("t").get(1L).orElseThrow().get("price"))
                .isNotInstanceOf(BigDecimal.class);
    }
}
