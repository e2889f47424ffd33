package io.dictdb.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SamplingTest extends LoggingTestSupport {
    private static final Logger LOG = LoggerFactory.getLogger("io.dictdb.table");

    @TempDir
    Path dir;

    private Path configure(String level, int every) {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder()
                .level(level).console(true).logFile(file).json(true).sampleDebugEvery(every).build());
        return file;
    }

    private static List<String> messages(List<String> lines, String level) {
        return jsonLines(lines).stream()
                .filter(e -> e.get("level").asText().equals(level))
                .map(e -> e.get("message").asText())
                .collect(Collectors.toList());
    }

    private static List<String> numbered(String prefix, int... numbers) {
        return IntStream.of(numbers).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    @Test
    void eachDestinationKeepsExactlyTheNthDebugEventsAndEveryOtherEvent() {
        try (StdoutCapture stdout = new StdoutCapture()) {
            Path file = configure("DEBUG", 4);

            for (int i = 1; i <= 40; i++) {
                LOG.atDebug().addKeyValue("i", i).log("debug " + i);
                if (i % 5 == 0) {
                    LOG.info("info " + i);
                    LOG.warn("warn " + i);
                    LOG.error("error " + i);
                }
            }

            List<String> expectedDebug = numbered("debug ", 4, 8, 12, 16, 20, 24, 28, 32, 36, 40);
            List<String> expectedInfo = numbered("info ", 5, 10, 15, 20, 25, 30, 35, 40);
            for (List<String> destination : List.of(stdout.lines(), lines(file))) {
                assertThat(messages(destination, "DEBUG")).containsExactlyElementsOf(expectedDebug);
                assertThat(messages(destination, "INFO")).containsExactlyElementsOf(expectedInfo);
                assertThat(messages(destination, "WARN")).hasSize(8);
                assertThat(messages(destination, "ERROR")).hasSize(8);
            }
        }
    }

    @Test
    void destinationsDoNotShareOneCounter() {
        // With one counter for both sinks (the reference's defect) and n = 2, the console would get no DEBUG
        // event and the file all of them. Counted per destination, each gets every second one.
        try (StdoutCapture stdout = new StdoutCapture()) {
            Path file = configure("DEBUG", 2);

            for (int i = 1; i <= 10; i++) {
                LOG.debug("debug " + i);
            }

            List<String> expected = numbered("debug ", 2, 4, 6, 8, 10);
            assertThat(messages(stdout.lines(), "DEBUG")).containsExactlyElementsOf(expected);
            assertThat(messages(lines(file), "DEBUG")).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void otherLevelsAreNeverSampled() {
        try (StdoutCapture stdout = new StdoutCapture()) {
            Path file = configure("TRACE", 1000);

            for (int i = 0; i < 50; i++) {
                LOG.trace("trace");
                LOG.info("info");
                LOG.warn("warn");
                LOG.error("error");
            }

            for (List<String> destination : List.of(stdout.lines(), lines(file))) {
                assertThat(destination).hasSize(200);
                assertThat(messages(destination, "DEBUG")).isEmpty();
            }
        }
    }

    @Test
    void oneMeansNoSampling() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().level("DEBUG").console(false).logFile(file).build());

        for (int i = 0; i < 25; i++) {
            LOG.debug("debug");
        }

        assertThat(lines(file)).hasSize(25);
    }

    @Test
    void exactlyOneInNUnderConcurrency() throws InterruptedException {
        try (StdoutCapture stdout = new StdoutCapture()) {
            Path file = configure("DEBUG", 10);
            int threads = 8;
            int perThread = 1000;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        LOG.atDebug().addKeyValue("op", "insert").log("debug");
                    }
                });
                worker.start();
                workers.add(worker);
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }

            int expected = threads * perThread / 10;
            assertThat(messages(stdout.lines(), "DEBUG")).hasSize(expected);
            assertThat(messages(lines(file), "DEBUG")).hasSize(expected);
        }
    }

    @Test
    void reconfiguringStartsTheCountAfresh() {
        Path file = dir.resolve("dictdb.log");
        LoggingOptions options =
                LoggingOptions.builder().level("DEBUG").console(false).logFile(file).json(true).sampleDebugEvery(3).build();
        DictDBLogging.configure(options);
        LOG.debug("first 1");
        LOG.debug("first 2");

        DictDBLogging.configure(options);
        LOG.debug("second 1");
        LOG.debug("second 2");
        LOG.debug("second 3");

        List<JsonNode> events = jsonLines(lines(file));
        assertThat(events).extracting(e -> e.get("message").asText()).containsExactly("second 3");
    }
}
