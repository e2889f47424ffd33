package io.dictdb.api;

import io.dictdb.Aggregate;
import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.dictdb.api.Records.explain;
import static io.dictdb.api.Records.ids;
import static io.dictdb.api.Records.rec;
import static io.dictdb.api.Records.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

/** One test for each defect of the reference system that this engine must not have (API.md, last section). */
class ReferenceDefectRegressionTest {
    private DictDB db;

    @BeforeEach
    void open() {
        db = new DictDB();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Table staffWithIndexOnDept() {
        Table staff = db.createTable("staff");
        staff.insertAll(List.of(
                rec("name", "Alice", "dept", "IT", "age", 25),
                rec("name", "Bob", "dept", "HR", "age", 30),
                rec("name", "Carol", "dept", "IT", "age", 35),
                rec("name", "Dan", "dept", "Sales", "age", 28)));
        staff.createIndex("dept");
        return staff;
    }

    @Test
    void orAndNotQueriesOnIndexedFieldsReturnTheRightRows() {
        Table staff = staffWithIndexOnDept();
        Condition it = staff.field("dept").eq("IT");

        assertThat(staff.select(Condition.or(it, staff.field("dept").eq("HR")))).hasSize(3);
        assertThat(ids(staff.select(it.or(staff.field("age").lt(29))))).containsExactly(1L, 3L, 4L);
        assertThat(staff.select(Condition.not(it))).hasSize(2);
        assertThat(staff.aggregate().where(Condition.not(it)).agg("n", Aggregate.count()).one().get("n"))
                .isEqualTo(2L);
        assertThat(staff.update(rec("bonus", 1),
                Condition.or(staff.field("dept").eq("HR"), staff.field("dept").eq("Sales")))).isEqualTo(2);
        assertThat(staff.delete(Condition.not(it))).isEqualTo(2);
        assertThat(ids(staff.all())).containsExactly(1L, 3L);
    }

    @Test
    void concurrentReadersAndWritersNeverDeadlock() throws Exception {
        Table counters = db.createTable("counters");
        counters.insert(rec("id", 1, "n", 0));
        counters.createIndex("n", IndexType.SORTED);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        counters.insert(rec("writer", writer, "i", i, "n", i % 10));
                        counters.update(counters.field("id").eq(1), row -> rec("n", row.getLong("n") + 1));
                    }
                }));
            }
            for (int r = 0; r < 4; r++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        counters.select(counters.field("n").gte(5));
                        counters.aggregate().agg("n", Aggregate.count()).one();
                        counters.get(1L);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counters.count()).isEqualTo(1 + 4 * 300);
        assertThat(counters.get(1L).orElseThrow().getLong("n")).isEqualTo(4L * 300);
    }

    @Test
    void upsertWithAnInvalidMergeLeavesTheRowUnchanged() {
        Table people = db.createTable("people", "id", Schema.builder()
                .field("name", FieldType.STRING)
                .field("age", FieldType.LONG)
                .build());
        people.insert(rec("id", 1, "name", "Alice", "age", 30));

        assertThatThrownBy(() -> people.upsert(rec("id", 1, "name", "Changed", "age", "not a number")))
                .isInstanceOf(SchemaValidationException.class);

        assertThat(people.get(1L).orElseThrow()).isEqualTo(rec("id", 1L, "name", "Alice", "age", 30L));
    }

    @Test
    void negativeLimitOffsetAndBatchSizesAreRejected() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("v", 1), rec("v", 2), rec("v", 3)));

        assertThatThrownBy(() -> t.select().limit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.select().offset(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InsertOptions.builder().batchSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.count()).isEqualTo(3);
    }

    @Test
    void indexUpdatesNeverFailAfterTheRowIsStored() {
        Table t = db.createTable("t");
        t.createIndex("sorted", IndexType.SORTED);
        t.createIndex("hashed", IndexType.HASH);

        List<Object> values = List.of(1, "x", true, 2.5, List.of(1, 2), Map.of("k", 1), java.time.LocalDate.of(2024, 1, 1));
        for (Object v : values) {
            t.insert(rec("sorted", v, "hashed", v));
        }
        t.insert(rec("sorted", null, "hashed", null));
        t.insert(rec("other", 0));
        t.update(rec("sorted", List.of("y"), "hashed", Map.of("z", List.of(1))), t.field("id").eq(1));

        assertThat(t.count()).isEqualTo(9);
        assertThat(ids(t.select(t.field("hashed").eq(List.of(1, 2))))).containsExactly(5L);
        assertThat(ids(t.select(t.field("sorted").eq(Map.of("k", 1))))).containsExactly(6L);
        assertThat(ids(t.select(t.field("hashed").eq(Map.of("z", List.of(1)))))).containsExactly(1L);
        assertThat(ids(t.select(t.field("sorted").eq(List.of("y"))))).containsExactly(1L);
        assertThat(t.select(t.field("sorted").eq(1))).isEmpty();
        assertThat(ids(t.select(t.field("sorted").isNull()))).containsExactly(8L, 9L);
        assertThat(ids(t.select(t.field("hashed").eq(null)))).containsExactly(8L, 9L);
        for (long key = 2; key <= 7; key++) {
            Object v = t.get(key).orElseThrow().get("sorted");
            assertThat(ids(t.select(t.field("sorted").eq(v)))).as("sorted = %s", v).containsExactly(key);
            assertThat(ids(t.select(t.field("hashed").eq(v)))).as("hashed = %s", v).containsExactly(key);
        }
    }

    @Test
    void primaryKeyUpdatesCannotCreateDuplicates() {
        Table t = db.createTable("t");
        t.insert(rec("name", "one"));
        t.insert(rec("name", "two"));

        assertThatThrownBy(() -> t.update(rec("id", 2), t.field("id").eq(1)))
                .isInstanceOf(SchemaValidationException.class);

        assertThat(t.count()).isEqualTo(2);
        assertThat(values(t.all(), "name")).containsExactly("one", "two");
        assertThat(ids(t.all())).containsExactly(1L, 2L);
        assertThat(t.select(t.field("id").eq(2))).hasSize(1);
    }

    @Test
    void autoKeysNeverOverwriteRows() {
        Table t = db.createTable("t");
        t.insert(rec("id", 2.0, "name", "float key"));
        t.insert(rec("id", 1, "name", "explicit one"));

        Object a = t.insert(rec("name", "auto a"));
        Object b = t.insert(rec("name", "auto b"));

        assertThat(t.count()).isEqualTo(4);
        assertThat(List.of(a, b)).doesNotContain(1L, 2L).doesNotHaveDuplicates();
        assertThat(t.get(2L).orElseThrow()).containsEntry("name", "float key");
        assertThat(t.get(1L).orElseThrow()).containsEntry("name", "explicit one");
        assertThat(t.get(a).orElseThrow()).containsEntry("name", "auto a");
        assertThat(t.get(b).orElseThrow()).containsEntry("name", "auto b");
    }

    @Test
    void bulkInsertWithExplicitKeysIsNotQuadratic() {
        Table t = db.createTable("bulk");
        int n = 100_000;
        List<Map<String, Object>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(rec("id", (long) i * 7919 % 1_000_003, "v", i));
        }

        List<Object> keys = assertTimeout(Duration.ofSeconds(20), () -> t.insertAll(records));

        assertThat(keys).hasSize(n);
        assertThat(t.count()).isEqualTo(n);
    }

    @Test
    void primaryKeyLookupsDoNotScanTheTable() {
        Table t = db.createTable("t");
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            records.add(rec("v", i));
        }
        t.insertAll(records);
        AtomicInteger visited = new AtomicInteger();
        Condition counting = Condition.of(row -> {
            visited.incrementAndGet();
            return true;
        });
        Condition key500 = Condition.and(t.field("id").eq(500), counting);

        assertThat(explain(t, t.field("id").eq(500))).isEqualTo("KeyLookup(1)");
        assertThat(t.select(key500)).hasSize(1);
        assertThat(t.select().where(key500).count()).isEqualTo(1);
        assertThat(t.aggregate().where(key500).agg("n", Aggregate.count()).one().get("n")).isEqualTo(1L);
        assertThat(t.update(rec("touched", true), key500)).isEqualTo(1);
        assertThat(t.delete(key500)).isEqualTo(1);
        assertThat(visited.get()).isEqualTo(5);
        assertThat(t.get(501L)).isPresent();
    }

    @Test
    void resultOrderDoesNotDependOnHashOrder() {
        Table t = db.createTable("t");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(String.format("k%03d", i));
        }
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(42));
        for (String key : shuffled) {
            t.insert(rec("id", key, "group", "g" + (key.hashCode() % 5), "v", key.length()));
        }
        t.createIndex("group");

        assertThat(ids(t.select().list())).isEqualTo(new ArrayList<Object>(keys));
        List<Object> inGroup = ids(t.select(t.field("group").isIn("g0", "g1", "g2")));
        assertThat(inGroup).isSorted();
        assertThat(ids(t.select().orderBy("v").list())).isEqualTo(new ArrayList<Object>(keys));
        List<Row> groups = t.aggregate().groupBy("group").agg("n", Aggregate.count()).list();
        List<Object> firstKeys = new ArrayList<>();
        for (Row g : groups) {
            firstKeys.add(t.select(t.field("group").eq(g.get("group"))).get(0).get("id"));
        }
        assertThat(firstKeys).isSorted();
    }
}
