package io.dictdb.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoggingOptionsTest {

    @Test
    void defaultsAreInfoOnTheConsoleInTextWithoutSampling() {
        LoggingOptions options = LoggingOptions.builder().build();

        assertThat(options.level()).isEqualTo("INFO");
        assertThat(options.console()).isTrue();
        assertThat(options.logFile()).isEmpty();
        assertThat(options.json()).isFalse();
        assertThat(options.sampleDebugEvery()).isEqualTo(1);
    }

    @Test
    void keepsEveryValueGiven() {
        LoggingOptions options = LoggingOptions.builder()
                .level("DEBUG").console(false).logFile(Path.of("logs/dictdb.log")).json(true).sampleDebugEvery(100)
                .build();

        assertThat(options.level()).isEqualTo("DEBUG");
        assertThat(options.console()).isFalse();
        assertThat(options.logFile()).contains(Path.of("logs/dictdb.log"));
        assertThat(options.json()).isTrue();
        assertThat(options.sampleDebugEvery()).isEqualTo(100);
        assertThat(options.toString()).contains("level=DEBUG", "sampleDebugEvery=100");
    }

    @ParameterizedTest
    @CsvSource({"trace,TRACE", "Debug,DEBUG", "INFO,INFO", "warn,WARN", "WARNING,WARN", "error,ERROR", "off,OFF",
            "' info ',INFO"})
    void acceptsLevelNamesWhateverTheirCase(String given, String canonical) {
        assertThat(LoggingOptions.builder().level(given).build().level()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VERBOSE", "CRITICAL", "FATAL", "", "INFO2"})
    void rejectsUnknownLevelNamesNamingTheValue(String given) {
        assertThatThrownBy(() -> LoggingOptions.builder().level(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + given + "'")
                .hasMessageContaining("TRACE, DEBUG, INFO, WARN");
    }

    @Test
    void rejectsANullLevel() {
        assertThatThrownBy(() -> LoggingOptions.builder().level(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsASamplingRateBelowOne(int n) {
        assertThatThrownBy(() -> LoggingOptions.builder().sampleDebugEvery(n))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleDebugEvery must be at least 1, got " + n + ".");
    }

    @Test
    void configureRejectsNullOptions() {
        assertThatThrownBy(() -> DictDBLogging.configure(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void equalOptionsAreEqual() {
        LoggingOptions a = LoggingOptions.builder().level("warning").json(true).build();
        LoggingOptions b = LoggingOptions.builder().level("WARN").json(true).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(LoggingOptions.builder().level("WARN").build());
    }
}
