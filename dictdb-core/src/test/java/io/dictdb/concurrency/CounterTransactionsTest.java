package io.dictdb.concurrency;

import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-then-update counter of the production tutorial, run from many threads, loses no increment. */
class CounterTransactionsTest {
    private static final int THREADS = 8;
    private static final int INCREMENTS = 1000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readThenUpdateInsideTransactionsLosesNoIncrement() throws Exception {
        try (DictDB db = new DictDB()) {
            Table counters = db.createTable("counters");
            Object key = counters.insert(Map.of("name", "hits", "value", 0L));
            List<Long> seen = Collections.synchronizedList(new ArrayList<>());
            Workers workers = new Workers();
            for (int w = 0; w < THREADS; w++) {
                workers.add("incrementer-" + w, () -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        long before = db.transactionResult(tx -> {
                            Table t = tx.getTable("counters");
                            long value = t.get(key).orElseThrow().getLong("value");
                            t.update(Map.of("value", value + 1), Field.of("id").eq(key));
                            return value;
                        });
                        seen.add(before);
                    }
                });
            }
            workers.start().join(50, TimeUnit.SECONDS);

            assertThat(counters.get(key).orElseThrow().getLong("value")).isEqualTo((long) THREADS * INCREMENTS);
            // Serializable: every transaction read a different value, so the reads are exactly 0 .. 7999.
            List<Long> sorted = new ArrayList<>(seen);
            Collections.sort(sorted);
            List<Long> expected = new ArrayList<>();
            for (long v = 0; v < (long) THREADS * INCREMENTS; v++) {
                expected.add(v);
            }
            assertThat(sorted).isEqualTo(expected);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void transactionConsumerFormLosesNoIncrementEither() throws Exception {
        try (DictDB db = new DictDB()) {
            Table counters = db.createTable("counters", "name");
            counters.insert(Map.of("name", "hits", "value", 0L));
            Workers workers = new Workers();
            for (int w = 0; w < THREADS; w++) {
                workers.add("incrementer-" + w, () -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        db.transaction(tx -> {
                            Table t = tx.getTable("counters");
                            Row row = t.get("hits").orElseThrow();
                            t.update(Map.of("value", row.getLong("value") + 1), Field.of("name").eq("hits"));
                        });
                    }
                });
            }
            workers.start().join(50, TimeUnit.SECONDS);
            assertThat(counters.get("hits").orElseThrow().getLong("value")).isEqualTo((long) THREADS * INCREMENTS);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readModifyWriteUpdateWithoutTransactionLosesNoIncrement() throws Exception {
        try (DictDB db = new DictDB()) {
            Table counters = db.createTable("counters");
            Object key = counters.insert(Map.of("value", 0L));
            Workers workers = new Workers();
            for (int w = 0; w < THREADS; w++) {
                workers.add("incrementer-" + w, () -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        int n = counters.update(Field.of("id").eq(key),
                                row -> Map.of("value", row.getLong("value") + 1));
                        assertThat(n).isEqualTo(1);
                    }
                });
            }
            workers.start().join(50, TimeUnit.SECONDS);
            assertThat(counters.get(key).orElseThrow().getLong("value")).isEqualTo((long) THREADS * INCREMENTS);
        }
    }
}
