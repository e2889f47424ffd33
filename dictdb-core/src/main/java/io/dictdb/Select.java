package io.dictdb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fluent query over one table; each call returns this builder, a terminal method runs it.
 *
 * <pre>{@code
 * // SQL: SELECT name, email FROM users WHERE age >= 18 ORDER BY age DESC, name LIMIT 10 OFFSET 20
 * List<Row> rows = users.select()
 *     .columns("name", "email")
 *     .where(users.field("age").gte(18))
 *     .orderBy("-age", "name")
 *     .limit(10).offset(20)
 *     .list();
 * }</pre>
 *
 * <p>Pipeline, in this order: filter, order, offset/limit, projection, distinct (so {@code distinct} after a
 * {@code limit} may return fewer rows than the limit). Without {@code orderBy} rows come in ascending
 * primary-key order. Ordering uses one total order over all values: {@code null} after every value (ascending:
 * nulls last; descending: nulls first); different types by rank {@code Boolean < numbers < String < LocalDate <
 * LocalDateTime < Instant < UUID < List < Map}; numbers by value across Long, Double and BigDecimal; ties keep
 * primary-key order. The query runs on one consistent snapshot of the database.
 */
public interface Select {

    /**
     * Projects the result onto fields; a missing field comes back as null. Replaces any earlier projection.
     *
     * @param fields the field names, in result order
     * @return this builder
     */
    Select columns(String... fields);

    /**
     * Projects the result onto fields under aliases (result name to source field), in the map's order.
     *
     * @param aliases alias to field name (use a LinkedHashMap to fix the order)
     * @return this builder
     */
    Select columns(Map<String, String> aliases);

    /**
     * Filters rows.
     *
     * @param where the condition
     * @return this builder
     */
    Select where(Condition where);

    /**
     * Orders rows by fields; a leading {@code -} sorts that field descending.
     *
     * @param fields field names, most significant first
     * @return this builder
     */
    Select orderBy(String... fields);

    /**
     * Keeps at most {@code limit} rows.
     *
     * @param limit the maximum number of rows, at least 0
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    Select limit(int limit);

    /**
     * Skips the first {@code offset} rows.
     *
     * @param offset the number of rows to skip, at least 0
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    Select offset(int offset);

    /**
     * Removes duplicate result rows (same fields, equal values), keeping the first.
     *
     * @return this builder
     */
    Select distinct();

    /**
     * Whether rows are returned as deep mutable copies (true, the default) or as the stored immutable rows
     * (false: faster, and safe to share, but any attempt to modify them throws).
     *
     * @param copy true for mutable copies
     * @return this builder
     */
    Select copy(boolean copy);

    /**
     * Runs the query.
     *
     * @return the rows
     */
    List<Row> list();

    /**
     * Runs the query and returns its first row.
     *
     * @return the first row, empty when none matches
     */
    Optional<Row> first();

    /**
     * Counts the rows {@link #list()} would return.
     *
     * @return the row count
     */
    long count();

    /**
     * Runs the query and streams its rows (the result is computed when this is called).
     *
     * @return a stream of the rows
     */
    Stream<Row> stream();
}
