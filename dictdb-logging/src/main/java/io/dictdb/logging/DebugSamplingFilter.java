package io.dictdb.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one DEBUG event in {@code every} for the single appender it is attached to.
 *
 * <p>Each instance owns its counter, and {@link DestinationFactory} gives each destination its own instance,
 * so the console and the file are sampled independently: with {@code every = n} each of them writes exactly
 * the n-th, 2n-th, 3n-th … DEBUG event it receives (the first n - 1 are dropped, as in the reference's
 * {@code SampleDebugFilter}). A counter shared by several destinations would make them steal each other's turns.
 * Events of any other level are left alone ({@link FilterReply#NEUTRAL}).
 */
final class DebugSamplingFilter extends Filter<ILoggingEvent> {
    private final int every;
    private final AtomicLong debugEvents = new AtomicLong();

    /**
     * Creates a filter.
     *
     * @param every keep one DEBUG event in this many, at least 1
     */
    DebugSamplingFilter(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every + ".");
        }
        this.every = every;
        setName("dictdb-debug-sampling");
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel().toInt() != Level.DEBUG_INT) {
            return FilterReply.NEUTRAL;
        }
        return debugEvents.incrementAndGet() % every == 0 ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
