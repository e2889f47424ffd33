package io.dictdb.concurrency;

import io.dictdb.Aggregate;
import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.DuplicateKeyException;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.OnConflict;
import io.dictdb.RecordNotFoundException;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.UpsertResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A random mix of readers and writers for ten seconds: inserts, bulk inserts, updates (by key, by range, read-modify-
 * write), deletes, upserts, transactions (some aborted), and index creation and removal, while readers query.
 *
 * <p>Each writer owns a disjoint range of keys and keeps the rows it has committed; since nobody else touches its
 * range, every result it gets is predictable, and at the end the table must equal the union of what the writers
 * committed. Every row keeps {@code check == -value}, and each writer keeps a pair of rows whose values sum to 0
 * (changed only inside transactions): readers check both on every snapshot they read.
 */
class RandomWorkloadTest {
    private static final int WRITERS = 3;
    private static final int READERS = 2;
    private static final long RUN_MILLIS = 10_000;
    private static final long RANGE = 1_000_000L;
    private static final int SLOTS = 400;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void randomMixFinishesWithoutDeadlockAndEqualsTheCommittedWrites() throws Exception {
        try (DictDB db = new DictDB()) {
            Table items = db.createTable("items");
            items.createIndex("owner", IndexType.HASH);
            long deadline = System.currentTimeMillis() + RUN_MILLIS;
            List<Map<Long, Map<String, Object>>> committed = new ArrayList<>();
            AtomicLong writes = new AtomicLong();
            AtomicLong reads = new AtomicLong();
            Workers workers = new Workers();
            for (int w = 0; w < WRITERS; w++) {
                Map<Long, Map<String, Object>> mine = new TreeMap<>();
                committed.add(mine);
                Writer writer = new Writer(db, w, mine, new Random(1000 + w), writes);
                workers.add("writer-" + w, () -> {
                    writer.setUp();
                    while (System.currentTimeMillis() < deadline && !workers.anyFailed()) {
                        writer.step();
                    }
                });
            }
            for (int r = 0; r < READERS; r++) {
                Random random = new Random(2000 + r);
                workers.add("reader-" + r, () -> {
                    while (System.currentTimeMillis() < deadline && !workers.anyFailed()) {
                        read(db, items, random);
                        reads.incrementAndGet();
                    }
                });
            }
            workers.add("index-admin", () -> {
                Random random = new Random(3000);
                Map<String, IndexType> indexes = new HashMap<>(Map.of("owner", IndexType.HASH));
                List<String> fields = List.of("value", "slot", "tag", "check", "pair");
                while (System.currentTimeMillis() < deadline && !workers.anyFailed()) {
                    String f = fields.get(random.nextInt(fields.size()));
                    IndexType type = random.nextBoolean() ? IndexType.HASH : IndexType.SORTED;
                    IndexType existing = indexes.get(f);
                    if (existing == null) {
                        items.createIndex(f, type);
                        indexes.put(f, type);
                    } else if (random.nextBoolean()) {
                        items.dropIndex(f);
                        indexes.remove(f);
                    } else if (existing == type) {
                        items.createIndex(f, type); // no-op
                    } else {
                        assertThatThrownBy(() -> items.createIndex(f, type)).isInstanceOf(DictDBException.class);
                    }
                    assertThat(items.hasIndex(f)).isEqualTo(indexes.containsKey(f));
                    Thread.sleep(random.nextInt(5));
                }
            });
            workers.start().join(RUN_MILLIS + 40_000, TimeUnit.MILLISECONDS);

            Map<Object, Map<String, Object>> expected = new TreeMap<>();
            committed.forEach(expected::putAll);
            Map<Object, Row> actual = items.copy();
            assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (Map.Entry<Object, Map<String, Object>> e : expected.entrySet()) {
                assertThat(actual.get(e.getKey())).as("row %s", e.getKey()).isEqualTo(e.getValue());
            }
            for (int w = 0; w < WRITERS; w++) {
                assertThat(items.select().where(Field.of("owner").eq(w)).count())
                        .isEqualTo(committed.get(w).size());
            }
            assertThat(writes.get()).as("writes done").isGreaterThan(300);
            assertThat(reads.get()).as("reads done").isGreaterThan(100);
        }
    }

