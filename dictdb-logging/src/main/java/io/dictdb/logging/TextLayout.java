package io.dictdb.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The readable layout: one line per event,
 * <pre>
 * 2025-01-31 10:15:02.123 | DEBUG | io.dictdb.table | table=users op=insert | Record inserted.
 * </pre>
 * that is local time with milliseconds, the level padded to five characters, the logger name, the structured
 * fields (MDC entries first, then the event's key/values, as {@code key=value} separated by spaces; the segment
 * is left out when there are none) and the formatted message. A value that is empty or holds a blank, a quote,
 * a backslash, {@code |} or {@code =} is written in double quotes with {@code \"} and {@code \\} escapes; line
 * breaks in values are written as {@code \n} and {@code \r}. A throwable's stack trace follows on the next
 * lines.
 */
final class TextLayout extends LayoutBase<ILoggingEvent> {
    private static final String SEPARATOR = " | ";

    private final DateTimeFormatter time =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(time.format(event.getInstant())).append(SEPARATOR);
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(SEPARATOR).append(event.getLoggerName()).append(SEPARATOR);
        StringBuilder fields = new StringBuilder();
        appendMdc(fields, event.getMDCPropertyMap());
        appendKeyValues(fields, event.getKeyValuePairs());
        if (fields.length() > 0) {
            line.append(fields).append(SEPARATOR);
        }
        line.append(event.getFormattedMessage()).append(System.lineSeparator());
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            line.append(ThrowableProxyUtil.asString(throwable));
        }
        return line.toString();
    }

    private static void appendMdc(StringBuilder fields, Map<String, String> mdc) {
        if (mdc == null) {
            return;
        }
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            appendField(fields, entry.getKey(), entry.getValue());
        }
    }

    private static void appendKeyValues(StringBuilder fields, List<KeyValuePair> pairs) {
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            appendField(fields, pair.key, pair.value);
        }
    }

    private static void appendField(StringBuilder fields, String key, Object value) {
        if (key == null || value == null) {
            return;
        }
        if (fields.length() > 0) {
            fields.append(' ');
        }
        fields.append(key).append('=').append(quoteIfNeeded(String.valueOf(value)));
    }

    private static String quoteIfNeeded(String value) {
        boolean needsQuotes = value.isEmpty();
        for (int i = 0; i < value.length() && !needsQuotes; i++) {
            char c = value.charAt(i);
            needsQuotes = Character.isWhitespace(c) || c == '"' || c == '\\' || c == '|' || c == '=';
        }
        if (!needsQuotes) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    quoted.append("\\\"");
                    break;
                case '\\':
                    quoted.append("\\\\");
                    break;
                case '\n':
                    quoted.append("\\n");
                    break;
                case '\r':
                    quoted.append("\\r");
                    break;
                default:
                    quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
