package io.dictdb.metrics;

import io.dictdb.Aggregate;
import io.dictdb.DictDB;
import io.dictdb.DuplicateKeyException;
import io.dictdb.Table;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scripted workload, then the exact counts of every meter. */
class WorkloadMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Meters meters = new Meters(registry);
    private DictDB db;
    private DictDBMetrics metrics;

    @BeforeEach
    void bind() {
        db = new DictDB();
        metrics = new DictDBMetrics(db);
        metrics.bindTo(registry);
    }

    @AfterEach
    void release() {
        metrics.close();
        db.close();
    }

    @Test
    void metersCountEveryOperationPerTableOperationAndOutcome() {
        Table users = db.createTable("users");
        Table orders = db.createTable("orders");
        users.insert(Map.of("id", 1L, "name", "Alice", "age", 30));
        users.insert(Map.of("id", 2L, "name", "Bob", "age", 25));
        users.insertAll(List.of(Map.of("id", 3L, "name", "Chloé", "age", 41), Map.of("id", 4L, "name", "Dan",
                "age", 30)));
        orders.insert(Map.of("user", 1L, "total", 12.5));
        users.createIndex("age");
        users.select(users.field("age").eq(30));                         // 2 rows
        users.select().where(users.field("age").gte(26)).list();         // 3 rows
        orders.select().list();                                          // 1 row
        users.get(3L);
        users.aggregate().groupBy("age").agg("n", Aggregate.count()).list();   // 3 groups
        users.update(Map.of("age", 26), users.field("name").eq("Bob"));
        users.delete(users.field("name").eq("Dan"));
        assertThatThrownBy(() -> users.insert(Map.of("id", 1L, "name", "Again")))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(meters.count("users", "createTable", "success")).isEqualTo(1);
        assertThat(meters.count("orders", "createTable", "success")).isEqualTo(1);
        assertThat(meters.count("users", "insert", "success")).isEqualTo(2);
        assertThat(meters.count("users", "insert", "failure")).isEqualTo(1);
        assertThat(meters.count("users", "insertAll", "success")).isEqualTo(1);
        assertThat(meters.count("orders", "insert", "success")).isEqualTo(1);
        assertThat(meters.count("orders", "insert", "failure")).isZero();
        assertThat(meters.count("users", "createIndex", "success")).isEqualTo(1);
        assertThat(meters.count("users", "select", "success")).isEqualTo(2);
        assertThat(meters.count("orders", "select", "success")).isEqualTo(1);
        assertThat(meters.count("users", "get", "success")).isEqualTo(1);
        assertThat(meters.count("users", "aggregate", "success")).isEqualTo(1);
        assertThat(meters.count("users", "update", "success")).isEqualTo(1);
        assertThat(meters.count("users", "delete", "success")).isEqualTo(1);

        assertThat(meters.rows("users", "insert")).isEqualTo(2);
        assertThat(meters.rows("users", "insertAll")).isEqualTo(2);
        assertThat(meters.rows("users", "select")).isEqualTo(5);
        assertThat(meters.rows("orders", "select")).isEqualTo(1);
        assertThat(meters.rows("users", "get")).isEqualTo(1);
        assertThat(meters.rows("users", "aggregate")).isEqualTo(3);
        assertThat(meters.rows("users", "update")).isEqualTo(1);
        assertThat(meters.rows("users", "delete")).isEqualTo(1);

        assertThat(meters.tableRows("users").value()).isEqualTo(3.0);
        assertThat(meters.tableRows("orders").value()).isEqualTo(1.0);

        // Every timer that exists was registered by an operation (success and failure timers come in pairs).
        List<Timer> timers = List.copyOf(registry.find("dictdb.operations").timers());
        assertThat(timers).hasSize(2 * 12);
        long total = timers.stream().mapToLong(Timer::count).sum();
        assertThat(total).isEqualTo(15);
        assertThat(timers).filteredOn(t -> t.count() > 0)
                .allSatisfy(t -> assertThat(t.totalTime(TimeUnit.NANOSECONDS)).isPositive());
    }

    @Test
    void rowGaugesFollowTheTablesCommittedRowCount() {
        Table t = db.createTable("t");
        assertThat(meters.tableRows("t").value()).isZero();
        t.insertAll(List.of(Map.of("v", 1), Map.of("v", 2), Map.of("v", 3)));
        assertThat(meters.tableRows("t").value()).isEqualTo(3.0);
        db.transaction(tx -> {
            tx.getTable("t").delete(tx.getTable("t").field("v").eq(1));
            assertThat(meters.tableRows("t").value()).isEqualTo(2.0);   // read on this thread: the transaction's view
        });
        assertThat(meters.tableRows("t").value()).isEqualTo(2.0);
    }

    @Test
    void operationsInsideATransactionAreCountedOnTheirTable() {
        db.createTable("a");
        db.createTable("b");
        db.transaction(tx -> {
            tx.getTable("a").insert(Map.of("v", 1));
            tx.getTable("b").insert(Map.of("v", 1));
            tx.getTable("b").insert(Map.of("v", 2));
        });

        assertThat(meters.count("a", "insert", "success")).isEqualTo(1);
        assertThat(meters.count("b", "insert", "success")).isEqualTo(2);
        assertThat(meters.tableRows("b").value()).isEqualTo(2.0);
    }
}
