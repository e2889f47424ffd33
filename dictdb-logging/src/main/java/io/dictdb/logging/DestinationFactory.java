package io.dictdb.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the started, not yet attached appenders that {@link LoggingOptions} asks for: {@code dictdb-console}
 * (standard output) and {@code dictdb-file} (appending to the log file). Each has its own encoder and, when
 * sampling is on, its own {@link DebugSamplingFilter}, hence its own DEBUG counter. Both flush after every event.
 */
final class DestinationFactory {
    /** Name of the appender writing to the standard output. */
    static final String CONSOLE_APPENDER = "dictdb-console";
    /** Name of the appender writing to the log file. */
    static final String FILE_APPENDER = "dictdb-file";

    private DestinationFactory() {
    }

    /**
     * Creates and starts the destinations.
     *
     * @param context the Logback context
     * @param options what to create
     * @param logFile the absolute log file, its directory already created; {@code null} for no file
     * @return the started appenders, possibly none
     * @throws IllegalStateException when an appender does not start; those already started are stopped again
     */
    static List<Appender<ILoggingEvent>> create(LoggerContext context, LoggingOptions options, Path logFile) {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>(2);
        try {
            if (options.console()) {
                ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
                console.setTarget("System.out");
                appenders.add(start(context, console, CONSOLE_APPENDER, options));
            }
            if (logFile != null) {
                FileAppender<ILoggingEvent> file = new FileAppender<>();
                file.setFile(logFile.toString());
                file.setAppend(true);
                appenders.add(start(context, file, FILE_APPENDER, options));
            }
        } catch (RuntimeException e) {
            appenders.forEach(Appender::stop);
            throw e;
        }
        return appenders;
    }

    private static Appender<ILoggingEvent> start(
            LoggerContext context, OutputStreamAppender<ILoggingEvent> appender, String name, LoggingOptions options) {
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder(context, options.json()));
        if (options.sampleDebugEvery() > 1) {
            DebugSamplingFilter sampling = new DebugSamplingFilter(options.sampleDebugEvery());
            sampling.setContext(context);
            sampling.start();
            appender.addFilter(sampling);
        }
        appender.start();
        if (!appender.isStarted()) {
            appender.getEncoder().stop();
            throw new IllegalStateException("Logback appender '" + name + "' did not start: " + lastError(context, appender));
        }
        return appender;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            return JsonLinesEncoder.create(context);
        }
        TextLayout layout = new TextLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static String lastError(LoggerContext context, Object origin) {
        String message = "see Logback's status messages";
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getOrigin() == origin && status.getLevel() == Status.ERROR) {
                message = status.getMessage();
                if (status.getThrowable() != null) {
                    message += " (" + status.getThrowable() + ")";
                }
            }
        }
        return message;
    }
}
