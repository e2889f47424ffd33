package io.dictdb.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HostConfigurationTest extends LoggingTestSupport {
    private static final Logger DICTDB = LoggerFactory.getLogger("io.dictdb.table");
    private static final Logger HOST = LoggerFactory.getLogger("com.example.app");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> rootAppender = new ListAppender<>();

    @TempDir
    Path dir;

    @BeforeEach
    void attachHostAppender() {
        rootAppender.setContext(context);
        rootAppender.start();
        root.addAppender(rootAppender);
    }

    @AfterEach
    void detachHostAppender() {
        root.detachAppender(rootAppender);
        rootAppender.stop();
    }

    private List<String> rootMessages() {
        return rootAppender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    @Test
    void theHostsRootConfigurationIsLeftAloneAndNoLongerSeesDictdbEvents() {
        Level rootLevel = root.getLevel();
        DICTDB.info("dictdb before");

        DictDBLogging.configure(LoggingOptions.builder().console(false).logFile(dir.resolve("d.log")).build());
        DICTDB.info("dictdb during");
        HOST.info("host during");

        assertThat(root.getLevel()).isEqualTo(rootLevel);
        assertThat(root.isAttached(rootAppender)).isTrue();
        assertThat(rootMessages()).containsExactly("dictdb before", "host during");
        assertThat(lines(dir.resolve("d.log"))).singleElement().asString().endsWith("| dictdb during");
    }

    @Test
    void resetGivesIoDictdbBackItsLevelAndAdditivity() {
        ch.qos.logback.classic.Logger dictdb = context.getLogger(DictDBLogging.LOGGER_NAME);
        assertThat(dictdb.getLevel()).isNull();
        assertThat(dictdb.isAdditive()).isTrue();

        DictDBLogging.configure(LoggingOptions.builder().level("ERROR").console(false).build());
        DictDBLogging.configure(LoggingOptions.builder().level("DEBUG").console(false).build());
        assertThat(dictdb.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(dictdb.isAdditive()).isFalse();

        DictDBLogging.reset();
        assertThat(dictdb.getLevel()).isNull();
        assertThat(dictdb.isAdditive()).isTrue();
        DICTDB.info("after reset");
        assertThat(rootMessages()).containsExactly("after reset");
    }

    @Test
    void noConsoleAndNoFileMeansNoOutputAnywhere() {
        try (StdoutCapture stdout = new StdoutCapture()) {
            DictDBLogging.configure(LoggingOptions.builder().level("TRACE").console(false).build());

            DICTDB.error("nowhere");
            DICTDB.debug("nowhere either");

            assertThat(stdout.lines()).isEmpty();
            assertThat(rootMessages()).isEmpty();
        }
    }

    @Test
    void appendersAttachedByOthersToIoDictdbSurviveConfigureAndReset() {
        ch.qos.logback.classic.Logger dictdb = context.getLogger(DictDBLogging.LOGGER_NAME);
        ListAppender<ILoggingEvent> theirs = new ListAppender<>();
        theirs.setContext(context);
        theirs.start();
        dictdb.addAppender(theirs);
        try {
            DictDBLogging.configure(LoggingOptions.builder().console(false).build());
            DictDBLogging.configure(LoggingOptions.builder().console(false).build());
            DICTDB.info("one");
            DictDBLogging.reset();
            DICTDB.info("two");

            assertThat(dictdb.isAttached(theirs)).isTrue();
            assertThat(theirs.isStarted()).isTrue();
            assertThat(theirs.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("one", "two");
        } finally {
            dictdb.detachAppender(theirs);
            theirs.stop();
        }
    }
}
