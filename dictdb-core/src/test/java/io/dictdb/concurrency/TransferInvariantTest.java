package io.dictdb.concurrency;

import io.dictdb.Aggregate;
import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers between accounts run in transactions (a read of both balances, then two updates, some transfers
 * aborted between the two updates) while readers sum all balances in many ways: every reader must always see the
 * same total, i.e. never a half-applied transfer.
 */
class TransferInvariantTest {
    private static final int ACCOUNTS = 10;
    private static final long INITIAL = 1000;
    private static final long TOTAL = ACCOUNTS * INITIAL;
    private static final int TRANSFER_THREADS = 4;
    private static final int TRANSFERS_PER_THREAD = 1500;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void readersNeverSeeAHalfAppliedTransfer() throws Exception {
        try (DictDB db = new DictDB()) {
            Table accounts = db.createTable("accounts");
            List<Map<String, Object>> initial = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                initial.add(Map.of("owner", "owner" + i, "balance", INITIAL));
            }
            accounts.insertAll(initial);
            accounts.createIndex("balance", IndexType.SORTED);
            long[][] net = new long[TRANSFER_THREADS][ACCOUNTS + 1];
            AtomicInteger transfersRunning = new AtomicInteger(TRANSFER_THREADS);
            AtomicBoolean writersDone = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            AtomicLong committed = new AtomicLong();
            Workers workers = new Workers();
            for (int w = 0; w < TRANSFER_THREADS; w++) {
                int writer = w;
                Random random = new Random(42 + w);
                workers.add("transfers-" + w, () -> {
                    try {
                        for (int i = 0; i < TRANSFERS_PER_THREAD && !workers.anyFailed(); i++) {
                            long from = 1 + random.nextInt(ACCOUNTS);
                            long to = 1 + random.nextInt(ACCOUNTS - 1);
                            if (to >= from) {
                                to++;
                            }
                            long amount = 1 + random.nextInt(100);
                            boolean abort = random.nextInt(10) == 0;
                            if (transfer(db, from, to, amount, abort)) {
                                net[writer][(int) from] -= amount;
                                net[writer][(int) to] += amount;
                                committed.incrementAndGet();
                            }
                        }
                    } finally {
                        if (transfersRunning.decrementAndGet() == 0) {
                            writersDone.set(true);
                        }
                    }
                });
            }
            for (int r = 0; r < 3; r++) {
                int reader = r;
                workers.add("reader-" + r, () -> {
                    while (!writersDone.get() && !workers.anyFailed()) {
                        assertThat(total(db, accounts, (int) (reads.get() + reader) % 5))
                                .as("total seen by reader %d", reader).isEqualTo(TOTAL);
                        reads.incrementAndGet();
                    }
                });
            }
            workers.start().join(80, TimeUnit.SECONDS);

            assertThat(committed.get()).isGreaterThan(TRANSFER_THREADS * TRANSFERS_PER_THREAD / 2);
            assertThat(reads.get()).isGreaterThan(50);
            for (int a = 1; a <= ACCOUNTS; a++) {
                long expected = INITIAL;
                for (long[] n : net) {
                    expected += n[a];
                }
                assertThat(accounts.get((long) a).orElseThrow().getLong("balance")).as("account %d", a)
                        .isEqualTo(expected);
            }
            for (int kind = 0; kind < 5; kind++) {
                assertThat(total(db, accounts, kind)).isEqualTo(TOTAL);
            }
        }
    }

    /** One transfer in a transaction; true when it committed. */
    private static boolean transfer(DictDB db, long from, long to, long amount, boolean abort) {
        RuntimeException abortSignal = new IllegalStateException("transfer aborted");
        try {
            db.transaction(tx -> {
                Table t = tx.getTable("accounts");
                long a = t.get(from).orElseThrow().getLong("balance");
                long b = t.get(to).orElseThrow().getLong("balance");
                assertThat(t.update(Map.of("balance", a - amount), Field.of("id").eq(from))).isEqualTo(1);
                Thread.yield(); // widen the window in which a half-applied transfer could be seen
                if (abort) {
                    throw abortSignal;
                }
                assertThat(t.update(Field.of("id").eq(to), row -> Map.of("balance", row.getLong("balance") + amount)))
                        .isEqualTo(1);
                assertThat(t.get(to).orElseThrow().getLong("balance")).isEqualTo(b + amount);
            });
            return true;
        } catch (IllegalStateException e) {
            assertThat(e).isSameAs(abortSignal);
            return false;
        }
    }

    /** The sum of all balances, read in one of several ways, each of which reads one snapshot. */
    private static long total(DictDB db, Table accounts, int kind) {
        switch (kind) {
            case 0: {
                List<Row> rows = accounts.select().list();
                assertThat(rows).hasSize(ACCOUNTS);
                return rows.stream().mapToLong(r -> r.getLong("balance")).sum();
            }
            case 1:
                return accounts.aggregate().agg("total", Aggregate.sum("balance")).one().getLong("total");
            case 2: {
                // Through the SORTED index on balance (ORDER BY ... LIMIT walks it).
                List<Row> rows = accounts.select().orderBy("-balance").limit(ACCOUNTS).copy(false).list();
                assertThat(rows).hasSize(ACCOUNTS);
                return rows.stream().mapToLong(r -> r.getLong("balance")).sum();
            }
            case 3: {
                // A range over the index: balances may go negative, so ask for both halves in one query.
                List<Row> rows = accounts.select()
                        .where(Field.of("balance").lt(500).or(Field.of("balance").gte(500))).list();
                assertThat(rows).hasSize(ACCOUNTS);
                return rows.stream().mapToLong(r -> r.getLong("balance")).sum();
            }
            default:
                // A read-only transaction reading the accounts one by one.
                return db.transactionResult(tx -> {
                    long sum = 0;
                    for (long id = 1; id <= ACCOUNTS; id++) {
                        sum += tx.getTable("accounts").get(id).orElseThrow().getLong("balance");
                    }
                    return sum;
                });
        }
    }
}
