package io.dictdb.logging;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DictDBLogging#configure(LoggingOptions)} sets up for the {@code io.dictdb} loggers.
 *
 * <pre>{@code
 * LoggingOptions.builder()
 *     .level("INFO").console(true).logFile(Path.of("logs/dictdb.log")).json(true).sampleDebugEvery(100)
 *     .build()
 * }</pre>
 *
 * <p>Defaults: level {@code INFO}, console on, no log file, text layout, no sampling
 * ({@code sampleDebugEvery(1)}). Instances are immutable; the builder validates each value when it is set.
 */
public final class LoggingOptions {
    private final String level;
    private final boolean console;
    private final Path logFile;
    private final boolean json;
    private final int sampleDebugEvery;

    private LoggingOptions(Builder builder) {
        this.level = builder.level;
        this.console = builder.console;
        this.logFile = builder.logFile;
        this.json = builder.json;
        this.sampleDebugEvery = builder.sampleDebugEvery;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The threshold of the {@code io.dictdb} logger, inherited by every {@code io.dictdb.*} logger that has no
     * level of its own. Events below it are not created at all.
     *
     * @return one of TRACE, DEBUG, INFO, WARN, ERROR, OFF
     */
    public String level() {
        return level;
    }

    /**
     * Whether events are written to the standard output ({@code System.out}).
     *
     * @return true when the console is a destination
     */
    public boolean console() {
        return console;
    }

    /**
     * The file events are appended to, if any.
     *
     * @return the log file, or empty when no file is written
     */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    /**
     * Whether each event is written as one JSON object per line instead of the readable text layout.
     *
     * @return true for JSON lines
     */
    public boolean json() {
        return json;
    }

    /**
     * How many DEBUG events each destination receives for one it writes: the n-th, 2n-th, 3n-th … DEBUG event
     * reaching that destination is written. Other levels are never sampled.
     *
     * @return at least 1; 1 means every DEBUG event is written
     */
    public int sampleDebugEvery() {
        return sampleDebugEvery;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LoggingOptions)) {
            return false;
        }
        LoggingOptions that = (LoggingOptions) other;
        return console == that.console && json == that.json && sampleDebugEvery == that.sampleDebugEvery
                && level.equals(that.level) && Objects.equals(logFile, that.logFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, console, logFile, json, sampleDebugEvery);
    }

    @Override
    public String toString() {
        return "LoggingOptions[level=" + level + ", console=" + console + ", logFile=" + logFile + ", json=" + json
                + ", sampleDebugEvery=" + sampleDebugEvery + "]";
    }

    /** Builder of {@link LoggingOptions}; each setter validates its argument at once. */
    public static final class Builder {
        private String level = "INFO";
        private boolean console = true;
        private Path logFile;
        private boolean json;
        private int sampleDebugEvery = 1;

        private Builder() {
        }

        /**
         * Sets the threshold of the {@code io.dictdb} logger.
         *
         * @param level TRACE, DEBUG, INFO, WARN (or WARNING), ERROR or OFF, case-insensitive
         * @return this builder
         * @throws IllegalArgumentException when the name is not one of those; the message quotes the value
         */
        public Builder level(String level) {
            this.level = LogLevels.canonical(level);
            return this;
        }

        /**
         * Sets whether events are written to the standard output.
         *
         * @param console true to write to {@code System.out}
         * @return this builder
         */
        public Builder console(boolean console) {
            this.console = console;
            return this;
        }

        /**
         * Sets the file events are appended to. Missing parent directories are created by
         * {@link DictDBLogging#configure(LoggingOptions)}; a relative path is resolved against the working
         * directory at that moment.
         *
         * @param logFile the log file, or {@code null} for no file
         * @return this builder
         */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /**
         * Sets whether events are written as JSON lines (one object per event) rather than readable text.
         *
         * @param json true for JSON lines
         * @return this builder
         */
        public Builder json(boolean json) {
            this.json = json;
            return this;
        }

        /**
         * Keeps one DEBUG event in {@code n} for each destination; the console and the file count separately.
         *
         * @param n at least 1; 1 keeps every DEBUG event
         * @return this builder
         * @throws IllegalArgumentException when {@code n < 1}
         */
        public Builder sampleDebugEvery(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("sampleDebugEvery must be at least 1, got " + n + ".");
            }
            this.sampleDebugEvery = n;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public LoggingOptions build() {
            return new LoggingOptions(this);
        }
    }
}
