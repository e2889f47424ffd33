package io.dictdb.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LevelFilteringTest extends LoggingTestSupport {
    @TempDir
    Path dir;

    private Path configure(String level) {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().level(level).console(false).logFile(file).json(true).build());
        return file;
    }

    private static void logAllLevels(Logger logger) {
        logger.trace("t");
        logger.debug("d");
        logger.info("i");
        logger.warn("w");
        logger.error("e");
    }

    private static List<String> levels(Path file) {
        return jsonLines(lines(file)).stream().map(e -> e.get("level").asText()).collect(Collectors.toList());
    }

    @Test
    void eventsBelowTheLevelAreDropped() {
        Path file = configure("WARN");

        logAllLevels(LoggerFactory.getLogger("io.dictdb.table"));

        assertThat(levels(file)).containsExactly("WARN", "ERROR");
    }

    @Test
    void theLevelAppliesToIoDictdbAndEveryLoggerBelowIt() {
        Path file = configure("INFO");

        LoggerFactory.getLogger("io.dictdb").info("root of dictdb");
        LoggerFactory.getLogger("io.dictdb.storage.json").info("grandchild");
        LoggerFactory.getLogger("io.dictdb.storage.json").debug("grandchild debug");

        List<JsonNode> events = jsonLines(lines(file));
        assertThat(events).extracting(e -> e.get("logger").asText())
                .containsExactly("io.dictdb", "io.dictdb.storage.json");
    }

    @Test
    void loggersOutsideIoDictdbAreNotRouted() {
        Path file = configure("TRACE");

        LoggerFactory.getLogger("com.example.app").error("host event");
        LoggerFactory.getLogger("io.dictdbx").error("similar prefix, other tree");
        LoggerFactory.getLogger("io.dictdb.table").error("ours");

        assertThat(jsonLines(lines(file))).extracting(e -> e.get("message").asText()).containsExactly("ours");
    }

    @Test
    void traceLetsEverythingThrough() {
        Path file = configure("trace");

        logAllLevels(LoggerFactory.getLogger("io.dictdb.table"));

        assertThat(levels(file)).containsExactly("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    }

    @Test
    void offSilencesEverything() {
        Path file = configure("OFF");

        logAllLevels(LoggerFactory.getLogger("io.dictdb.table"));

        assertThat(lines(file)).isEmpty();
    }
}
