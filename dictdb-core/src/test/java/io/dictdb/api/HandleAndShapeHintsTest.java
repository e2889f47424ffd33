package io.dictdb.api;

import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.TableNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads remember where things were (a handle its table's place in the catalog, a condition or an ORDER BY its
 * field's place in a row shape). These hints must never change a result: tables move in the catalog when others
 * are dropped, tables are dropped and re-created, and rows of many shapes meet the same shared condition.
 */
class HandleAndShapeHintsTest {

    @Test
    void aHandleFollowsItsTableWhenTheCatalogChangesAroundIt() {
        DictDB db = new DictDB();
        db.createTable("a").insert(Map.of("v", "a"));
        db.createTable("b").insert(Map.of("v", "b"));
        Table c = db.createTable("c");
        c.insert(Map.of("v", "c"));
        assertThat(c.get(1L).orElseThrow().get("v")).isEqualTo("c");

        db.dropTable("a");
        assertThat(c.get(1L).orElseThrow().get("v")).as("c moved from third to second place").isEqualTo("c");
        db.createTable("a").insert(Map.of("v", "new a"));
        assertThat(c.get(1L).orElseThrow().get("v")).isEqualTo("c");

        db.dropTable("c");
        assertThatThrownBy(() -> c.get(1L)).isInstanceOf(TableNotFoundException.class);
        db.createTable("c").insert(Map.of("v", "re-created c"));
        assertThat(c.get(1L).orElseThrow().get("v")).as("the handle reads the new table").isEqualTo("re-created c");
        assertThat(db.getTable("a").get(1L).orElseThrow().get("v")).isEqualTo("new a");
    }

    @Test
    void aHandleReadsItsTableInsideATransaction() {
        DictDB db = new DictDB();
        db.createTable("x");
        Table y = db.createTable("y");
        y.insert(Map.of("v", 1L));
        db.transaction(tx -> {
            tx.getTable("x").insert(Map.of("v", 0L));
            tx.getTable("y").insert(Map.of("v", 2L));
            assertThat(tx.getTable("y").count()).isEqualTo(2);
        });
        assertThat(y.count()).isEqualTo(2);
        assertThat(db.getTable("x").count()).isEqualTo(1);
    }

    @Test
    void aSharedConditionAndOrderGiveTheSameResultsOnRowsOfEveryShape() throws Exception {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            // The tested field stands at a different place in each shape, or is missing.
            for (int f = 0; f < i % 5; f++) {
                r.put("f" + f, f);
            }
            if (i % 7 != 0) {
                r.put("score", (long) (i * 37 % 101));
            }
            r.put("z" + (i % 3), "tail");
            records.add(r);
        }
        t.insertAll(records);
        Condition high = t.field("score").gt(50L);
        List<Object> expected = new ArrayList<>();
        for (Row row : t.all()) {
            Object score = row.get("score");
            if (score != null && (Long) score > 50L) {
                expected.add(row.get("id"));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Object>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> ids(t.select().where(high).copy(false).list())));
            }
            for (Future<List<Object>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Row> ordered = t.select().where(high).orderBy("-score", "id").copy(false).list();
        for (int i = 1; i < ordered.size(); i++) {
            long before = (Long) ordered.get(i - 1).get("score");
            long after = (Long) ordered.get(i).get("score");
            assertThat(before).isGreaterThanOrEqualTo(after);
            if (before == after) {
                assertThat((Long) ordered.get(i - 1).get("id")).isLessThan((Long) ordered.get(i).get("id"));
            }
        }
        assertThat(ordered).hasSameSizeAs(expected);
    }

    private static List<Object> ids(List<Row> rows) {
        List<Object> ids = new ArrayList<>();
        for (Row row : rows) {
            ids.add(row.get("id"));
        }
        return ids;
    }
}
