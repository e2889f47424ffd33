package io.dictdb.metrics;

import io.dictdb.DictDB;
import io.dictdb.Table;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding, tables appearing and disappearing, closing. */
class MetricsLifecycleTest {

    @Test
    void tablesThatExistAtBindingAndTablesCreatedLaterGetARowGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Meters meters = new Meters(registry);
        try (DictDB db = new DictDB()) {
            db.createTable("before").insert(Map.of("v", 1));
            try (DictDBMetrics metrics = new DictDBMetrics(db)) {
                metrics.bindTo(registry);
                assertThat(meters.tableRows("before").value()).isEqualTo(1.0);
                assertThat(meters.tableRows("later")).isNull();

                db.createTable("later");
                assertThat(meters.tableRows("later").value()).isZero();
                db.table("later").insert(Map.of("v", 1));
                db.table("later").insert(Map.of("v", 2));
                assertThat(meters.tableRows("later").value()).isEqualTo(2.0);
            }
        }
    }

    @Test
    void aDroppedTableLosesItsGaugeButKeepsItsCountsAndGetsItBackWhenRecreated() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Meters meters = new Meters(registry);
        try (DictDB db = new DictDB(); DictDBMetrics metrics = new DictDBMetrics(db)) {
            metrics.bindTo(registry);
            db.createTable("tmp").insert(Map.of("v", 1));
            db.dropTable("tmp");

            assertThat(meters.tableRows("tmp")).isNull();
            assertThat(meters.count("tmp", "insert", "success")).isEqualTo(1);
            assertThat(meters.count("tmp", "dropTable", "success")).isEqualTo(1);

            db.createTable("tmp");
            assertThat(meters.tableRows("tmp").value()).isZero();
            assertThat(meters.count("tmp", "createTable", "success")).isEqualTo(2);
        }
    }

    @Test
    void closingStopsCountingAndRemovesTheGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Meters meters = new Meters(registry);
        try (DictDB db = new DictDB()) {
            DictDBMetrics metrics = new DictDBMetrics(db);
            metrics.bindTo(registry);
            Table t = db.createTable("t");
            t.insert(Map.of("v", 1));

            metrics.close();
            t.insert(Map.of("v", 2));
            t.select().list();
            db.createTable("after");

            assertThat(meters.count("t", "insert", "success")).isEqualTo(1);
            assertThat(meters.rows("t", "insert")).isEqualTo(1);
            assertThat(meters.count("t", "select", "success")).isZero();
            assertThat(meters.count("after", "createTable", "success")).isZero();
            assertThat(meters.tableRows("t")).isNull();
            assertThat(meters.tableRows("after")).isNull();

            metrics.close();   // idempotent
            assertThatThrownBy(() -> metrics.bindTo(registry)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void oneBinderBoundToTwoRegistriesFeedsBoth() {
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        try (DictDB db = new DictDB(); DictDBMetrics metrics = new DictDBMetrics(db)) {
            metrics.bindTo(first);
            metrics.bindTo(second);
            db.createTable("t").insert(Map.of("v", 1));

            for (SimpleMeterRegistry registry : new SimpleMeterRegistry[]{first, second}) {
                Meters meters = new Meters(registry);
                assertThat(meters.count("t", "insert", "success")).isEqualTo(1);
                assertThat(meters.tableRows("t").value()).isEqualTo(1.0);
            }
        }
    }
}
