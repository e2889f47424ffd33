package io.dictdb.api;

import io.dictdb.Aggregate;
import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.dictdb.api.Records.explain;
import static io.dictdb.api.Records.ids;
import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexTest {
    private DictDB db;
    private Table staff;

    @BeforeEach
    void open() {
        db = new DictDB();
        staff = db.createTable("staff");
        staff.insertAll(List.of(
                rec("name", "Alice", "dept", "IT", "age", 25),
                rec("name", "Bob", "dept", "HR", "age", 30),
                rec("name", "Carol", "dept", "IT", "age", 35),
                rec("name", "Dan", "dept", "Sales", "age", 28)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ------------------------------------------------------------------ management

    @Test
    void createIndexDefaultsToHash() {
        staff.createIndex("dept");

        assertThat(staff.hasIndex("dept")).isTrue();
        assertThat(staff.indexType("dept")).contains(IndexType.HASH);
        assertThat(staff.indexedFields()).containsExactly("dept");
    }

    @Test
    void createSortedIndex() {
        staff.createIndex("age", IndexType.SORTED);

        assertThat(staff.hasIndex("age")).isTrue();
        assertThat(staff.indexType("age")).contains(IndexType.SORTED);
    }

    @Test
    void creatingTheSameIndexAgainIsANoOp() {
        staff.createIndex("dept", IndexType.HASH);
        staff.createIndex("dept");
        staff.createIndex("age", IndexType.SORTED);
        staff.createIndex("age", IndexType.SORTED);

        assertThat(staff.indexedFields()).containsExactly("dept", "age");
        assertThat(ids(staff.select(staff.field("dept").eq("IT")))).containsExactly(1L, 3L);
    }

    @Test
    void creatingAnotherTypeOfIndexOnAnIndexedFieldThrows() {
        staff.createIndex("dept", IndexType.HASH);

        assertThatThrownBy(() -> staff.createIndex("dept", IndexType.SORTED)).isInstanceOf(DictDBException.class);
        assertThat(staff.indexType("dept")).contains(IndexType.HASH);
        assertThat(staff.indexedFields()).containsExactly("dept");
    }

    @Test
    void dropIndexRemovesIt() {
        staff.createIndex("dept");
        staff.createIndex("age", IndexType.SORTED);

        staff.dropIndex("dept");

        assertThat(staff.hasIndex("dept")).isFalse();
        assertThat(staff.indexType("dept")).isEmpty();
        assertThat(staff.indexedFields()).containsExactly("age");
        assertThat(explain(staff, staff.field("dept").eq("IT"))).isEqualTo("FullScan");
        assertThat(ids(staff.select(staff.field("dept").eq("IT")))).containsExactly(1L, 3L);
    }

    @Test
    void dropIndexOfAnUnindexedFieldThrows() {
        assertThatThrownBy(() -> staff.dropIndex("dept")).isInstanceOf(DictDBException.class);
    }

    @Test
    void indexCanBeRecreatedWithAnotherTypeAfterDrop() {
        staff.createIndex("dept", IndexType.HASH);
        staff.dropIndex("dept");
        staff.createIndex("dept", IndexType.SORTED);

        assertThat(staff.indexType("dept")).contains(IndexType.SORTED);
    }

    @Test
    void indexedFieldsKeepCreationOrder() {
        staff.createIndex("name");
        staff.createIndex("age", IndexType.SORTED);
        staff.createIndex("dept");

        assertThat(staff.indexedFields()).containsExactly("name", "age", "dept");
        assertThat(staff.hasIndex("email")).isFalse();
    }

    @Test
    void indexOnAnEmptyTableIsMaintainedByInserts() {
        Table t = db.createTable("t");
        t.createIndex("k");

        t.insert(rec("k", "x"));
        t.insert(rec("k", "y"));

        assertThat(ids(t.select(t.field("k").eq("y")))).containsExactly(2L);
    }

    // ------------------------------------------------------------------ planner

    @Test
    void primaryKeyEqualityIsAKeyLookup() {
        assertThat(explain(staff, staff.field("id").eq(2))).isEqualTo("KeyLookup(1)");
        assertThat(explain(staff, staff.field("id").isIn(1, 2, 3))).isEqualTo("KeyLookup(3)");
        assertThat(explain(staff, Condition.and(staff.field("name").eq("Bob"), staff.field("id").eq(2))))
                .isEqualTo("KeyLookup(1)");
        assertThat(ids(staff.select(staff.field("id").eq(2.0)))).containsExactly(2L);
    }

    @Test
    void primaryKeyLookupWorksOnACustomKey() {
        Table t = db.createTable("products", "sku");
        t.insert(rec("sku", "A1"));
        t.insert(rec("sku", "B2"));

        assertThat(explain(t, t.field("sku").eq("B2"))).isEqualTo("KeyLookup(1)");
        assertThat(t.select(t.field("sku").eq("B2"))).hasSize(1);
    }

    @Test
    void equalityOnAnIndexedFieldUsesTheIndex() {
        assertThat(explain(staff, staff.field("age").eq(30))).isEqualTo("FullScan");

        staff.createIndex("age");

        assertThat(explain(staff, staff.field("age").eq(30))).isEqualTo("Index(age = 1 value(s))");
        assertThat(explain(staff, staff.field("age").isIn(30, 35))).isEqualTo("Index(age = 2 value(s))");
        assertThat(ids(staff.select(staff.field("age").eq(30.0)))).containsExactly(2L);
    }

    @Test
    void hashIndexDoesNotServeRanges() {
        staff.createIndex("age", IndexType.HASH);

        assertThat(explain(staff, staff.field("age").gt(26))).isEqualTo("FullScan");
        assertThat(ids(staff.select(staff.field("age").gt(26)))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void sortedIndexServesRangesAndPrefixes() {
        staff.createIndex("age", IndexType.SORTED);
        staff.createIndex("name", IndexType.SORTED);

        assertThat(explain(staff, staff.field("age").gt(26))).startsWith("Range(");
        assertThat(ids(staff.select(staff.field("age").gt(26)))).containsExactly(2L, 3L, 4L);
        assertThat(explain(staff, staff.field("age").between(26, 31))).startsWith("Range(");
        assertThat(ids(staff.select(staff.field("age").between(26, 31)))).containsExactly(2L, 4L);
        assertThat(ids(staff.select(staff.field("age").lte(28)))).containsExactly(1L, 4L);
        assertThat(explain(staff, staff.field("name").like("Ca%"))).startsWith("Prefix(");
        assertThat(ids(staff.select(staff.field("name").like("Ca%")))).containsExactly(3L);
        assertThat(explain(staff, staff.field("name").startsWith("D"))).startsWith("Prefix(");
        assertThat(ids(staff.select(staff.field("name").startsWith("D")))).containsExactly(4L);
    }

    @Test
    void orOfIndexedBranchesIsAUnionAndNotScans() {
        staff.createIndex("dept");

        assertThat(explain(staff, Condition.or(staff.field("dept").eq("IT"), staff.field("dept").eq("HR"))))
                .startsWith("Union[");
        assertThat(explain(staff, Condition.or(staff.field("dept").eq("IT"), staff.field("age").lt(29))))
                .isEqualTo("FullScan");
        assertThat(explain(staff, Condition.not(staff.field("dept").eq("IT")))).isEqualTo("FullScan");
        assertThat(explain(staff, Condition.of(r -> "IT".equals(r.get("dept"))))).isEqualTo("FullScan");
    }

    // ------------------------------------------------------------------ OR / NOT with indexes (reference defect)

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void orOnAnIndexedFieldReturnsEveryMatchingRow(IndexType type) {
        staff.createIndex("dept", type);

        assertThat(ids(staff.select(Condition.or(staff.field("dept").eq("IT"), staff.field("dept").eq("HR")))))
                .containsExactly(1L, 2L, 3L);
        assertThat(ids(staff.select(staff.field("dept").eq("IT").or(staff.field("age").lt(29)))))
                .containsExactly(1L, 3L, 4L);
    }

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void notOnAnIndexedFieldReturnsTheOtherRows(IndexType type) {
        staff.createIndex("dept", type);

        assertThat(ids(staff.select(Condition.not(staff.field("dept").eq("IT"))))).containsExactly(2L, 4L);
        assertThat(ids(staff.select(staff.field("dept").ne("IT")))).containsExactly(2L, 4L);
    }

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void deleteWithNotOnAnIndexedField(IndexType type) {
        staff.createIndex("dept", type);

        assertThat(staff.delete(Condition.not(staff.field("dept").eq("IT")))).isEqualTo(2);
        assertThat(ids(staff.all())).containsExactly(1L, 3L);
        assertThat(ids(staff.select(staff.field("dept").eq("IT")))).containsExactly(1L, 3L);
    }

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void updateWithOrOnAnIndexedField(IndexType type) {
        staff.createIndex("dept", type);

        int n = staff.update(rec("bonus", true),
                Condition.or(staff.field("dept").eq("HR"), staff.field("dept").eq("Sales")));

        assertThat(n).isEqualTo(2);
        assertThat(ids(staff.select(staff.field("bonus").eq(true)))).containsExactly(2L, 4L);
    }

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void aggregateWithNotOnAnIndexedField(IndexType type) {
        staff.createIndex("dept", type);

        Row row = staff.aggregate().where(Condition.not(staff.field("dept").eq("IT")))
                .agg("n", Aggregate.count()).one();

        assertThat(row.get("n")).isEqualTo(2L);
    }

    // ------------------------------------------------------------------ index maintenance and null values

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void equalityOnNullThroughAnIndexFindsRowsLackingTheField(IndexType type) {
        Table t = db.createTable("people");
        t.insertAll(List.of(rec("email", "a@x.io"), rec("name", "no email"), rec("email", null),
                rec("email", "d@x.io")));
        t.createIndex("email", type);

        assertThat(explain(t, t.field("email").eq(null))).startsWith("Index(");
        assertThat(ids(t.select(t.field("email").eq(null)))).containsExactly(2L, 3L);
        assertThat(ids(t.select(t.field("email").isNull()))).containsExactly(2L, 3L);
        assertThat(ids(t.select(t.field("email").isIn(java.util.Arrays.asList(null, "d@x.io")))))
                .containsExactly(2L, 3L, 4L);
    }

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void indexesFollowInsertsUpdatesAndDeletes(IndexType type) {
        staff.createIndex("dept", type);

        staff.insert(rec("name", "Eve", "dept", "IT", "age", 41));
        staff.update(rec("dept", "HR"), staff.field("name").eq("Alice"));
        staff.delete(staff.field("name").eq("Carol"));
        staff.upsert(rec("id", 4, "dept", "IT"));
        staff.update(staff.field("name").eq("Bob"), row -> rec("dept", "Legal"));

        assertThat(ids(staff.select(staff.field("dept").eq("IT")))).containsExactly(4L, 5L);
        assertThat(ids(staff.select(staff.field("dept").eq("HR")))).containsExactly(1L);
        assertThat(ids(staff.select(staff.field("dept").eq("Legal")))).containsExactly(2L);
        assertThat(staff.select(staff.field("dept").eq("Sales"))).isEmpty();
    }

    @Test
    void likePrefixWithAnEscapeCharacterOnASortedIndex() {
        Table t = db.createTable("codes");
        t.insertAll(List.of(rec("code", "abc"), rec("code", "abcd"), rec("code", "a\\bc"), rec("code", "xbc"),
                rec("code", "ab")));
        Condition c = t.field("code").like("a\\bc%", '\\');
        List<Object> withoutIndex = ids(t.select(c));

        t.createIndex("code", IndexType.SORTED);

        assertThat(withoutIndex).containsExactly(1L, 2L);
        assertThat(explain(t, c)).startsWith("Prefix(");
        assertThat(ids(t.select(c))).containsExactly(1L, 2L);
        assertThat(ids(t.select(t.field("code").like("a\\\\%", '\\')))).containsExactly(3L);
        assertThat(ids(t.select(t.field("code").like("ab\\%", '\\')))).isEmpty();
    }

    @Test
    void likeWithoutTrailingPercentOnASortedIndexIsNotAPrefixMatch() {
        Table t = db.createTable("codes");
        t.insertAll(List.of(rec("code", "ab"), rec("code", "abc"), rec("code", "abcd"), rec("code", "abx")));
        t.createIndex("code", IndexType.SORTED);

        assertThat(ids(t.select(t.field("code").like("abc")))).containsExactly(2L);
        assertThat(ids(t.select(t.field("code").like("ab_")))).containsExactly(2L, 4L);
        assertThat(ids(t.select(t.field("code").like("ab%c")))).containsExactly(2L);
        assertThat(ids(t.select(t.field("code").like("ab%")))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ids(t.select(t.field("code").startsWith("abc")))).containsExactly(2L, 3L);
        assertThat(ids(t.select(t.field("code").ilike("AB_")))).containsExactly(2L, 4L);
    }

    @Test
    void sortedIndexOnMixedTypesKeepsTypesApart() {
        Table t = db.createTable("mixed");
        t.insertAll(List.of(rec("v", 1), rec("v", "x"), rec("v", null), rec("v", true), rec("v", 2.5),
                rec("w", 0), rec("v", List.of(1)), rec("v", "10")));
        t.createIndex("v", IndexType.SORTED);

        assertThat(ids(t.select(t.field("v").gt(1)))).containsExactly(5L);
        assertThat(ids(t.select(t.field("v").gte(0)))).containsExactly(1L, 5L);
        assertThat(ids(t.select(t.field("v").lt("z")))).containsExactly(2L, 8L);
        assertThat(ids(t.select(t.field("v").lte(true)))).containsExactly(4L);
        assertThat(ids(t.select(t.field("v").between(1, 3)))).containsExactly(1L, 5L);
        assertThat(ids(t.select(t.field("v").between(1, "z")))).isEmpty();
        assertThat(ids(t.select(t.field("v").startsWith("1")))).containsExactly(8L);
        assertThat(ids(t.select(t.field("v").eq(List.of(1))))).containsExactly(7L);
    }

    // ------------------------------------------------------------------ ORDER BY ... LIMIT on a sorted index

    @Test
    void orderByWithLimitOnASortedIndexGivesTheSameRowsAsASort() {
        Table plain = db.createTable("plain");
        Table indexed = db.createTable("indexed");
        for (int i = 1; i <= 60; i++) {
            Map<String, Object> r = rec("id", (i * 37) % 61, "n", i % 7 == 0 ? null : (i * 13) % 10, "g", i % 3);
            if (i % 11 == 0) {
                r.remove("n");
            }
            plain.insert(r);
            indexed.insert(r);
        }
        indexed.createIndex("n", IndexType.SORTED);

        for (String[] order : List.of(new String[]{"n"}, new String[]{"-n"}, new String[]{"n", "-g"},
                new String[]{"-n", "g"})) {
            for (int limit : new int[]{1, 3, 10, 59}) {
                for (int offset : new int[]{0, 2, 50}) {
                    assertThat(ids(indexed.select().orderBy(order).limit(limit).offset(offset).list()))
                            .as("orderBy %s limit %d offset %d", List.of(order), limit, offset)
                            .isEqualTo(ids(plain.select().orderBy(order).limit(limit).offset(offset).list()));
                    Condition where = indexed.field("g").ne(1);
                    assertThat(ids(indexed.select().where(where).orderBy(order).limit(limit).offset(offset).list()))
                            .isEqualTo(ids(plain.select().where(where).orderBy(order).limit(limit).offset(offset)
                                    .list()));
                }
            }
        }
        List<Row> top = indexed.select().orderBy("-n").limit(3).list();
        assertThat(top).allSatisfy(r -> assertThat(r.get("n")).isNull());
    }

    // ------------------------------------------------------------------ indexes never change results

    @ParameterizedTest
    @EnumSource(IndexType.class)
    void indexesNeverChangeResults(IndexType type) {
        Table plain = db.createTable("plain");
        Table indexed = db.createTable("indexed");
        String[] depts = {"IT", "HR", "Sales", "Legal"};
        for (int i = 1; i <= 80; i++) {
            Map<String, Object> r = rec("id", (i * 7) % 83, "dept", depts[i % 4], "age", 20 + (i * 17) % 45,
                    "name", "n" + (i * 31) % 50);
            if (i % 9 == 0) {
                r.remove("dept");
            }
            if (i % 13 == 0) {
                r.put("age", null);
            }
            plain.insert(r);
            indexed.insert(r);
        }
        indexed.createIndex("dept", type);
        indexed.createIndex("age", type);
        indexed.createIndex("name", type);

        Map<String, Condition> conditions = new LinkedHashMap<>();
        conditions.put("eq", f("dept").eq("IT"));
        conditions.put("eq null", f("dept").eq(null));
        conditions.put("ne", f("dept").ne("IT"));
        conditions.put("isIn", f("dept").isIn("IT", "Legal", "Nope"));
        conditions.put("gt", f("age").gt(40));
        conditions.put("lte", f("age").lte(30));
        conditions.put("between", f("age").between(25, 35));
        conditions.put("isNull", f("age").isNull());
        conditions.put("like", f("name").like("n1%"));
        conditions.put("startsWith", f("name").startsWith("n2"));
        conditions.put("and", Condition.and(f("dept").eq("HR"), f("age").gte(30)));
        conditions.put("or", Condition.or(f("dept").eq("HR"), f("dept").eq("Sales")));
        conditions.put("or mixed", Condition.or(f("dept").eq("HR"), f("age").lt(25)));
        conditions.put("or ranges", Condition.or(f("age").lt(25), f("age").gt(60)));
        conditions.put("not", Condition.not(f("dept").eq("IT")));
        conditions.put("not and", Condition.not(Condition.and(f("dept").eq("IT"), f("age").gt(30))));
        conditions.put("and not", Condition.and(f("dept").isIn("IT", "HR"), Condition.not(f("age").gt(40))));
        conditions.put("like exact", f("name").like("n1"));
        conditions.put("like underscore", f("name").like("n1_"));
        conditions.put("like infix", f("name").like("n%1"));
        conditions.put("ilike", f("name").ilike("N1%"));
        conditions.put("gt string bound", f("age").gt("a"));
        conditions.put("between reversed", f("age").between(40, 30));
        conditions.put("isIn with null", f("dept").isIn(java.util.Arrays.asList(null, "HR")));
        conditions.put("and predicate", Condition.and(f("dept").eq("IT"), Condition.of(r -> r.get("age") != null
                && ((Long) r.get("age")) % 2 == 0)));
        conditions.put("and three", Condition.and(f("age").gte(30), f("dept").eq("Sales"), f("name").startsWith("n")));
        conditions.put("or nested and", Condition.or(Condition.and(f("dept").eq("IT"), f("age").lt(30)),
                f("dept").eq("HR")));
        conditions.put("or same branch twice", Condition.or(f("dept").eq("IT"), f("dept").eq("IT")));
        conditions.put("key eq", f("id").eq(14));
        conditions.put("key isIn", f("id").isIn(7, 14, 21, 999));
        conditions.put("key and", Condition.and(f("id").isIn(7, 14, 21, 28), f("dept").eq("Sales")));
        conditions.put("key or index", Condition.or(f("id").eq(7), f("dept").eq("HR")));
        conditions.put("key range", f("id").between(10, 20));

        for (Map.Entry<String, Condition> e : conditions.entrySet()) {
            Condition c = e.getValue();
            List<Object> expected = ids(plain.select(c));
            assertThat(ids(indexed.select(c))).as(e.getKey()).isEqualTo(expected);
            assertThat(indexed.select().where(c).count()).as(e.getKey()).isEqualTo(expected.size());
            assertThat(indexed.aggregate().where(c).agg("n", Aggregate.count()).one().get("n"))
                    .as(e.getKey()).isEqualTo((long) expected.size());
        }
        for (Map.Entry<String, Condition> e : conditions.entrySet()) {
            Condition c = e.getValue();
            List<Object> expected = ids(plain.select(c));
            if (expected.isEmpty()) {
                continue;
            }
            assertThat(indexed.update(rec("touched", e.getKey()), c)).as(e.getKey()).isEqualTo(expected.size());
            plain.update(rec("touched", e.getKey()), c);
            assertThat(ids(indexed.select(f("touched").eq(e.getKey())))).as(e.getKey()).isEqualTo(expected);
        }
        Condition toDelete = Condition.or(f("dept").eq("Legal"), f("dept").eq(null));
        assertThat(indexed.delete(toDelete)).isEqualTo(plain.delete(toDelete));
        assertThat(indexed.all()).isEqualTo(plain.all());
    }

    private static Field f(String name) {
        return Field.of(name);
    }
}
