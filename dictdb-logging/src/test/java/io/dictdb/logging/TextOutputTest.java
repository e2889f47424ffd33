package io.dictdb.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class TextOutputTest extends LoggingTestSupport {
    private static final Logger TABLE = LoggerFactory.getLogger("io.dictdb.table");
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}";

    @TempDir
    Path dir;

    @Test
    void oneReadableLinePerEventWithItsFields() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().level("DEBUG").console(false).logFile(file).build());

        TABLE.atDebug().addKeyValue("table", "users").addKeyValue("op", "insert").log("Record inserted.");
        TABLE.info("Opened.");

        List<String> lines = lines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .matches(TIME + " \\| DEBUG \\| io\\.dictdb\\.table \\| table=users op=insert \\| Record inserted\\.");
        assertThat(lines.get(1)).matches(TIME + " \\| INFO  \\| io\\.dictdb\\.table \\| Opened\\.");
    }

    @Test
    void mdcComesBeforeKeyValuesAndOddValuesAreQuoted() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().console(false).logFile(file).build());

        MDC.put("requestId", "r-1");
        try {
            TABLE.atWarn().addKeyValue("note", "two words").addKeyValue("empty", "").addKeyValue("q", "a\"b")
                    .log("Odd values.");
        } finally {
            MDC.remove("requestId");
        }

        assertThat(lines(file)).singleElement().asString()
                .endsWith(" | WARN  | io.dictdb.table | requestId=r-1 note=\"two words\" empty=\"\" q=\"a\\\"b\""
                        + " | Odd values.");
    }

    @Test
    void aStackTraceFollowsTheLine() {
        Path file = dir.resolve("dictdb.log");
        DictDBLogging.configure(LoggingOptions.builder().console(false).logFile(file).build());

        TABLE.error("Save failed.", new IllegalStateException("disk full"));

        List<String> lines = lines(file);
        assertThat(lines.get(0)).endsWith(" | ERROR | io.dictdb.table | Save failed.");
        assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: disk full");
        assertThat(lines.get(2)).contains("at io.dictdb.logging.TextOutputTest");
    }

    @Test
    void theConsoleIsStandardOutput() {
        try (StdoutCapture stdout = new StdoutCapture()) {
            DictDBLogging.configure(LoggingOptions.builder().build());

            TABLE.atInfo().addKeyValue("table", "users").log("Created table.");

            assertThat(stdout.lines()).singleElement().asString()
                    .matches(TIME + " \\| INFO  \\| io\\.dictdb\\.table \\| table=users \\| Created table\\.");
        }
    }
}