    /** One reader step: a random query, with the invariants every consistent snapshot must satisfy. */
    private static void read(DictDB db, Table items, Random random) {
        switch (random.nextInt(6)) {
            case 0: {
                List<Row> rows = items.select().list();
                checkRows(rows);
                break;
            }
            case 1: {
                int owner = random.nextInt(WRITERS);
                List<Row> rows = items.select().where(Field.of("owner").eq(owner)).copy(false).list();
                checkRows(rows);
                assertThat(rows).allSatisfy(r -> assertThat(r.getLong("owner")).isEqualTo(owner));
                break;
            }
            case 2: {
                Row totals = items.aggregate()
                        .agg("value", Aggregate.sum("value"))
                        .agg("check", Aggregate.sum("check"))
                        .agg("pair", Aggregate.sum("pair"))
                        .one();
                long value = totals.get("value") == null ? 0 : totals.getLong("value");
                long check = totals.get("check") == null ? 0 : totals.getLong("check");
                assertThat(value + check).as("sum of value + sum of check in one snapshot").isZero();
                assertThat(totals.get("pair") == null ? 0L : totals.getLong("pair")).as("sum of pairs").isZero();
                break;
            }
            case 3: {
                List<Row> rows = items.select().where(Field.of("value").gte(random.nextInt(1000)))
                        .orderBy("value", "-id").limit(20).list();
                checkRows(rows);
                for (int i = 1; i < rows.size(); i++) {
                    assertThat(rows.get(i).getLong("value")).isGreaterThanOrEqualTo(rows.get(i - 1).getLong("value"));
                }
                break;
            }
            case 4: {
                long key = random.nextInt(WRITERS) * RANGE + random.nextInt(SLOTS);
                items.get(key).ifPresent(r -> checkRows(List.of(r)));
                break;
            }
            default: {
                // A read-only transaction sees one state too.
                long sum = db.transactionResult(tx -> {
                    long s = 0;
                    for (Row r : tx.getTable("items").select(Field.of("pair").isNotNull())) {
                        s += r.getLong("pair");
                    }
                    return s;
                });
                assertThat(sum).as("sum of pairs inside a transaction").isZero();
            }
        }
    }

    private static void checkRows(List<Row> rows) {
        Map<Long, Long> pairSums = new HashMap<>();
        Map<Long, Integer> pairCounts = new HashMap<>();
        for (Row r : rows) {
            assertThat(r.getLong("check")).as("check of %s", r).isEqualTo(-r.getLong("value"));
            if (r.get("pair") != null) {
                pairSums.merge(r.getLong("owner"), r.getLong("pair"), Long::sum);
                pairCounts.merge(r.getLong("owner"), 1, Integer::sum);
            }
        }
        pairSums.forEach((owner, sum) -> {
            if (pairCounts.get(owner) == 2) {
                assertThat(sum).as("pair of writer %d", owner).isZero();
            }
        });
    }

    /** A writer owning the keys [owner * RANGE, owner * RANGE + RANGE). */
    private static final class Writer {
        private final DictDB db;
        private final Table items;
        private final int owner;
        private final Map<Long, Map<String, Object>> mine;
        private final Random random;
        private final AtomicLong writes;
        private final long pairA;
        private final long pairB;

        Writer(DictDB db, int owner, Map<Long, Map<String, Object>> mine, Random random, AtomicLong writes) {
            this.db = db;
            this.items = db.getTable("items");
            this.owner = owner;
            this.mine = mine;
            this.random = random;
            this.writes = writes;
            this.pairA = owner * RANGE + RANGE - 1;
            this.pairB = owner * RANGE + RANGE - 2;
        }

