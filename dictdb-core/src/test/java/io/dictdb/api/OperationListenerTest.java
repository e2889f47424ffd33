package io.dictdb.api;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dictdb.Aggregate;
import io.dictdb.CsvOptions;
import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.DuplicateKeyException;
import io.dictdb.DuplicateTableException;
import io.dictdb.OnConflict;
import io.dictdb.OperationEvent;
import io.dictdb.OperationListener;
import io.dictdb.RecordNotFoundException;
import io.dictdb.Table;
import io.dictdb.TableNotFoundException;
import io.dictdb.internal.engine.OperationListeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link OperationListener}: one event per operation, with its table, name, rows, duration and outcome; failures
 * flagged; a throwing listener logged and ignored; listeners per database and removable.
 */
class OperationListenerTest {
    private final List<OperationEvent> events = new CopyOnWriteArrayList<>();
    private final OperationListener recorder = events::add;
    private DictDB db;

    @BeforeEach
    void open() {
        db = new DictDB();
        db.addOperationListener(recorder);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyOperationIsReportedOnceWithItsTableAndRows() {
        Table users = db.createTable("users");
        users.insert(rec("name", "Alice", "age", 30));
        users.insertAll(List.of(rec("name", "Bob", "age", 25), rec("name", "Chloé", "age", 41)));
        users.upsert(rec("id", 1L, "age", 31));
        users.upsert(rec("id", 2L, "age", 99), OnConflict.IGNORE);
        users.createIndex("age");
        users.get(1L);
        users.get(42L);
        users.select(users.field("age").gte(30));
        users.select().where(users.field("age").lt(30)).first();
        users.select().count();
        users.aggregate().groupBy("age").agg("n", Aggregate.count()).list();
        users.aggregate().agg("n", Aggregate.count()).one();
        users.update(Map.of("dept", "IT"), users.field("age").gte(30));
        users.update(users.field("name").eq("Bob"), row -> Map.of("dept", "HR"));
        users.dropIndex("age");
        users.delete(users.field("name").eq("Bob"));
        users.delete();
        db.dropTable("users");

        assertThat(events).extracting(OperationEvent::table).containsOnly("users");
        assertThat(events).extracting(OperationEvent::operation, OperationEvent::rows, OperationEvent::failed)
                .containsExactly(
                        tuple("createTable", 0L, false),
                        tuple("insert", 1L, false),
                        tuple("insertAll", 2L, false),
                        tuple("upsert", 1L, false),
                        tuple("upsert", 0L, false),
                        tuple("createIndex", 0L, false),
                        tuple("get", 1L, false),
                        tuple("get", 0L, false),
                        tuple("select", 2L, false),
                        tuple("select", 1L, false),
                        tuple("select", 3L, false),
                        tuple("aggregate", 3L, false),
                        tuple("aggregate", 1L, false),
                        tuple("update", 2L, false),
                        tuple("update", 1L, false),
                        tuple("dropIndex", 0L, false),
                        tuple("delete", 1L, false),
                        tuple("delete", 2L, false),
                        tuple("dropTable", 0L, false));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.durationNanos()).isNotNegative();
            assertThat(e.duration().toNanos()).isEqualTo(e.durationNanos());
        });
    }

    @Test
    void failedOperationsAreFlaggedWithNoRowsAndTheExceptionStillReachesTheCaller() {
        Table users = db.createTable("users");
        users.insert(rec("id", 1L, "name", "Alice"));
        events.clear();

        assertThatThrownBy(() -> users.insert(rec("id", 1L, "name", "Again")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> users.insertAll(List.of(rec("id", 2L), rec("id", 1L))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> users.upsert(rec("id", 1L), OnConflict.ERROR))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> users.update(Map.of("x", 1), users.field("name").eq("nobody")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> users.delete(users.field("name").eq("nobody")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> users.dropIndex("name")).isInstanceOf(DictDBException.class);
        assertThatThrownBy(() -> db.createTable("users")).isInstanceOf(DuplicateTableException.class);
        assertThatThrownBy(() -> db.dropTable("ghost")).isInstanceOf(TableNotFoundException.class);
        assertThat(users.count()).isEqualTo(1);
        db.dropTable("users");
        assertThatThrownBy(() -> users.get(1L)).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> users.select().list()).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> users.aggregate().agg("n", Aggregate.count()).one())
                .isInstanceOf(TableNotFoundException.class);

        assertThat(events).extracting(OperationEvent::table, OperationEvent::operation, OperationEvent::failed)
                .containsExactly(
                        tuple("users", "insert", true),
                        tuple("users", "insertAll", true),
                        tuple("users", "upsert", true),
                        tuple("users", "update", true),
                        tuple("users", "delete", true),
                        tuple("users", "dropIndex", true),
                        tuple("users", "createTable", true),
                        tuple("ghost", "dropTable", true),
                        tuple("users", "dropTable", false),
                        tuple("users", "get", true),
                        tuple("users", "select", true),
                        tuple("users", "aggregate", true));
        assertThat(events).filteredOn(OperationEvent::failed).extracting(OperationEvent::rows).containsOnly(0L);
    }

    @Test
    void aThrowingListenerIsLoggedAtWarnAndBreaksNothing() {
        Logger logger = (Logger) LoggerFactory.getLogger(OperationListeners.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        try {
            db.addOperationListener(event -> {
                throw new IllegalStateException("listener bug");
            });
            db.removeOperationListener(recorder);
            db.addOperationListener(recorder);   // now after the throwing one: still called

            Table users = db.createTable("users");
            Object key = users.insert(rec("name", "Alice"));
            assertThat(users.get(key)).isPresent();
            assertThat(users.select().list()).hasSize(1);

            assertThat(events).extracting(OperationEvent::operation)
                    .containsExactly("createTable", "insert", "get", "select");
            assertThat(appender.list).hasSize(4).allSatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getThrowableProxy().getMessage()).isEqualTo("listener bug");
                assertThat(e.getFormattedMessage()).contains("users");
            });
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
        }
    }

    @Test
    void aRemovedListenerIsNoLongerCalledAndAddingTwiceCallsOnce() {
        Table t = db.createTable("t");
        db.addOperationListener(recorder);
        t.insert(rec("v", 1));
        assertThat(db.removeOperationListener(recorder)).isTrue();
        assertThat(db.removeOperationListener(recorder)).isFalse();
        t.insert(rec("v", 2));
        t.select().list();

        assertThat(events).extracting(OperationEvent::operation).containsExactly("createTable", "insert");
        assertThatThrownBy(() -> db.addOperationListener(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void listenersBelongToOneDatabase() {
        List<OperationEvent> other = new CopyOnWriteArrayList<>();
        try (DictDB second = new DictDB()) {
            second.addOperationListener(other::add);
            second.createTable("b").insert(rec("v", 1));
            db.createTable("a").insert(rec("v", 1));
        }
        assertThat(events).extracting(OperationEvent::table).containsOnly("a");
        assertThat(other).extracting(OperationEvent::table).containsOnly("b");
    }

    @Test
    void writesInsideATransactionAreReportedWhenTheyReturnEvenIfRolledBack() {
        Table t = db.createTable("t");
        events.clear();
        db.transaction(tx -> {
            tx.getTable("t").insert(rec("v", 1));
            assertThat(events).extracting(OperationEvent::operation).containsExactly("insert");
            tx.getTable("t").select().list();
        });
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.getTable("t").insert(rec("v", 2));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");

        assertThat(events).extracting(OperationEvent::operation, OperationEvent::rows, OperationEvent::failed)
                .containsExactly(tuple("insert", 1L, false), tuple("select", 1L, false), tuple("insert", 1L, false));
        assertThat(t.count()).isEqualTo(1);
    }

    @Test
    void importCsvIsReportedWithTheRowsImported(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "name,age\nAlice,30\nBob,25\n");

        db.importCsv(csv, "people", CsvOptions.builder().build());

        assertThat(events).extracting(OperationEvent::table, OperationEvent::operation, OperationEvent::rows)
                .containsExactly(tuple("people", "importCsv", 2L));
    }

    @Test
    void nothingIsReportedForCallsRejectedBeforeTheyStartOrForAnEmptyInsertAll() {
        Table t = db.createTable("t");
        events.clear();
        assertThatThrownBy(() -> t.insert(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> db.dropTable(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.insertAll(List.of())).isEmpty();

        assertThat(events).isEmpty();
    }

    @Test
    void eventsRejectNegativeOrMissingComponents() {
        assertThatThrownBy(() -> new OperationEvent(null, "get", 0, 0, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OperationEvent("t", "get", -1, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new OperationEvent("t", "get", 1, 5, false).duration().toNanos()).isEqualTo(5);
    }

    @Test
    void eventsOfConcurrentCallsAreAllReported() throws InterruptedException {
        Table t = db.createTable("t");
        events.clear();
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 250; n++) {
                    t.insert(rec("v", n));
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Long> byOperation = events.stream()
                .collect(Collectors.groupingBy(OperationEvent::operation, Collectors.counting()));
        assertThat(byOperation).containsExactly(Map.entry("insert", 1000L));
    }
}
