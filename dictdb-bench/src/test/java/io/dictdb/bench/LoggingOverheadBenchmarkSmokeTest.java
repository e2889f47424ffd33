package io.dictdb.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.dictdb.Row;
import io.dictdb.logging.DictDBLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link LoggingOverheadBenchmark} outside JMH on a tiny table, for both logging set-ups: the states set up
 * and tear down cleanly, each benchmark returns what it should, and the {@code info} set-up writes INFO events
 * (and no DEBUG event) to its file. No timing is asserted.
 */
class LoggingOverheadBenchmarkSmokeTest {
    private static final int ROWS = 1000;

    @Test
    void theBenchmarksAreTheGetTheIndexedSelectAndTheInsert() {
        assertThat(Arrays.stream(LoggingOverheadBenchmark.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class)).map(Method::getName))
                .containsExactlyInAnyOrder("pkGet", "indexedEqNoCopy", "insertOne");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "info"})
    void everyBenchmarkRunsAndReturnsTheExpectedRows(String logging) throws Exception {
        Logger dictdb = (Logger) LoggerFactory.getLogger(DictDBLogging.LOGGER_NAME);
        Level levelBefore = dictdb.getLevel();
        LoggingOverheadBenchmark bench = new LoggingOverheadBenchmark();
        LoggingOverheadBenchmark.LoggedDb s = new LoggingOverheadBenchmark.LoggedDb();
        s.logging = logging;
        s.rows = ROWS;
        s.setup();
        try {
            for (int iteration = 0; iteration < 2; iteration++) {
                s.freshInsertTable();
                for (int i = 0; i < 10; i++) {
                    int cursor = s.cursor;
                    Long key = s.keys[cursor & LoggingOverheadBenchmark.LoggedDb.KEY_MASK];
                    Optional<Row> row = bench.pkGet(s);
                    assertThat(s.cursor).isEqualTo(cursor + 1);
                    assertThat(row).isPresent();
                    assertThat(row.get().getLong("id")).isEqualTo(key);

                    List<Row> eq = bench.indexedEqNoCopy(s);
                    assertThat(eq).hasSize((int) s.expectedEq)
                            .allSatisfy(r -> assertThat(r.getLong("age")).isEqualTo(30L));

                    assertThat(bench.insertOne(s)).isEqualTo((long) i + 1);
                }
                assertThat(s.inserts.count()).isEqualTo(10);
            }
            if (logging.equals("none")) {
                assertThat(dictdb.getLevel()).isEqualTo(Level.OFF);
            } else {
                assertThat(dictdb.getLevel()).isEqualTo(Level.INFO);
                List<String> lines = Files.readAllLines(s.logDir.resolve("dictdb.log"));
                assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{")
                        .contains("\"level\":\"INFO\"").contains("\"logger\":\"io.dictdb.schema\""));
                assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"op\":\"createTable\"")
                        .contains("\"table\":\"people\""));
            }
        } finally {
            s.tearDown();
        }
        assertThat(dictdb.getLevel()).isEqualTo(levelBefore);
        if (logging.equals("info")) {
            assertThat(s.logDir).doesNotExist();
        }
    }

    @Test
    void theDictDBLoggersAreOffForTheOtherBenchmarks() {
        Logger dictdb = (Logger) LoggerFactory.getLogger(DictDBLogging.LOGGER_NAME);
        assertThat(dictdb.getEffectiveLevel()).isEqualTo(Level.OFF);
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
    }
}
