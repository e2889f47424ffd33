package io.dictdb.concurrency;

import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.TableNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An exception inside a transaction rolls back everything it did (rows, key counter, indexes, tables created or
 * dropped) and is rethrown unchanged; other threads never see its writes; a nested transaction that fails rolls
 * back only its own writes.
 */
class TransactionRollbackTest {

    /** What a test can observe of the database, to compare before and after. */
    private record Snapshot(List<String> tables, List<Row> users, List<Row> others, List<String> userIndexes,
                            Optional<IndexType> ageIndex, long userCount, List<Row> adults) {
        static Snapshot of(DictDB db) {
            Table users = db.getTable("users");
            return new Snapshot(db.listTables(), users.all(), db.getTable("others").all(), users.indexedFields(),
                    users.indexType("age"), users.count(),
                    users.select().where(Field.of("age").gte(18)).orderBy("-age").list());
        }
    }

    private static DictDB populated() {
        DictDB db = new DictDB();
        Table users = db.createTable("users");
        users.insertAll(List.of(
                Map.of("name", "Ann", "age", 34L),
                Map.of("name", "Bob", "age", 17L),
                Map.of("name", "Cid", "age", 52L)));
        users.createIndex("age", IndexType.SORTED);
        db.createTable("others").insert(Map.of("x", 1L));
        return db;
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anExceptionInsideATransactionLeavesNoTraceAndIsRethrownUnchanged() throws Exception {
        try (DictDB db = populated()) {
            Table users = db.getTable("users");
            Snapshot before = Snapshot.of(db);
            RuntimeException boom = new IllegalArgumentException("boom");
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch observed = new CountDownLatch(1);
            AtomicReference<Snapshot> seenByOtherThread = new AtomicReference<>();
            AtomicReference<Throwable> observerFailure = new AtomicReference<>();
            Thread observer = new Thread(() -> {
                try {
                    written.await();
                    seenByOtherThread.set(Snapshot.of(db));
                    assertThat(db.hasTable("temp")).isFalse();
                } catch (Throwable e) {
                    observerFailure.set(e);
                } finally {
                    observed.countDown();
                }
            });
            observer.start();

            assertThatThrownBy(() -> db.transaction(tx -> {
                Table u = tx.getTable("users");
                assertThat(u.insert(Map.of("name", "Dan", "age", 40L))).isEqualTo(4L);
                assertThat(u.insertAll(List.of(Map.of("name", "Eve", "age", 29L), Map.of("name", "Fay"))))
                        .containsExactly(5L, 6L);
                assertThat(u.update(Map.of("age", 99L), Field.of("name").eq("Ann"))).isEqualTo(1);
                assertThat(u.delete(Field.of("name").eq("Bob"))).isEqualTo(1);
                u.upsert(Map.of("id", 3L, "name", "Cid II"));
                u.insert(Map.of("id", 100L, "name", "Explicit"));
                u.createIndex("name", IndexType.HASH);
                u.dropIndex("age");
                db.createTable("temp").insert(Map.of("y", 2L));
                tx.getTable("temp").insert(Map.of("y", 3L));
                db.dropTable("others");
                // A free handle used on the transaction's thread joins the transaction.
                users.insert(Map.of("name", "Via free handle"));
                // Reads inside see the transaction's own writes.
                assertThat(u.count()).isEqualTo(7);
                assertThat(u.get(101L)).isPresent();
                assertThat(u.hasIndex("name")).isTrue();
                assertThat(u.hasIndex("age")).isFalse();
                assertThat(tx.hasTable("temp")).isTrue();
                assertThat(tx.hasTable("others")).isFalse();
                assertThat(tx.getTable("temp").count()).isEqualTo(2);
                // Meanwhile another thread sees none of it.
                written.countDown();
                try {
                    assertThat(observed.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                throw boom;
            })).isSameAs(boom);

            observer.join(10_000);
            assertThat(observerFailure.get()).isNull();
            assertThat(seenByOtherThread.get()).isEqualTo(before);

            Snapshot after = Snapshot.of(db);
            assertThat(after).isEqualTo(before);
            assertThat(db.hasTable("temp")).isFalse();
            assertThatThrownBy(() -> db.getTable("temp")).isInstanceOf(TableNotFoundException.class);
            assertThat(users.hasIndex("name")).isFalse();
            assertThat(users.get(100L)).isEmpty();
            // The key counter is back where it was: keys 4..101 were never committed.
            assertThat(users.insert(Map.of("name", "Next"))).isEqualTo(4L);
            // The restored index still answers correctly.
            assertThat(users.select().where(Field.of("age").between(18, 60)).list())
                    .extracting(r -> r.getString("name")).containsExactly("Ann", "Cid");
            // The table created inside can now be created for real.
            db.createTable("temp");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anErrorInsideATransactionRollsBackToo() {
        try (DictDB db = populated()) {
            Snapshot before = Snapshot.of(db);
            Error error = new AssertionError("an Error, not an Exception");
            assertThatThrownBy(() -> db.transactionResult(tx -> {
                tx.getTable("users").insert(Map.of("name", "Zed", "age", 20L));
                tx.getTable("users").createIndex("name");
                db.createTable("temp");
                throw error;
            })).isSameAs(error);
            assertThat(Snapshot.of(db)).isEqualTo(before);
            assertThat(db.getTable("users").insert(Map.of("name", "Next"))).isEqualTo(4L);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFailingWriteInsideATransactionRollsBackOnlyItselfWhenCaught() {
        try (DictDB db = populated()) {
            db.transaction(tx -> {
                Table u = tx.getTable("users");
                u.insert(Map.of("name", "Dan"));
                // An atomic bulk insert failing on a duplicate key inside the transaction: nothing of it remains,
                // and its auto keys are not consumed.
                assertThatThrownBy(() -> u.insertAll(List.of(Map.of("name", "Tmp"), Map.of("id", 1L))))
                        .isInstanceOf(io.dictdb.DuplicateKeyException.class);
                assertThat(u.count()).isEqualTo(4);
                assertThat(u.insert(Map.of("name", "Eve"))).isEqualTo(5L);
            });
            Table users = db.getTable("users");
            assertThat(users.all()).extracting(r -> r.getString("name"))
                    .containsExactly("Ann", "Bob", "Cid", "Dan", "Eve");
            assertThat(users.select().where(Field.of("age").isNull()).count()).isEqualTo(2);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFailingNestedTransactionRollsBackOnlyItsOwnWrites() {
        try (DictDB db = new DictDB()) {
            Table t = db.createTable("t");
            RuntimeException inner = new IllegalStateException("inner fails");
            db.transaction(outer -> {
                Table o = outer.getTable("t");
                assertThat(o.insert(Map.of("name", "A", "n", 1L))).isEqualTo(1L);
                assertThatThrownBy(() -> db.transaction(nested -> {
                    Table n = nested.getTable("t");
                    assertThat(n.insert(Map.of("name", "B", "n", 2L))).isEqualTo(2L);
                    n.update(Map.of("name", "A changed"), Field.of("name").eq("A"));
                    n.createIndex("name", IndexType.SORTED);
                    db.createTable("created_inside");
                    assertThat(n.count()).isEqualTo(2);
                    throw inner;
                })).isSameAs(inner);
                // The outer transaction goes on, without any of the nested writes.
                assertThat(o.all()).isEqualTo(List.of(row(1L, "A", 1L)));
                assertThat(o.hasIndex("name")).isFalse();
                assertThat(outer.hasTable("created_inside")).isFalse();
                assertThat(o.insert(Map.of("name", "C", "n", 3L))).isEqualTo(2L);
            });
            assertThat(t.all()).isEqualTo(List.of(row(1L, "A", 1L), row(2L, "C", 3L)));
            assertThat(t.indexedFields()).isEmpty();
            assertThat(db.listTables()).containsExactly("t");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSucceedingNestedTransactionIsRolledBackWithItsFailingParent() {
        try (DictDB db = new DictDB()) {
            Table t = db.createTable("t");
            t.insert(Map.of("name", "kept", "n", 0L));
            RuntimeException outerFailure = new IllegalStateException("outer fails");
            assertThatThrownBy(() -> db.transaction(outer -> {
                outer.getTable("t").insert(Map.of("name", "A", "n", 1L));
                db.transaction(nested -> {
                    nested.getTable("t").insert(Map.of("name", "B", "n", 2L));
                    nested.getTable("t").createIndex("n");
                });
                assertThat(outer.getTable("t").count()).isEqualTo(3);
                assertThat(outer.getTable("t").hasIndex("n")).isTrue();
                throw outerFailure;
            })).isSameAs(outerFailure);
            assertThat(t.all()).isEqualTo(List.of(row(1L, "kept", 0L)));
            assertThat(t.hasIndex("n")).isFalse();
            assertThat(t.insert(Map.of("name", "next"))).isEqualTo(2L);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void threeLevelsWithTheMiddleOneFailingKeepTheOuterWritesOnly() {
        try (DictDB db = new DictDB()) {
            Table t = db.createTable("t");
            RuntimeException middleFailure = new IllegalStateException("middle fails");
            int result = db.transactionResult(outer -> {
                outer.getTable("t").insert(Map.of("name", "outer", "n", 1L));
                assertThatThrownBy(() -> db.transaction(middle -> {
                    middle.getTable("t").insert(Map.of("name", "middle", "n", 2L));
                    db.transaction(innermost -> innermost.getTable("t").insert(Map.of("name", "innermost", "n", 3L)));
                    assertThat(middle.getTable("t").count()).isEqualTo(3);
                    throw middleFailure;
                })).isSameAs(middleFailure);
                outer.getTable("t").insert(Map.of("name", "outer again", "n", 4L));
                return (int) outer.getTable("t").count();
            });
            assertThat(result).isEqualTo(2);
            assertThat(t.all()).extracting(r -> r.getString("name")).containsExactly("outer", "outer again");
            assertThat(t.all()).extracting(r -> r.get("id")).containsExactly(1L, 2L);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTransactionsWritesBecomeVisibleToOtherThreadsOnlyAtCommit() throws Exception {
        try (DictDB db = new DictDB()) {
            Table t = db.createTable("t");
            CountDownLatch firstWriteDone = new CountDownLatch(1);
            CountDownLatch checked = new CountDownLatch(1);
            AtomicReference<Long> seenDuring = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    firstWriteDone.await();
                    seenDuring.set(t.count() + t.select().where(Field.of("n").gte(0)).count());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    checked.countDown();
                }
            });
            reader.start();
            db.transaction(tx -> {
                tx.getTable("t").insertAll(List.of(Map.of("n", 1L), Map.of("n", 2L)));
                firstWriteDone.countDown();
                try {
                    assertThat(checked.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                tx.getTable("t").insert(Map.of("n", 3L));
            });
            reader.join(10_000);
            assertThat(seenDuring.get()).isZero();
            assertThat(t.count()).isEqualTo(3);
        }
    }

    private static Map<String, Object> row(long id, String name, long n) {
        return Map.of("id", id, "name", name, "n", n);
    }
}
