package io.dictdb.api;

import io.dictdb.Aggregate;
import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.dictdb.api.Records.rec;
import static io.dictdb.api.Records.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AggregateTest {
    private DictDB db;
    private Table sales;

    @BeforeEach
    void open() {
        db = new DictDB();
        sales = db.createTable("sales");
        sales.insertAll(List.of(
                rec("region", "north", "amount", 10, "qty", 1, "email", "a@x.io"),
                rec("region", "south", "amount", 20, "qty", 2),
                rec("region", "north", "amount", 30, "qty", null, "email", "c@x.io"),
                rec("region", "east", "amount", 40, "qty", 4),
                rec("region", "south", "amount", 50, "qty", 5, "email", null)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void countOfRowsAndOfNonNullValues() {
        Row row = sales.aggregate()
                .agg("rows", Aggregate.count())
                .agg("with_email", Aggregate.count("email"))
                .agg("with_qty", Aggregate.count("qty"))
                .one();

        assertThat(row).containsEntry("rows", 5L).containsEntry("with_email", 2L).containsEntry("with_qty", 4L);
    }

    @Test
    void sumOfIntegralValuesIsALong() {
        Row row = sales.aggregate().agg("total", Aggregate.sum("amount")).one();

        assertThat(row.get("total")).isInstanceOf(Long.class).isEqualTo(150L);
    }

    @Test
    void sumIgnoresNulls() {
        Row row = sales.aggregate().agg("qty", Aggregate.sum("qty")).one();

        assertThat(row.get("qty")).isEqualTo(12L);
    }

    @Test
    void sumWithAnyDoubleIsADouble() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("v", 1), rec("v", 2.5), rec("v", 3)));

        Object total = t.aggregate().agg("total", Aggregate.sum("v")).one().get("total");

        assertThat(total).isInstanceOf(Double.class).isEqualTo(6.5);
    }

    @Test
    void sumWithAnyBigDecimalIsABigDecimal() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("v", 1), rec("v", new BigDecimal("2.25")), rec("v", new BigDecimal("0.75"))));

        Object total = t.aggregate().agg("total", Aggregate.sum("v")).one().get("total");

        assertThat(total).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) total).isEqualByComparingTo("4");
    }

    @Test
    void sumOfDoublesAndBigDecimalsIsABigDecimal() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("v", 1.5), rec("v", new BigDecimal("2")), rec("v", null)));

        Object total = t.aggregate().agg("total", Aggregate.sum("v")).one().get("total");

        assertThat(total).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) total).isEqualByComparingTo("3.5");
    }

    @Test
    void avgIsADouble() {
        Row row = sales.aggregate()
                .agg("avg_amount", Aggregate.avg("amount"))
                .agg("avg_qty", Aggregate.avg("qty"))
                .one();

        assertThat(row.get("avg_amount")).isInstanceOf(Double.class).isEqualTo(30.0);
        assertThat((Double) row.get("avg_qty")).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void avgOfBigDecimalsIsABigDecimal() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("v", new BigDecimal("1.5")), rec("v", new BigDecimal("2.5"))));

        Object avg = t.aggregate().agg("avg", Aggregate.avg("v")).one().get("avg");

        assertThat(avg).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) avg).isEqualByComparingTo("2");
    }

    @Test
    void minAndMaxIgnoreNulls() {
        Row row = sales.aggregate()
                .agg("min_qty", Aggregate.min("qty"))
                .agg("max_qty", Aggregate.max("qty"))
                .agg("first_region", Aggregate.min("region"))
                .agg("last_region", Aggregate.max("region"))
                .one();

        assertThat(row).containsEntry("min_qty", 1L).containsEntry("max_qty", 5L)
                .containsEntry("first_region", "east").containsEntry("last_region", "south");
    }

    @Test
    void minAndMaxWorkOnDatesAndMixedNumbers() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("d", LocalDate.of(2024, 5, 1), "n", 2.5),
                rec("d", LocalDate.of(2023, 1, 1), "n", 3),
                rec("d", null, "n", new BigDecimal("0.5"))));

        Row row = t.aggregate().agg("first", Aggregate.min("d")).agg("last", Aggregate.max("d"))
                .agg("lo", Aggregate.min("n")).agg("hi", Aggregate.max("n")).one();

        assertThat(row.get("first")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(row.get("last")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(row.get("lo")).isEqualTo(new BigDecimal("0.5"));
        assertThat(row.get("hi")).isEqualTo(3L);
    }

    @Test
    void aggregatesOfOnlyNullsAreNullButCountsAreZero() {
        Row row = sales.aggregate()
                .agg("n", Aggregate.count("missing"))
                .agg("s", Aggregate.sum("missing"))
                .agg("a", Aggregate.avg("missing"))
                .agg("lo", Aggregate.min("missing"))
                .agg("hi", Aggregate.max("missing"))
                .one();

        assertThat(row.get("n")).isEqualTo(0L);
        assertThat(row.get("s")).isNull();
        assertThat(row.get("a")).isNull();
        assertThat(row.get("lo")).isNull();
        assertThat(row.get("hi")).isNull();
        assertThat(row).containsKeys("s", "a", "lo", "hi");
    }

    @Test
    void emptyTableWithoutGroupByGivesZeroCountAndNullAggregates() {
        Table empty = db.createTable("empty");

        Row row = empty.aggregate().agg("count", Aggregate.count()).agg("total", Aggregate.sum("amount")).one();

        assertThat(row).isEqualTo(rec("count", 0L, "total", null));
        assertThat(new ArrayList<>(row.keySet())).containsExactly("count", "total");
        assertThat(empty.aggregate().agg("count", Aggregate.count()).agg("total", Aggregate.sum("amount")).list())
                .containsExactly(row);
    }

    @Test
    void whereRestrictsTheRows() {
        Row row = sales.aggregate()
                .where(sales.field("region").eq("north"))
                .agg("count", Aggregate.count())
                .agg("total", Aggregate.sum("amount"))
                .one();

        assertThat(row).isEqualTo(rec("count", 2L, "total", 40L));
    }

    @Test
    void whereMatchingNothingGivesZeroCount() {
        Row row = sales.aggregate().where(sales.field("region").eq("west"))
                .agg("count", Aggregate.count()).agg("total", Aggregate.sum("amount")).one();

        assertThat(row).isEqualTo(rec("count", 0L, "total", null));
    }

    @Test
    void groupByGivesGroupsInOrderOfFirstAppearance() {
        List<Row> rows = sales.aggregate()
                .groupBy("region")
                .agg("count", Aggregate.count())
                .agg("total", Aggregate.sum("amount"))
                .list();

        assertThat(rows).containsExactly(
                Row.of(rec("region", "north", "count", 2L, "total", 40L)),
                Row.of(rec("region", "south", "count", 2L, "total", 70L)),
                Row.of(rec("region", "east", "count", 1L, "total", 40L)));
        assertThat(new ArrayList<>(rows.get(0).keySet())).containsExactly("region", "count", "total");
    }

    @Test
    void groupOrderFollowsPrimaryKeyOrderNotInsertionOrder() {
        Table t = db.createTable("t");
        t.insert(rec("id", 3, "g", "C"));
        t.insert(rec("id", 1, "g", "A"));
        t.insert(rec("id", 2, "g", "B"));
        t.insert(rec("id", 0, "g", "B"));

        List<Row> rows = t.aggregate().groupBy("g").agg("n", Aggregate.count()).list();

        assertThat(values(rows, "g")).containsExactly("B", "A", "C");
        assertThat(values(rows, "n")).containsExactly(2L, 1L, 1L);
    }

    @Test
    void groupByMultipleFieldsPutsGroupFieldsFirst() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("dept", "IT", "year", 2023, "x", 1),
                rec("dept", "IT", "year", 2024, "x", 2),
                rec("dept", "IT", "year", 2023, "x", 3),
                rec("dept", "HR", "year", 2023, "x", 4)));

        List<Row> rows = t.aggregate().groupBy("dept", "year")
                .agg("total", Aggregate.sum("x"))
                .agg("n", Aggregate.count())
                .list();

        assertThat(rows).hasSize(3);
        assertThat(new ArrayList<>(rows.get(0).keySet())).containsExactly("dept", "year", "total", "n");
        assertThat(rows.get(0)).isEqualTo(rec("dept", "IT", "year", 2023L, "total", 4L, "n", 2L));
        assertThat(rows.get(1)).isEqualTo(rec("dept", "IT", "year", 2024L, "total", 2L, "n", 1L));
        assertThat(rows.get(2)).isEqualTo(rec("dept", "HR", "year", 2023L, "total", 4L, "n", 1L));
    }

    @Test
    void groupByPutsMissingAndNullInOneGroup() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("g", "a"), rec("g", null), rec("other", 1)));

        List<Row> rows = t.aggregate().groupBy("g").agg("n", Aggregate.count()).list();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsEntry("g", null).containsEntry("n", 2L);
    }

    @Test
    void groupByComparesNumbersByValue() {
        Table t = db.createTable("t");
        t.insertAll(List.of(rec("g", 1), rec("g", 1.0), rec("g", 2)));

        List<Row> rows = t.aggregate().groupBy("g").agg("n", Aggregate.count()).list();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("g", 1L).containsEntry("n", 2L);
    }

    @Test
    void groupByOnAnEmptyTableGivesNoRows() {
        Table empty = db.createTable("empty");

        assertThat(empty.aggregate().groupBy("g").agg("n", Aggregate.count()).list()).isEmpty();
    }

    @Test
    void oneWithGroupByThrows() {
        assertThatThrownBy(() -> sales.aggregate().groupBy("region").agg("n", Aggregate.count()).one())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resultRowsAreMutableCopies() {
        Row row = sales.aggregate().groupBy("region").agg("n", Aggregate.count()).list().get(0);

        row.put("n", 99L);

        assertThat(row.isMutable()).isTrue();
        assertThat(sales.aggregate().groupBy("region").agg("n", Aggregate.count()).list().get(0))
                .containsEntry("n", 2L);
    }

    @Test
    void aggregateNamesMustBeUnique() {
        assertThatThrownBy(() -> sales.aggregate().agg("n", Aggregate.count()).agg("n", Aggregate.sum("qty")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summingNonNumbersThrowsNamingTheField() {
        assertThatThrownBy(() -> sales.aggregate().agg("s", Aggregate.sum("region")).one())
                .isInstanceOf(DictDBException.class)
                .hasMessageContaining("region");
    }

    @Test
    void aggregateDescribesItsFunction() {
        assertThat(Aggregate.count().function()).isEqualTo(Aggregate.Function.COUNT);
        assertThat(Aggregate.count().field()).isEmpty();
        assertThat(Aggregate.sum("x").field()).contains("x");
        assertThat(Aggregate.max("x")).isEqualTo(Aggregate.max("x"));
        assertThatThrownBy(() -> Aggregate.sum("")).isInstanceOf(IllegalArgumentException.class);
    }
}
