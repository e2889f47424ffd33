package io.dictdb;

import java.time.Duration;
import java.util.Objects;

/**
 * One completed operation of a {@link DictDB}, as given to an {@link OperationListener}.
 *
 * <p>Operations reported, with the meaning of {@link #rows()}:
 * <table>
 *   <caption>Operation names</caption>
 *   <tr><th>operation</th><th>reported by</th><th>rows</th></tr>
 *   <tr><td>{@code createTable}</td><td>{@link DictDB#createTable}</td><td>0</td></tr>
 *   <tr><td>{@code dropTable}</td><td>{@link DictDB#dropTable}</td><td>0</td></tr>
 *   <tr><td>{@code importCsv}</td><td>{@link DictDB#importCsv}</td><td>rows imported</td></tr>
 *   <tr><td>{@code insert}</td><td>{@link Table#insert}</td><td>1</td></tr>
 *   <tr><td>{@code insertAll}</td><td>{@link Table#insertAll} (of at least one record)</td><td>rows inserted</td></tr>
 *   <tr><td>{@code upsert}</td><td>{@link Table#upsert}</td><td>1, or 0 when ignored</td></tr>
 *   <tr><td>{@code update}</td><td>{@link Table#update}</td><td>rows matched</td></tr>
 *   <tr><td>{@code delete}</td><td>{@link Table#delete}</td><td>rows deleted</td></tr>
 *   <tr><td>{@code get}</td><td>{@link Table#get}</td><td>1 when found, else 0</td></tr>
 *   <tr><td>{@code select}</td><td>{@link Select#list}, {@link Select#first}, {@link Select#count},
 *       {@link Select#stream}, {@link Table#select(Condition)}</td><td>rows returned (counted)</td></tr>
 *   <tr><td>{@code aggregate}</td><td>{@link AggregateQuery#list}, {@link AggregateQuery#one}</td>
 *       <td>result rows (groups)</td></tr>
 *   <tr><td>{@code createIndex}</td><td>{@link Table#createIndex}</td><td>0</td></tr>
 *   <tr><td>{@code dropIndex}</td><td>{@link Table#dropIndex}</td><td>0</td></tr>
 * </table>
 * A failed operation is reported with {@code failed = true} and 0 rows, then its exception propagates as usual.
 * Calls rejected before they start because an argument is null or an invalid table name are not reported, nor
 * is an {@code insertAll} of no records (it changes nothing). Other reads (count, columns, all, copy, …) and file
 * operations are not reported.
 *
 * @param table         the table the operation was made on
 * @param operation     the operation name, one of those above (the same names as the {@code op} of log events,
 *                      except {@code insertAll}, {@code get} and {@code importCsv})
 * @param rows          rows affected or returned (see above); 0 when failed
 * @param durationNanos the wall-clock duration of the call, in nanoseconds
 * @param failed        true when the operation threw an exception
 */
public record OperationEvent(String table, String operation, long rows, long durationNanos, boolean failed) {

    /**
     * Checks the components.
     *
     * @param table         the table the operation was made on
     * @param operation     the operation name
     * @param rows          rows affected or returned; 0 when failed
     * @param durationNanos the duration of the call, in nanoseconds
     * @param failed        true when the operation threw an exception
     * @throws NullPointerException     when the table or the operation is null
     * @throws IllegalArgumentException when rows or the duration is negative
     */
    public OperationEvent {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(operation, "operation");
        if (rows < 0 || durationNanos < 0) {
            throw new IllegalArgumentException("rows and durationNanos must not be negative, got " + rows + " and "
                    + durationNanos + ".");
        }
    }

    /**
     * The duration of the call.
     *
     * @return {@link #durationNanos()} as a {@link Duration}
     */
    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }
}
