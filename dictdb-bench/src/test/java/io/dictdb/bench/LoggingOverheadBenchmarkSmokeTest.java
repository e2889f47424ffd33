package io.dictdb.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.dictdb.Row;
import io.dictdb.logging.DictDBLogging;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link LoggingOverheadBenchmark} outside JMH on a tiny table: the state sets up and tears down cleanly,
 * switches between the two logging set-ups as {@link LoggingSchedule} says, each benchmark returns what it should
 * under both, and the INFO set-up writes INFO events (and no DEBUG event) to its file. No timing is asserted.
 */
class LoggingOverheadBenchmarkSmokeTest {
    private static final int ROWS = 1000;

    @Test
    void theBenchmarksAreTheGetTheIndexedSelectAndTheInsert() {
        assertThat(Arrays.stream(LoggingOverheadBenchmark.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class)).map(Method::getName))
                .containsExactlyInAnyOrder("pkGet", "indexedEqNoCopy", "insertOne");
    }

    @Test
    void theScheduleMeasuresBothSetUpsTwicePerBlockInMirroredOrder() {
        List<Boolean> measured = new ArrayList<>();
        for (int i = 0; i < LoggingSchedule.MEASURED_ITERATIONS; i++) {
            measured.add(LoggingSchedule.infoAt(i));
        }
        assertThat(measured.subList(0, LoggingSchedule.BLOCK)).containsExactly(false, true, true, false);
        assertThat(LoggingSchedule.MEASURED_ITERATIONS % LoggingSchedule.BLOCK).isZero();
        assertThat(measured.stream().filter(info -> info).count())
                .isEqualTo(LoggingSchedule.MEASURED_ITERATIONS / 2);
    }

    @Test
    void everyBenchmarkRunsUnderBothSetUpsAndTheStateFollowsTheSchedule() throws Exception {
        Logger dictdb = (Logger) LoggerFactory.getLogger(DictDBLogging.LOGGER_NAME);
        Level levelBefore = dictdb.getLevel();
        LoggingOverheadBenchmark bench = new LoggingOverheadBenchmark();
        LoggingOverheadBenchmark.LoggedDb s = new LoggingOverheadBenchmark.LoggedDb();
        s.rows = ROWS;
        s.setup();
        Path logFile = s.logDir.resolve("dictdb.log");
        try {
            List<IterationParams> iterations = List.of(
                    iteration(IterationType.WARMUP), iteration(IterationType.WARMUP),
                    iteration(IterationType.MEASUREMENT), iteration(IterationType.MEASUREMENT),
                    iteration(IterationType.MEASUREMENT), iteration(IterationType.MEASUREMENT));
            List<Boolean> expected = List.of(false, true, false, true, true, false);
            for (int it = 0; it < iterations.size(); it++) {
                s.nextIteration(iterations.get(it));
                assertThat(s.info).isEqualTo(expected.get(it));
                assertThat(dictdb.getLevel()).isEqualTo(s.info ? Level.INFO : Level.OFF);
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
            List<String> lines = Files.readAllLines(logFile);
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{")
                    .contains("\"level\":\"INFO\"").contains("\"logger\":\"io.dictdb.schema\""));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"op\":\"createTable\"")
                    .contains("\"table\":\"inserts\""));
            long infoIterations = expected.stream().filter(info -> info).count();
            assertThat(lines.stream().filter(line -> line.contains("\"op\":\"createTable\"")))
                    .as("one createTable event per INFO iteration, none in OFF iterations")
                    .hasSize((int) infoIterations);
        } finally {
            s.tearDown();
        }
        assertThat(dictdb.getLevel()).isEqualTo(levelBefore);
        assertThat(s.logDir).doesNotExist();
    }

    private static IterationParams iteration(IterationType type) {
        return new IterationParams(type, 1, TimeValue.seconds(1), 1);
    }

    @Test
    void theDictDBLoggersAreOffForTheOtherBenchmarks() {
        Logger dictdb = (Logger) LoggerFactory.getLogger(DictDBLogging.LOGGER_NAME);
        assertThat(dictdb.getEffectiveLevel()).isEqualTo(Level.OFF);
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
    }
}
