package io.dictdb.metrics;

import io.dictdb.DictDB;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing global: each database reaches only the registries it was bound to. */
class MetricsIsolationTest {

    @Test
    void twoDatabasesBoundToTwoRegistriesDoNotMix() {
        SimpleMeterRegistry registryA = new SimpleMeterRegistry();
        SimpleMeterRegistry registryB = new SimpleMeterRegistry();
        try (DictDB a = new DictDB(); DictDB b = new DictDB();
             DictDBMetrics metricsA = new DictDBMetrics(a); DictDBMetrics metricsB = new DictDBMetrics(b)) {
            metricsA.bindTo(registryA);
            metricsB.bindTo(registryB);

            a.createTable("users").insert(Map.of("v", 1));
            b.createTable("users").insert(Map.of("v", 1));
            b.table("users").insert(Map.of("v", 2));
            b.createTable("only_b");

            Meters metersA = new Meters(registryA);
            Meters metersB = new Meters(registryB);
            assertThat(metersA.count("users", "insert", "success")).isEqualTo(1);
            assertThat(metersB.count("users", "insert", "success")).isEqualTo(2);
            assertThat(metersA.tableRows("users").value()).isEqualTo(1.0);
            assertThat(metersB.tableRows("users").value()).isEqualTo(2.0);
            assertThat(metersA.tableRows("only_b")).isNull();
            assertThat(registryA.find("dictdb.operations").tag("table", "only_b").timers()).isEmpty();
        }
    }

    @Test
    void twoDatabasesInOneRegistryAreToldApartByAnExtraTag() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DictDB orders = new DictDB(); DictDB users = new DictDB();
             DictDBMetrics ordersMetrics = DictDBMetrics.builder(orders).tag("db", "orders").build();
             DictDBMetrics usersMetrics = DictDBMetrics.builder(users).tag("db", "users").build()) {
            ordersMetrics.bindTo(registry);
            usersMetrics.bindTo(registry);

            orders.createTable("t").insert(Map.of("v", 1));
            users.createTable("t").insertAll(java.util.List.of(Map.of("v", 1), Map.of("v", 2)));

            assertThat(registry.get("dictdb.table.rows").tags("db", "orders", "table", "t").gauge().value())
                    .isEqualTo(1.0);
            assertThat(registry.get("dictdb.table.rows").tags("db", "users", "table", "t").gauge().value())
                    .isEqualTo(2.0);
            assertThat(registry.get("dictdb.operations").tags("db", "orders", "table", "t", "operation", "insert",
                    "outcome", "success").timer().count()).isEqualTo(1);
            assertThat(registry.get("dictdb.rows").tags("db", "users", "table", "t", "operation", "insertAll")
                    .counter().count()).isEqualTo(2);
        }
    }
}
