package io.dictdb.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dictdb.Aggregate;
import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.IndexType;
import io.dictdb.OnConflict;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's log events, captured at DEBUG through Logback: the expected events and structured fields are
 * there, and no record value or query operand ever appears in a message, an argument or a key/value.
 */
class LogEventsTest {
    private static final String SECRET = "s3cr3t-Value-4711";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger root;
    private Level previousLevel;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger("io.dictdb");
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
    }

    @Test
    void aFullWorkloadLogsStructuredEventsAndNeverAValue() {
        try (DictDB db = new DictDB()) {
            Table users = db.createTable("users");
            users.createIndex("email", IndexType.HASH);
            users.createIndex("age", IndexType.SORTED);
            users.insert(Map.of("name", SECRET, "email", SECRET + "@x", "age", 41));
            users.insertAll(List.of(Map.of("name", "a", "email", "a@x", "age", 20),
                    Map.of("name", "b", "email", SECRET, "age", 30)));
            users.upsert(Map.of("id", 1L, "name", SECRET + "2"), OnConflict.UPDATE);
            users.update(Map.of("name", SECRET + "3"), users.field("email").eq(SECRET));
            users.update(users.field("age").gte(30), row -> Map.of("note", SECRET));
            users.select().where(users.field("name").like(SECRET + "%")).list();
            users.select().where(Condition.or(users.field("email").eq(SECRET), users.field("age").between(1, 99)))
                    .orderBy("-age").limit(2).list();
            users.aggregate().where(users.field("name").ne(SECRET)).groupBy("age")
                    .agg("n", Aggregate.count()).list();
            db.transaction(tx -> tx.getTable("users").delete(tx.getTable("users").field("name").eq(SECRET + "3")));
            users.dropIndex("email");
            db.dropTable("users");
        }

        List<ILoggingEvent> events = new ArrayList<>(appender.list);
        assertThat(events).isNotEmpty();
        for (ILoggingEvent event : events) {
            assertThat(event.getFormattedMessage()).doesNotContain(SECRET);
            assertThat(event.getMessage()).doesNotContain(SECRET);
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair kv : event.getKeyValuePairs()) {
                    assertThat(String.valueOf(kv.value)).as(kv.key).doesNotContain(SECRET);
                }
            }
        }

        assertThat(loggers(events)).contains("io.dictdb.table", "io.dictdb.query", "io.dictdb.schema",
                "io.dictdb.transaction");
        ILoggingEvent bulk = events.stream()
                .filter(e -> "insert".equals(value(e, "op")) && Integer.valueOf(2).equals(value(e, "count")))
                .findFirst().orElseThrow();
        assertThat(bulk.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(value(bulk, "table")).isEqualTo("users");
        ILoggingEvent created = events.stream().filter(e -> "createTable".equals(value(e, "op"))).findFirst()
                .orElseThrow();
        assertThat(created.getLevel()).isEqualTo(Level.INFO);
        assertThat(events.stream().filter(e -> "select".equals(value(e, "op"))).map(e -> value(e, "durationMs")))
                .hasSize(2).allSatisfy(ms -> assertThat(ms).isInstanceOf(Double.class));
    }

    @Test
    void nothingIsLoggedAtDebugWhenTheLevelIsInfo() {
        root.setLevel(Level.INFO);
        try (DictDB db = new DictDB()) {
            Table t = db.createTable("t");
            t.insert(Map.of("v", 1));
            t.select().list();
        }
        assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.INFO);
        assertThat(appender.list).extracting(e -> value(e, "op")).containsExactly("createTable");
    }

    private static List<String> loggers(List<ILoggingEvent> events) {
        return events.stream().map(ILoggingEvent::getLoggerName).distinct().collect(Collectors.toList());
    }

    private static Object value(ILoggingEvent event, String key) {
        if (event.getKeyValuePairs() == null) {
            return null;
        }
        for (KeyValuePair kv : event.getKeyValuePairs()) {
            if (kv.key.equals(key)) {
                return kv.value;
            }
        }
        return null;
    }
}
