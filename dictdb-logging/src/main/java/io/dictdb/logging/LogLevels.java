package io.dictdb.logging;

import ch.qos.logback.classic.Level;
import java.util.Locale;

/**
 * The level names {@link LoggingOptions.Builder#level(String)} accepts and their Logback levels.
 *
 * <p>Names are case-insensitive and may carry surrounding blanks: {@code TRACE}, {@code DEBUG}, {@code INFO},
 * {@code WARN} (also spelled {@code WARNING}), {@code ERROR} and {@code OFF}. Anything else is rejected rather
 * than silently replaced by a default, so a typo in a configuration file cannot turn DEBUG logging on.
 */
final class LogLevels {
    /** The accepted names, as quoted in error messages. */
    static final String ACCEPTED = "TRACE, DEBUG, INFO, WARN (or WARNING), ERROR, OFF";

    private LogLevels() {
    }

    /**
     * Returns the canonical spelling of a level name.
     *
     * @param name the name as given
     * @return one of TRACE, DEBUG, INFO, WARN, ERROR, OFF
     * @throws IllegalArgumentException when the name is not one of the accepted names
     */
    static String canonical(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Unknown log level 'null'; expected one of " + ACCEPTED + ".");
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "TRACE":
            case "DEBUG":
            case "INFO":
            case "WARN":
            case "ERROR":
            case "OFF":
                return upper;
            case "WARNING":
                return "WARN";
            default:
                throw new IllegalArgumentException(
                        "Unknown log level '" + name + "'; expected one of " + ACCEPTED + ".");
        }
    }

    /**
     * Returns the Logback level of a canonical name.
     *
     * @param canonicalName a value returned by {@link #canonical(String)}
     * @return the Logback level
     */
    static Level toLogback(String canonicalName) {
        return Level.valueOf(canonicalName);
    }
}