        void setUp() {
            for (long key : new long[]{pairA, pairB}) {
                Map<String, Object> row = row(key, 0);
                row.put("pair", 0L);
                items.insert(row);
                mine.put(key, row);
            }
        }

        private Map<String, Object> row(long key, long value) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", key);
            r.put("owner", (long) owner);
            r.put("slot", key - owner * RANGE);
            r.put("value", value);
            r.put("check", -value);
            r.put("tag", "t" + random.nextInt(4));
            return r;
        }

        private long randomKey() {
            return owner * RANGE + random.nextInt(SLOTS);
        }

        private Condition slotRange(long from, long to) {
            return Field.of("owner").eq(owner).and(Field.of("slot").between(from, to));
        }

        void step() {
            writes.incrementAndGet();
            switch (random.nextInt(9)) {
                case 0:
                    insert();
                    break;
                case 1:
                    insertAll();
                    break;
                case 2:
                    updateByKey();
                    break;
                case 3:
                    updateRange();
                    break;
                case 4:
                    deleteRange();
                    break;
                case 5:
                    upsert();
                    break;
                case 6:
                    transfer();
                    break;
                default:
                    transaction(random.nextInt(4) == 0);
            }
        }

        private void insert() {
            long key = randomKey();
            Map<String, Object> r = row(key, random.nextInt(1000));
            if (mine.containsKey(key)) {
                assertThatThrownBy(() -> items.insert(r)).isInstanceOf(DuplicateKeyException.class);
            } else {
                assertThat(items.insert(r)).isEqualTo(key);
                mine.put(key, r);
            }
        }

        private void insertAll() {
            List<Map<String, Object>> batch = new ArrayList<>();
            Map<Long, Map<String, Object>> fresh = new LinkedHashMap<>();
            boolean duplicate = false;
            int size = 1 + random.nextInt(30);
            for (int i = 0; i < size; i++) {
                long key = randomKey();
                duplicate |= mine.containsKey(key) || fresh.containsKey(key);
                Map<String, Object> r = row(key, random.nextInt(1000));
                batch.add(r);
                fresh.put(key, r);
            }
            if (duplicate) {
                assertThatThrownBy(() -> items.insertAll(batch)).isInstanceOf(DuplicateKeyException.class);
            } else {
                assertThat(items.insertAll(batch)).containsExactlyElementsOf(fresh.keySet());
                mine.putAll(fresh);
            }
        }

        private void updateByKey() {
            long key = randomKey();
            long value = random.nextInt(1000);
            Map<String, Object> changes = Map.of("value", value, "check", -value);
            if (mine.containsKey(key)) {
                assertThat(items.update(changes, Field.of("id").eq(key))).isEqualTo(1);
                mine.get(key).putAll(changes);
            } else {
                assertThatThrownBy(() -> items.update(changes, Field.of("id").eq(key)))
                        .isInstanceOf(RecordNotFoundException.class);
            }
        }

        private List<Long> inRange(long from, long to) {
            List<Long> keys = new ArrayList<>();
            for (Long k : mine.keySet()) {
                long slot = k - owner * RANGE;
                if (slot >= from && slot <= to) {
                    keys.add(k);
                }
            }
            return keys;
        }

        private void updateRange() {
            long from = random.nextInt(SLOTS);
            long to = from + random.nextInt(40);
            List<Long> keys = inRange(from, to);
            if (keys.isEmpty()) {
                assertThatThrownBy(() -> items.update(slotRange(from, to), r -> Map.of()))
                        .isInstanceOf(RecordNotFoundException.class);
                return;
            }
            int n = items.update(slotRange(from, to), r -> {
                long v = r.getLong("value") + 1;
                return Map.of("value", v, "check", -v);
            });
            assertThat(n).isEqualTo(keys.size());
            for (long k : keys) {
                Map<String, Object> r = mine.get(k);
                long v = (Long) r.get("value") + 1;
                r.put("value", v);
                r.put("check", -v);
            }
        }

