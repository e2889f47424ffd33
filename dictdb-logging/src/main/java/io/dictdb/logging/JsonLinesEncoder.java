package io.dictdb.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * Builds the encoder of the JSON lines layout: one JSON object per event, terminated by {@code \n}.
 *
 * <p>Fields, in this order: {@code timestamp} (ISO-8601 in UTC with milliseconds,
 * e.g. {@code 2025-01-31T09:15:02.123Z}), {@code level}, {@code logger}, {@code thread}, {@code message} (the
 * formatted message), then every MDC entry and every SLF4J key/value as a field of its own at the top level
 * (values keep their JSON type: numbers stay numbers; null values are omitted), then {@code stack_trace} when the
 * event carries a throwable.
 *
 * <p>logstash-logback-encoder's composite encoder is used rather than Logback's own {@code JsonEncoder} because
 * the latter nests key/values in a {@code kvpList} array and MDC in an {@code mdc} object, names the logger
 * {@code loggerName} and writes the timestamp as epoch milliseconds, none of which matches the required shape.
 */
final class JsonLinesEncoder {
    private JsonLinesEncoder() {
    }

    /**
     * Creates a started encoder.
     *
     * @param context the Logback context it reports its status to
     * @return the encoder
     */
    static Encoder<ILoggingEvent> create(Context context) {
        LoggingEventJsonProviders providers = new LoggingEventJsonProviders();

        LoggingEventFormattedTimestampJsonProvider timestamp = new LoggingEventFormattedTimestampJsonProvider();
        timestamp.setFieldName("timestamp");
        timestamp.setPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        timestamp.setTimeZone("UTC");
        providers.addTimestamp(timestamp);

        LogLevelJsonProvider level = new LogLevelJsonProvider();
        level.setFieldName("level");
        providers.addLogLevel(level);

        LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
        logger.setFieldName("logger");
        providers.addLoggerName(logger);

        LoggingEventThreadNameJsonProvider thread = new LoggingEventThreadNameJsonProvider();
        thread.setFieldName("thread");
        providers.addThreadName(thread);

        MessageJsonProvider message = new MessageJsonProvider();
        message.setFieldName("message");
        providers.addMessage(message);

        providers.addMdc(new MdcJsonProvider());
        providers.addKeyValuePairs(new KeyValuePairsJsonProvider());

        StackTraceJsonProvider stackTrace = new StackTraceJsonProvider();
        stackTrace.setFieldName("stack_trace");
        providers.addStackTrace(stackTrace);

        LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
        encoder.setContext(context);
        encoder.setProviders(providers);
        encoder.setLineSeparator("UNIX");
        encoder.start();
        return encoder;
    }
}
