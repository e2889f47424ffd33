package io.dictdb.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class JsonOutputTest extends LoggingTestSupport {
    private static final Logger TABLE = LoggerFactory.getLogger("io.dictdb.table");

    @TempDir
    Path dir;

    @Test
    void everyFileLineIsOneJsonObjectWithTheRequiredFields() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().level("DEBUG").console(false).logFile(file).json(true).build());

        TABLE.atDebug().addKeyValue("table", "users").addKeyValue("op", "insert").log("Record inserted.");
        TABLE.atInfo().addKeyValue("table", "users").addKeyValue("count", 3).log("Bulk inserted {} records.", 3);
        TABLE.warn("Plain warning without fields.");

        List<String> lines = lines(file);
        assertThat(lines).hasSize(3);
        List<JsonNode> events = jsonLines(lines);
        for (JsonNode event : events) {
            assertThat(event.isObject()).isTrue();
            assertThat(event.has("timestamp")).isTrue();
            OffsetDateTime timestamp = OffsetDateTime.parse(event.get("timestamp").asText());
            assertThat(timestamp.getOffset()).isEqualTo(ZoneOffset.UTC);
            assertThat(event.get("logger").asText()).isEqualTo("io.dictdb.table");
        }

        JsonNode debug = events.get(0);
        assertThat(debug.get("level").asText()).isEqualTo("DEBUG");
        assertThat(debug.get("message").asText()).isEqualTo("Record inserted.");
        assertThat(debug.get("table").asText()).isEqualTo("users");
        assertThat(debug.get("op").asText()).isEqualTo("insert");

        JsonNode info = events.get(1);
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("message").asText()).isEqualTo("Bulk inserted 3 records.");
        assertThat(info.get("count").isNumber()).isTrue();
        assertThat(info.get("count").asInt()).isEqualTo(3);

        JsonNode warn = events.get(2);
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.has("table")).isFalse();
    }

    @Test
    void mdcEntriesBecomeTopLevelFieldsToo() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().console(false).logFile(file).json(true).build());

        MDC.put("requestId", "r-42");
        try {
            TABLE.atInfo().addKeyValue("table", "orders").log("Query run.");
        } finally {
            MDC.remove("requestId");
        }

        JsonNode event = jsonLines(lines(file)).get(0);
        assertThat(event.get("requestId").asText()).isEqualTo("r-42");
        assertThat(event.get("table").asText()).isEqualTo("orders");
        assertThat(event.has("mdc")).isFalse();
        assertThat(event.has("kvpList")).isFalse();
    }

    @Test
    void aThrowableIsKeptInsideTheEventsLine() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().console(false).logFile(file).json(true).build());

        TABLE.atError().addKeyValue("path", "/data/db.json").setCause(new IllegalStateException("disk full"))
                .log("Save failed.");

        List<String> lines = lines(file);
        assertThat(lines).hasSize(1);
        JsonNode event = jsonLines(lines).get(0);
        assertThat(event.get("message").asText()).isEqualTo("Save failed.");
        assertThat(event.get("stack_trace").asText()).contains("java.lang.IllegalStateException: disk full");
    }

    @Test
    void messagesWithQuotesAndLineBreaksStayOnOneLine() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().console(false).logFile(file).json(true).build());

        TABLE.atInfo().addKeyValue("field", "na\"me").log("two\nlines \"quoted\"");

        List<String> lines = lines(file);
        assertThat(lines).hasSize(1);
        JsonNode event = jsonLines(lines).get(0);
        assertThat(event.get("message").asText()).isEqualTo("two\nlines \"quoted\"");
        assertThat(event.get("field").asText()).isEqualTo("na\"me");
    }

    @Test
    void theConsoleWritesTheSameJsonLines() {
        try (StdoutCapture stdout = new StdoutCapture()) {
            DictDBLogging.configure(LoggingOptions.builder().json(true).build());

            TABLE.atInfo().addKeyValue("table", "users").log("Created table.");

            List<JsonNode> events = jsonLines(stdout.lines());
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("message").asText()).isEqualTo("Created table.");
            assertThat(events.get(0).get("table").asText()).isEqualTo("users");
            assertThat(events.get(0).get("level").asText()).isEqualTo("INFO");
        }
    }
}
