package io.dictdb.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ReconfigureTest extends LoggingTestSupport {
    private static final Logger LOG = LoggerFactory.getLogger("io.dictdb.db");

    @TempDir
    Path dir;

    private static void configureFile(Path file) {
        DictDBLogging.configure(LoggingOptions.builder().console(false).logFile(file).build());
    }

    @Test
    void missingDirectoriesOfTheLogFileAreCreated() {
        Path file = dir.resolve("a/b/c/dictdb.log");

        configureFile(file);
        LOG.info("hello");

        assertThat(file.getParent()).isDirectory();
        assertThat(lines(file)).singleElement().asString().endsWith("| hello");
    }

    @Test
    void aRelativeLogFileIsResolvedAgainstTheWorkingDirectory() throws IOException {
        Path relative = Path.of("target", "relative-log-test", "dictdb.log");
        Files.deleteIfExists(relative);

        configureFile(relative);
        LOG.info("relative");

        assertThat(lines(relative.toAbsolutePath())).hasSize(1);
    }

    @Test
    void aSecondConfigureClosesTheFirstFileAndWritesOnlyToTheNewOne() {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");

        configureFile(a);
        LOG.info("to a");
        assertThat(processHasOpen(a)).isNotEqualTo(Boolean.FALSE);

        configureFile(b);
        LOG.info("to b");

        assertThat(lines(a)).singleElement().asString().endsWith("| to a");
        assertThat(lines(b)).singleElement().asString().endsWith("| to b");
        Boolean aOpen = processHasOpen(a);
        assumeTrue(aOpen != null, "/proc/self/fd is not readable here");
        assertThat(aOpen).as("descriptor still open on the replaced file").isFalse();
        assertThat(processHasOpen(b)).isTrue();
    }

    @Test
    void aReplacedFileCanBeDeletedAndReceivesNothingMore() throws IOException {
        Path a = dir.resolve("a.log");
        Path b = dir.resolve("b.log");
        configureFile(a);
        LOG.info("to a");

        configureFile(b);
        Files.delete(a);
        LOG.info("to b");

        assertThat(a).doesNotExist();
        assertThat(lines(b)).hasSize(1);
    }

    @Test
    void configuringTheSameFileTwiceKeepsOneDestination() {
        Path file = dir.resolve("dictdb.log");

        configureFile(file);
        configureFile(file);
        LOG.info("once");

        assertThat(lines(file)).hasSize(1);
    }

    @Test
    void switchingToConsoleOnlyClosesTheFile() {
        Path file = dir.resolve("dictdb.log");
        configureFile(file);

        try (StdoutCapture stdout = new StdoutCapture()) {
            DictDBLogging.configure(LoggingOptions.builder().console(true).build());
            LOG.info("console only");

            assertThat(stdout.lines()).singleElement().asString().endsWith("| console only");
        }
        assertThat(lines(file)).isEmpty();
        assertThat(processHasOpen(file)).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void resetClosesTheFileAndStopsWritingToIt() {
        Path file = dir.resolve("dictdb.log");
        configureFile(file);
        LOG.info("before reset");

        DictDBLogging.reset();
        LOG.error("after reset");

        assertThat(lines(file)).singleElement().asString().endsWith("| before reset");
        assertThat(processHasOpen(file)).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void resetWithoutConfigureDoesNothing() {
        DictDBLogging.reset();
        DictDBLogging.reset();
    }

    @Test
    void aLogFileThatCannotBeOpenedIsRejectedAndThePreviousSetUpStays() throws IOException {
        Path good = dir.resolve("good.log");
        configureFile(good);
        Path blocker = Files.createFile(dir.resolve("not-a-directory"));

        assertThatThrownBy(() -> configureFile(blocker.resolve("dictdb.log")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not-a-directory");
        assertThatThrownBy(() -> configureFile(dir))
                .isInstanceOf(UncheckedIOException.class);

        LOG.info("still here");
        assertThat(lines(good)).singleElement().asString().endsWith("| still here");
    }
}
