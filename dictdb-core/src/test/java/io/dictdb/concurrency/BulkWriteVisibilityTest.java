package io.dictdb.concurrency;

import io.dictdb.Aggregate;
import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers running during a bulk insert (and a bulk delete) see all of it or none of it. */
class BulkWriteVisibilityTest {
    private static final int ROWS = 10_000;
    private static final int ROUNDS = 8;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void readersSeeZeroOrAllRowsOfAnInsertAll() throws Exception {
        try (DictDB db = new DictDB()) {
            Table bulk = db.createTable("bulk");
            bulk.createIndex("even", IndexType.HASH);
            bulk.createIndex("n", IndexType.SORTED);
            List<Map<String, Object>> records = new ArrayList<>(ROWS);
            for (int i = 0; i < ROWS; i++) {
                records.add(Map.of("n", (long) i, "even", i % 2 == 0, "text", "row " + i));
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            Set<String> observed = ConcurrentHashMap.newKeySet();
            Set<String> wrong = ConcurrentHashMap.newKeySet();
            Workers workers = new Workers();
            workers.add("writer", () -> {
                try {
                    for (int round = 0; round < ROUNDS; round++) {
                        assertThat(bulk.insertAll(records)).hasSize(ROWS);
                        awaitReads(reads, 3, workers);
                        assertThat(bulk.delete()).isEqualTo(ROWS);
                        awaitReads(reads, 3, workers);
                    }
                } finally {
                    done.set(true);
                }
            });
            for (int r = 0; r < 2; r++) {
                int reader = r;
                workers.add("reader-" + r, () -> {
                    while (!done.get()) {
                        long all = reader == 0 ? bulk.select().count() : bulk.count();
                        long even = bulk.select().where(Field.of("even").eq(true)).count();
                        long range = bulk.select().where(Field.of("n").gte(ROWS / 2)).list().size();
                        Object total = bulk.aggregate().agg("rows", Aggregate.count()).one().get("rows");
                        note(observed, wrong, "count", all, ROWS);
                        note(observed, wrong, "even", even, ROWS / 2);
                        note(observed, wrong, "range", range, ROWS / 2);
                        note(observed, wrong, "aggregate", ((Number) total).longValue(), ROWS);
                        reads.incrementAndGet();
                    }
                });
            }
            workers.start().join(80, TimeUnit.SECONDS);
            assertThat(wrong).as("partial states seen by readers").isEmpty();
            assertThat(observed).as("readers saw both the empty and the full table")
                    .contains("count=0", "count=" + ROWS, "even=0", "even=" + ROWS / 2);
            assertThat(reads.get()).isGreaterThanOrEqualTo(ROUNDS * 6L);
        }
    }

    private static void note(Set<String> observed, Set<String> wrong, String what, long value, long full) {
        observed.add(what + "=" + value);
        if (value != 0 && value != full) {
            wrong.add(what + "=" + value);
        }
    }

    /** Waits until the readers have completed a few more reads (so each state is observed at least once). */
    private static void awaitReads(AtomicLong reads, int more, Workers workers) throws InterruptedException {
        long target = reads.get() + more;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (reads.get() < target && !workers.anyFailed()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readers made no progress while the writer waited");
            }
            Thread.sleep(1);
        }
    }
}
