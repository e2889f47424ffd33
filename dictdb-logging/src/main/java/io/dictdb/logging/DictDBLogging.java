package io.dictdb.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * One-call Logback set-up for DictDB's own log events, the loggers named {@code io.dictdb} and
 * {@code io.dictdb.*}.
 *
 * <pre>{@code
 * DictDBLogging.configure(LoggingOptions.builder()
 *     .level("INFO").console(true).logFile(Path.of("logs/dictdb.log")).json(true).sampleDebugEvery(100).build());
 * }</pre>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>Only the {@code io.dictdb} logger is touched. {@code configure} sets its level to
 *       {@link LoggingOptions#level()}, turns its additivity off, and attaches at most two appenders of its own:
 *       {@code dictdb-console} (standard output) and {@code dictdb-file}. The root logger, other loggers and
 *       their appenders, and whatever the host's {@code logback.xml} set up, are left alone; because additivity is
 *       off, DictDB's events go to these destinations only and never also to the root's appenders.</li>
 *   <li>The level is the threshold of {@code io.dictdb}; every {@code io.dictdb.*} logger without a level of its
 *       own inherits it. A child logger given a level elsewhere keeps it.</li>
 *   <li>At most one set-up is installed. A later {@code configure} replaces the previous one: its appenders are
 *       detached and stopped, which closes their files, and only then does the new set-up receive events.
 *       Appenders attached to {@code io.dictdb} by someone else are neither removed nor counted.</li>
 *   <li>{@code configure} fails before changing anything when the log file cannot be created or opened
 *       ({@link UncheckedIOException}) or an appender cannot start ({@link IllegalStateException}): the previous
 *       set-up then stays in place.</li>
 *   <li>{@link #reset()} removes the installed appenders (closing files) and gives {@code io.dictdb} back the level
 *       and additivity it had before the first {@code configure}, so the host's configuration applies again.</li>
 *   <li>{@code configure} logs nothing itself, so DEBUG sampling counts only the application's events.</li>
 * </ul>
 * Both methods are thread-safe; calls are serialised on one lock.
 */
public final class DictDBLogging {
    /** The name of the logger {@code configure} sets up; DictDB's loggers are this one and its children. */
    public static final String LOGGER_NAME = "io.dictdb";

    private static final Object LOCK = new Object();

    /** The set-up in place, or null. Guarded by {@link #LOCK}. */
    private static Installation installed;

    private DictDBLogging() {
    }

    /**
     * Installs the destinations described by {@code options} on the {@code io.dictdb} logger, replacing the
     * previous set-up of this class if there is one.
     *
     * <p>With {@code console(false)} and no log file, DictDB's events are not written anywhere (additivity is still
     * off). The log file's missing parent directories are created; the file is opened in append mode.
     *
     * @param options what to set up
     * @throws NullPointerException when {@code options} is null
     * @throws UncheckedIOException when the log file's directories cannot be created or the file cannot be opened
     *     for appending; the previous set-up is kept
     * @throws IllegalStateException when SLF4J is not bound to Logback, or an appender cannot start; the previous
     *     set-up is kept
     */
    public static void configure(LoggingOptions options) {
        Objects.requireNonNull(options, "options must not be null");
        synchronized (LOCK) {
            LoggerContext context = loggerContext();
            Path logFile = options.logFile().map(DictDBLogging::prepareLogFile).orElse(null);
            List<Appender<ILoggingEvent>> appenders = DestinationFactory.create(context, options, logFile);
            Installation previous = installed;
            Installation next = previous == null
                    ? Installation.first(context.getLogger(LOGGER_NAME), appenders)
                    : previous.replacement(appenders);
            if (previous != null) {
                previous.detachAndStop();
            }
            next.attach(LogLevels.toLogback(options.level()));
            installed = next;
        }
    }

    /**
     * Removes what {@link #configure(LoggingOptions)} installed: detaches and stops its appenders, closing the log
     * file, and restores the level and additivity {@code io.dictdb} had before the first {@code configure}. Does
     * nothing when nothing is installed.
     */
    public static void reset() {
        synchronized (LOCK) {
            if (installed == null) {
                return;
            }
            installed.detachAndStop();
            installed.restoreLogger();
            installed = null;
        }
    }

    private static LoggerContext loggerContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext) {
            return (LoggerContext) factory;
        }
        throw new IllegalStateException("DictDBLogging configures Logback, but SLF4J is bound to "
                + factory.getClass().getName() + "; keep logback-classic as the only SLF4J provider on the class path"
                + " (or select it with the system property slf4j.provider).");
    }

    /** Creates the file's missing directories and checks it can be opened for appending, before anything changes. */
    private static Path prepareLogFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path directory = absolute.getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
            FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    .close();
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open log file '" + absolute + "' for appending: " + e, e);
        }
    }
}
