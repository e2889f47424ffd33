package io.dictdb.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.List;

/**
 * What one {@link DictDBLogging#configure(LoggingOptions)} call put on the {@code io.dictdb} logger: its
 * appenders, plus the level and additivity the logger had before the first {@code configure}, so that
 * {@link DictDBLogging#reset()} can give the logger back as it found it. A replacing installation inherits that
 * original state instead of capturing the previous installation's.
 */
final class Installation {
    private final Logger logger;
    private final Level levelBefore;
    private final boolean additivityBefore;
    private final List<Appender<ILoggingEvent>> appenders;

    private Installation(
            Logger logger, Level levelBefore, boolean additivityBefore, List<Appender<ILoggingEvent>> appenders) {
        this.logger = logger;
        this.levelBefore = levelBefore;
        this.additivityBefore = additivityBefore;
        this.appenders = List.copyOf(appenders);
    }

    /**
     * Records the logger's present state as the one to restore, and the appenders to install.
     *
     * @param logger the {@code io.dictdb} logger, not yet modified
     * @param appenders started appenders
     * @return the installation, not yet attached
     */
    static Installation first(Logger logger, List<Appender<ILoggingEvent>> appenders) {
        return new Installation(logger, logger.getLevel(), logger.isAdditive(), appenders);
    }

    /**
     * An installation that will replace this one on the same logger and restore the same original state.
     *
     * @param newAppenders started appenders
     * @return the installation, not yet attached
     */
    Installation replacement(List<Appender<ILoggingEvent>> newAppenders) {
        return new Installation(logger, levelBefore, additivityBefore, newAppenders);
    }

    /**
     * Sets the logger's level, turns its additivity off and attaches the appenders.
     *
     * @param level the level to set
     */
    void attach(Level level) {
        logger.setLevel(level);
        logger.setAdditive(false);
        appenders.forEach(logger::addAppender);
    }

    /** Detaches the appenders from the logger, then stops them, which closes their files. */
    void detachAndStop() {
        for (Appender<ILoggingEvent> appender : appenders) {
            logger.detachAppender(appender);
        }
        appenders.forEach(Appender::stop);
    }

    /** Gives the logger back the level and additivity it had before the first installation. */
    void restoreLogger() {
        logger.setLevel(levelBefore);
        logger.setAdditive(additivityBefore);
    }
}