        private void deleteRange() {
            long from = random.nextInt(SLOTS);
            long to = from + random.nextInt(10);
            List<Long> keys = inRange(from, to);
            keys.removeIf(k -> k == pairA || k == pairB);
            if (keys.isEmpty()) {
                assertThatThrownBy(() -> items.delete(slotRange(from, to)))
                        .isInstanceOf(RecordNotFoundException.class);
                return;
            }
            assertThat(items.delete(slotRange(from, to))).isEqualTo(keys.size());
            keys.forEach(mine::remove);
        }

        private void upsert() {
            long key = randomKey();
            long value = random.nextInt(1000);
            Map<String, Object> r = row(key, value);
            UpsertResult result = items.upsert(r, OnConflict.UPDATE);
            assertThat(result.key()).isEqualTo(key);
            if (mine.containsKey(key)) {
                assertThat(result.action()).isEqualTo(UpsertResult.Action.UPDATED);
                mine.get(key).putAll(r);
            } else {
                assertThat(result.action()).isEqualTo(UpsertResult.Action.INSERTED);
                mine.put(key, r);
            }
        }

        /** Moves an amount between the writer's two pair rows, in a transaction, sometimes aborting midway. */
        private void transfer() {
            long amount = 1 + random.nextInt(50);
            boolean abort = random.nextInt(5) == 0;
            RuntimeException abortSignal = new IllegalStateException("abort");
            try {
                db.transaction(tx -> {
                    Table t = tx.getTable("items");
                    long a = t.get(pairA).orElseThrow().getLong("pair");
                    long b = t.get(pairB).orElseThrow().getLong("pair");
                    t.update(Map.of("pair", a - amount), Field.of("id").eq(pairA));
                    Thread.yield();
                    if (abort) {
                        throw abortSignal;
                    }
                    t.update(Map.of("pair", b + amount), Field.of("id").eq(pairB));
                });
                assertThat(abort).isFalse();
                mine.get(pairA).put("pair", (Long) mine.get(pairA).get("pair") - amount);
                mine.get(pairB).put("pair", (Long) mine.get(pairB).get("pair") + amount);
            } catch (IllegalStateException e) {
                assertThat(e).isSameAs(abortSignal);
            }
        }

        /** A few writes in one transaction; aborted ones must leave nothing. */
        private void transaction(boolean abort) {
            Map<Long, Map<String, Object>> after = new TreeMap<>();
            mine.forEach((k, v) -> after.put(k, new LinkedHashMap<>(v)));
            RuntimeException abortSignal = new IllegalStateException("abort");
            int writesInTx = 1 + random.nextInt(4);
            try {
                db.transaction(tx -> {
                    Table t = tx.getTable("items");
                    for (int i = 0; i < writesInTx; i++) {
                        long key = randomKey();
                        if (key == pairA || key == pairB) {
                            continue;
                        }
                        if (!after.containsKey(key)) {
                            Map<String, Object> r = row(key, random.nextInt(1000));
                            t.insert(r);
                            after.put(key, r);
                        } else if (random.nextBoolean()) {
                            t.delete(Field.of("id").eq(key));
                            after.remove(key);
                        } else {
                            long v = random.nextInt(1000);
                            t.update(Map.of("value", v, "check", -v, "tag", "tx"), Field.of("id").eq(key));
                            after.get(key).putAll(Map.of("value", v, "check", -v, "tag", "tx"));
                        }
                    }
                    // Reads inside the transaction see its own writes.
                    assertThat(t.select().where(Field.of("owner").eq(owner)).count()).isEqualTo(after.size());
                    if (abort) {
                        throw abortSignal;
                    }
                });
                assertThat(abort).isFalse();
                mine.clear();
                mine.putAll(after);
            } catch (IllegalStateException e) {
                assertThat(e).isSameAs(abortSignal);
            }
        }
    }
}
