package io.dictdb.examples.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionLoggingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theLogIsJsonLinesAndSamplingKeepsOneDebugEventInTen() throws Exception {
        ProductionLogging.Result result = ProductionLogging.run(dir, Report.silent());

        List<String> lines = Files.readAllLines(dir.resolve("logs/dictdb.log"));
        assertThat(lines).hasSize(result.production().lines()).isNotEmpty();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).isTrue();
            assertThat(event.get("level").asText()).isEqualTo("INFO");
            assertThat(event.get("logger").asText()).startsWith("io.dictdb.");
            assertThat(event.hasNonNull("timestamp")).isTrue();
            assertThat(event.hasNonNull("message")).isTrue();
        }
        assertThat(result.production().loggers()).containsKeys("io.dictdb.schema", "io.dictdb.backup");

        int allDebug = result.debugUnsampled().count("DEBUG");
        assertThat(allDebug).isGreaterThan(300);
        assertThat(result.debugSampled().count("DEBUG")).isEqualTo(allDebug / ProductionLogging.SAMPLE_EVERY);
        assertThat(result.debugSampled().count("INFO")).isEqualTo(result.debugUnsampled().count("INFO"))
                .isEqualTo(result.production().count("INFO"));
    }

    @Test
    void dictdbEventsAreOffAgainAfterTheSection() {
        ProductionLogging.run(dir, Report.silent());

        assertThat(LoggerFactory.getLogger("io.dictdb.table").isErrorEnabled()).isFalse();
    }
}
