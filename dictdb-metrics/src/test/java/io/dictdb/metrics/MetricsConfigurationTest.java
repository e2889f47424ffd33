package io.dictdb.metrics;

import io.dictdb.DictDB;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder: name prefix, extra tags, and what it rejects. */
class MetricsConfigurationTest {

    @Test
    void prefixAndExtraTagsApplyToEveryMeter() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DictDB db = new DictDB();
             DictDBMetrics metrics = DictDBMetrics.builder(db).prefix("app.store").tag("db", "main")
                     .tags(Tags.of("region", "eu")).build()) {
            metrics.bindTo(registry);
            db.createTable("t").insert(Map.of("v", 1));

            assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> {
                assertThat(meter.getId().getName()).startsWith("app.store.");
                assertThat(meter.getId().getTags()).contains(Tag.of("db", "main"), Tag.of("region", "eu"));
            });
            assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsOnly(
                    "app.store.operations", "app.store.rows", "app.store.table.rows");
            assertThat(new Meters(registry, "app.store").count("t", "insert", "success")).isEqualTo(1);
            Meter gauge = registry.get("app.store.table.rows").gauge();
            assertThat(gauge.getId().getBaseUnit()).isEqualTo("rows");
            assertThat(gauge.getId().getDescription()).isNotBlank();
        }
    }

    @Test
    void extraTagsMayNotReplaceTheMetersOwnTags() {
        try (DictDB db = new DictDB()) {
            for (String key : new String[]{"table", "operation", "outcome"}) {
                assertThatThrownBy(() -> DictDBMetrics.builder(db).tag(key, "x"))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + key + "'");
            }
        }
    }

    @Test
    void invalidPrefixesAndNullsAreRejected() {
        try (DictDB db = new DictDB()) {
            for (String prefix : new String[]{"", " ", ".dictdb", "dictdb.", "my db"}) {
                assertThatThrownBy(() -> DictDBMetrics.builder(db).prefix(prefix).build())
                        .as(prefix).isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> DictDBMetrics.builder(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new DictDBMetrics(db).bindTo(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void aBinderRecordsNothingBeforeItIsBound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DictDB db = new DictDB(); DictDBMetrics metrics = new DictDBMetrics(db)) {
            db.createTable("t").insert(Map.of("v", 1));
            assertThat(registry.getMeters()).isEmpty();
            metrics.bindTo(registry);
            assertThat(new Meters(registry).count("t", "insert", "success")).isZero();
            assertThat(new Meters(registry).tableRows("t").value()).isEqualTo(1.0);
        }
    }
}
