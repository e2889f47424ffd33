package io.dictdb.api;

import io.dictdb.DictDB;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.dictdb.api.Records.ids;
import static io.dictdb.api.Records.rec;
import static io.dictdb.api.Records.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectTest {
    private DictDB db;
    private Table products;

    @BeforeEach
    void open() {
        db = new DictDB();
        products = db.createTable("products");
        products.insertAll(List.of(
                rec("name", "Pen", "category", "office", "price", 2.5, "tags", List.of("blue")),
                rec("name", "Desk", "category", "furniture", "price", 150),
                rec("name", "Lamp", "category", "furniture", "price", 40),
                rec("name", "Paper", "category", "office", "price", 5),
                rec("name", "Chair", "category", "furniture", "price", 40)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ------------------------------------------------------------------ basics

    @Test
    void selectWithoutClausesReturnsEveryRowInKeyOrder() {
        assertThat(ids(products.select().list())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void whereFilters() {
        List<Row> rows = products.select().where(products.field("category").eq("office")).list();

        assertThat(values(rows, "name")).containsExactly("Pen", "Paper");
    }

    @Test
    void selectShortcutEqualsTheBuilder() {
        var condition = products.field("price").gte(40);

        assertThat(products.select(condition)).isEqualTo(products.select().where(condition).list());
        assertThat(ids(products.select(condition))).containsExactly(2L, 3L, 5L);
    }

    // ------------------------------------------------------------------ projection

    @Test
    void columnsProjectInTheGivenOrderAndMissingFieldsAreNull() {
        List<Row> rows = products.select().columns("price", "name", "color").list();

        assertThat(rows).hasSize(5);
        Row first = rows.get(0);
        assertThat(new ArrayList<>(first.keySet())).containsExactly("price", "name", "color");
        assertThat(first).containsEntry("price", 2.5).containsEntry("name", "Pen").containsEntry("color", null);
    }

    @Test
    void columnsWithAliasesKeepTheMapOrder() {
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put("product", "name");
        aliases.put("cost", "price");
        aliases.put("key", "id");

        Row row = products.select().columns(aliases).where(products.field("id").eq(2)).first().orElseThrow();

        assertThat(new ArrayList<>(row.keySet())).containsExactly("product", "cost", "key");
        assertThat(row).containsEntry("product", "Desk").containsEntry("cost", 150L).containsEntry("key", 2L);
    }

    @Test
    void laterColumnsCallReplacesTheProjection() {
        Row row = products.select().columns("name", "price").columns("category").first().orElseThrow();

        assertThat(row).containsOnlyKeys("category");
    }

    // ------------------------------------------------------------------ order

    @Test
    void orderByAscendingAndDescending() {
        assertThat(values(products.select().orderBy("name").list(), "name"))
                .containsExactly("Chair", "Desk", "Lamp", "Paper", "Pen");
        assertThat(values(products.select().orderBy("-name").list(), "name"))
                .containsExactly("Pen", "Paper", "Lamp", "Desk", "Chair");
    }

    @Test
    void orderByNumbersComparesByValueAcrossTypes() {
        assertThat(values(products.select().orderBy("price").list(), "name"))
                .containsExactly("Pen", "Paper", "Lamp", "Chair", "Desk");
    }

    @Test
    void orderByMultipleKeys() {
        List<Row> rows = products.select().orderBy("category", "-price", "name").list();

        assertThat(values(rows, "name")).containsExactly("Desk", "Chair", "Lamp", "Paper", "Pen");
    }

    @Test
    void tiesKeepPrimaryKeyOrderAscendingAndDescending() {
        Table t = db.createTable("ties");
        for (long key : new long[]{7, 3, 9, 1, 5}) {
            t.insert(rec("id", key, "v", key == 5 ? 0 : 1));
        }

        assertThat(ids(t.select().orderBy("v").list())).containsExactly(5L, 1L, 3L, 7L, 9L);
        assertThat(ids(t.select().orderBy("-v").list())).containsExactly(1L, 3L, 7L, 9L, 5L);
        assertThat(ids(t.select().orderBy("-v").limit(2).list())).containsExactly(1L, 3L);
        assertThat(ids(t.select().orderBy("v").limit(2).list())).containsExactly(5L, 1L);
    }

    @Test
    void tiesKeepPrimaryKeyOrderWithTopKOnALargerTable() {
        Table t = db.createTable("many");
        for (int i = 40; i >= 1; i--) {
            t.insert(rec("id", i, "v", i % 2));
        }

        assertThat(ids(t.select().orderBy("-v").limit(3).list())).containsExactly(1L, 3L, 5L);
        assertThat(ids(t.select().orderBy("v").limit(3).offset(1).list())).containsExactly(4L, 6L, 8L);
    }

    @Test
    void orderByUsesOneTotalOrderAcrossTypes() {
        Table t = db.createTable("mixed");
        UUID uuid = UUID.fromString("00000000-0000-0000-0000-000000000001");
        t.insert(rec("id", 1, "v", "text"));
        t.insert(rec("id", 2, "v", 2.5));
        t.insert(rec("id", 3, "v", true));
        t.insert(rec("id", 4, "v", null));
        t.insert(rec("id", 5));
        t.insert(rec("id", 6, "v", LocalDate.of(2024, 1, 1)));
        t.insert(rec("id", 7, "v", 1));
        t.insert(rec("id", 8, "v", uuid));
        t.insert(rec("id", 9, "v", List.of(1)));
        t.insert(rec("id", 10, "v", Map.of("a", 1)));
        t.insert(rec("id", 11, "v", LocalDateTime.of(2024, 1, 1, 0, 0)));
        t.insert(rec("id", 12, "v", Instant.parse("2024-01-01T00:00:00Z")));
        t.insert(rec("id", 13, "v", new BigDecimal("2.0")));
        t.insert(rec("id", 14, "v", false));
        t.insert(rec("id", 15, "v", "abc"));

        assertThat(ids(t.select().orderBy("v").list()))
                .containsExactly(14L, 3L, 7L, 13L, 2L, 15L, 1L, 6L, 11L, 12L, 8L, 9L, 10L, 4L, 5L);
        assertThat(ids(t.select().orderBy("-v").list()))
                .containsExactly(4L, 5L, 10L, 9L, 8L, 12L, 11L, 6L, 1L, 15L, 2L, 13L, 7L, 3L, 14L);
    }

    @Test
    void nullsSortLastAscendingAndFirstDescending() {
        Table t = db.createTable("nulls");
        t.insert(rec("n", 2));
        t.insert(rec("n", null));
        t.insert(rec("other", 1));
        t.insert(rec("n", 1));

        assertThat(ids(t.select().orderBy("n").list())).containsExactly(4L, 1L, 2L, 3L);
        assertThat(ids(t.select().orderBy("-n").list())).containsExactly(2L, 3L, 1L, 4L);
        assertThat(ids(t.select().orderBy("-n").limit(1).list())).containsExactly(2L);
    }

    @Test
    void orderByAFieldNoRowHasKeepsKeyOrder() {
        assertThat(ids(products.select().orderBy("nothing").list())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    // ------------------------------------------------------------------ limit / offset

    @Test
    void limitAndOffsetSliceTheOrderedRows() {
        assertThat(values(products.select().orderBy("name").limit(2).list(), "name"))
                .containsExactly("Chair", "Desk");
        assertThat(values(products.select().orderBy("name").limit(2).offset(2).list(), "name"))
                .containsExactly("Lamp", "Paper");
        assertThat(ids(products.select().offset(3).list())).containsExactly(4L, 5L);
        assertThat(products.select().offset(10).list()).isEmpty();
        assertThat(products.select().limit(0).list()).isEmpty();
        assertThat(ids(products.select().limit(100).list())).hasSize(5);
    }

    @Test
    void negativeLimitOrOffsetIsRejected() {
        assertThatThrownBy(() -> products.select().limit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> products.select().offset(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> products.select().orderBy("name").limit(-5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ distinct

    @Test
    void distinctRemovesDuplicateProjectedRows() {
        List<Row> rows = products.select().columns("category").distinct().list();

        assertThat(values(rows, "category")).containsExactly("office", "furniture");
    }

    @Test
    void distinctIsAppliedAfterLimit() {
        List<Row> rows = products.select().columns("category").orderBy("category").limit(3).distinct().list();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).isEqualTo(Map.of("category", "furniture"));
        assertThat(products.select().columns("category").orderBy("category").limit(3).distinct().count())
                .isEqualTo(1);
    }

    @Test
    void distinctComparesNumbersByValue() {
        Table t = db.createTable("nums");
        t.insert(rec("v", 1));
        t.insert(rec("v", 1.0));
        t.insert(rec("v", new BigDecimal("1.00")));
        t.insert(rec("v", 2));

        assertThat(t.select().columns("v").distinct().list()).hasSize(2);
    }

    // ------------------------------------------------------------------ copies

    @Test
    void copyFalseReturnsImmutableRows() {
        List<Row> rows = products.select().copy(false).list();

        assertThat(rows).hasSize(5);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.isMutable()).isFalse();
            assertThatThrownBy(() -> row.put("name", "x")).isInstanceOf(UnsupportedOperationException.class);
        });
        assertThatThrownBy(() -> rows.get(0).getList("tags").add("red"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copyFalseWithProjectionReturnsImmutableRows() {
        Row row = products.select().columns("name").copy(false).first().orElseThrow();

        assertThatThrownBy(() -> row.put("name", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaultCopiesAreDeepMutableAndIndependent() {
        List<Row> rows = products.select().list();
        Row pen = rows.get(0);

        assertThat(pen.isMutable()).isTrue();
        pen.put("name", "Changed");
        pen.put("new", 1);
        pen.getList("tags").add("red");
        pen.remove("price");

        Row stored = products.get(1L).orElseThrow();
        assertThat(stored).containsEntry("name", "Pen").containsEntry("price", 2.5).doesNotContainKey("new");
        assertThat(stored.getList("tags")).containsExactly("blue");
        assertThat(products.select().list().get(0).getList("tags")).containsExactly("blue");
    }

    @Test
    void projectedCopiesAreMutableAndIndependent() {
        Row row = products.select().columns("name", "tags").first().orElseThrow();

        row.put("name", "Changed");
        row.getList("tags").add("red");

        assertThat(products.get(1L).orElseThrow()).containsEntry("name", "Pen");
        assertThat(products.get(1L).orElseThrow().getList("tags")).containsExactly("blue");
    }

    @Test
    void allAndCopyReturnMutableCopiesInKeyOrder() {
        List<Row> all = products.all();
        Map<Object, Row> copy = products.copy();

        assertThat(ids(all)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(new ArrayList<>(copy.keySet())).containsExactly(1L, 2L, 3L, 4L, 5L);
        all.get(0).put("name", "x");
        copy.get(2L).put("name", "y");
        assertThat(values(products.all(), "name")).containsExactly("Pen", "Desk", "Lamp", "Paper", "Chair");
    }

    // ------------------------------------------------------------------ terminal methods

    @Test
    void firstReturnsTheFirstRowOrEmpty() {
        assertThat(products.select().orderBy("-price").first().orElseThrow()).containsEntry("name", "Desk");
        assertThat(products.select().first().orElseThrow()).containsEntry("id", 1L);
        assertThat(products.select().offset(1).first().orElseThrow()).containsEntry("id", 2L);
        assertThat(products.select().where(products.field("price").gt(1000)).first()).isEmpty();
    }

    @Test
    void countCountsWhatListWouldReturn() {
        assertThat(products.select().count()).isEqualTo(5);
        assertThat(products.select().where(products.field("category").eq("furniture")).count()).isEqualTo(3);
        assertThat(products.select().limit(2).count()).isEqualTo(2);
        assertThat(products.select().offset(4).count()).isEqualTo(1);
        assertThat(products.select().columns("category").distinct().count()).isEqualTo(2);
        assertThat(products.count()).isEqualTo(5);
        assertThat(products.size()).isEqualTo(5);
    }

    @Test
    void streamReturnsTheRows() {
        List<String> names = products.select().orderBy("price").limit(3).stream()
                .map(r -> r.getString("name"))
                .collect(Collectors.toList());

        assertThat(names).containsExactly("Pen", "Paper", "Lamp");
    }

    // ------------------------------------------------------------------ key order with indexes

    @Test
    void resultsWithoutOrderByAreInKeyOrderEvenThroughAnIndex() {
        Table t = db.createTable("shuffled");
        long[] keys = {50, 3, 42, 7, 19, 1, 33};
        for (long key : keys) {
            t.insert(rec("id", key, "dept", key % 2 == 0 ? "even" : "odd", "age", 100 - key));
        }
        t.createIndex("dept", IndexType.HASH);
        t.createIndex("age", IndexType.SORTED);

        assertThat(Records.explain(t, t.field("dept").eq("odd"))).startsWith("Index(");
        assertThat(ids(t.select(t.field("dept").eq("odd")))).containsExactly(1L, 3L, 7L, 19L, 33L);
        assertThat(Records.explain(t, t.field("age").gte(60))).startsWith("Range(");
        assertThat(ids(t.select(t.field("age").gte(60)))).containsExactly(1L, 3L, 7L, 19L, 33L);
        assertThat(ids(t.select(t.field("dept").isIn("odd", "even"))))
                .containsExactly(1L, 3L, 7L, 19L, 33L, 42L, 50L);
        assertThat(ids(t.select().list())).containsExactly(1L, 3L, 7L, 19L, 33L, 42L, 50L);
    }

    @Test
    void rowsComeInKeyOrderAcrossKeyTypesAndMagnitudes() {
        Table t = db.createTable("keys");
        List<Object> ordered = List.of(
                Long.MIN_VALUE, -70_000L, -1.5, -1L, 0L, 0.5, 1L, new BigDecimal("1.25"), 2.0, 255L, 256L,
                65_535L, 65_536L, 2_147_483_648L, 4_294_967_296L, 1L << 40, 4.611686018427388E18,
                Long.MAX_VALUE, 1e300, "", "a", "b",
                LocalDate.of(2024, 1, 1), UUID.fromString("00000000-0000-0000-0000-000000000001"));
        List<Object> shuffled = new ArrayList<>(ordered);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        for (Object key : shuffled) {
            t.insert(rec("id", key, "dept", "d" + (shuffled.indexOf(key) % 3)));
        }
        t.createIndex("dept");

        assertThat(ids(t.select().list())).isEqualTo(ordered);
        assertThat(ids(t.all())).isEqualTo(ordered);
        assertThat(t.copy()).hasSize(ordered.size());
        assertThat(ids(t.select().copy(false).list())).isEqualTo(ordered);
        List<Object> viaIndex = ids(t.select(t.field("dept").isIn("d0", "d1", "d2")));
        assertThat(viaIndex).isEqualTo(ordered);
        for (Object key : ordered) {
            assertThat(t.get(key)).as("get(%s)", key).isPresent();
            assertThat(ids(t.select(t.field("id").eq(key)))).as("eq(%s)", key).containsExactly(key);
        }
        assertThat(t.delete(t.field("id").isIn(0L, 2L, "a", Long.MAX_VALUE))).isEqualTo(4);
        assertThat(t.get(2L)).isEmpty();
        assertThat(t.count()).isEqualTo(ordered.size() - 4);
    }

    @Test
    void stringKeysComeInKeyOrder() {
        Table t = db.createTable("codes");
        for (String code : new String[]{"m", "b", "z", "a"}) {
            t.insert(rec("id", code));
        }

        assertThat(ids(t.select().list())).containsExactly("a", "b", "m", "z");
    }
}
