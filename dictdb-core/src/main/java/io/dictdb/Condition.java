package io.dictdb;

import io.dictdb.internal.query.Conditions;

import java.util.Map;
import java.util.function.Predicate;

/**
 * A filter over rows, built with {@link Field} and combined with {@link #and}, {@link #or} and {@link #negate}.
 *
 * <p>Conditions built by DictDB are immutable values that the query planner reads: equality and {@code isIn}
 * can use hash or sorted indexes, ranges and prefixes sorted indexes, an AND uses its most selective indexed
 * part, an OR uses indexes only when every branch can, a NOT scans. Whatever the plan, the whole condition is
 * checked on every candidate, so indexes change speed, never results. A condition written as a lambda, or with
 * {@link #of(Predicate)}, is opaque to the planner and always scans.
 *
 * <pre>{@code
 * // SQL: WHERE age >= 18 AND (dept = 'IT' OR dept = 'HR')
 * Condition c = users.field("age").gte(18)
 *         .and(users.field("dept").isIn("IT", "HR"));
 * }</pre>
 */
@FunctionalInterface
public interface Condition {

    /**
     * Evaluates this condition on a row.
     *
     * @param row a row
     * @return true when the row matches
     */
    boolean test(Row row);

    /**
     * Evaluates this condition on any record map (its values are normalised first).
     *
     * @param record a record
     * @return true when the record matches
     */
    default boolean matches(Map<String, ?> record) {
        return test(Row.of(record));
    }

    /**
     * Both this and another condition.
     *
     * @param other the other condition
     * @return {@code this AND other}
     */
    default Condition and(Condition other) {
        return Conditions.and(this, other);
    }

    /**
     * Either this or another condition.
     *
     * @param other the other condition
     * @return {@code this OR other}
     */
    default Condition or(Condition other) {
        return Conditions.or(this, other);
    }

    /**
     * The negation of this condition.
     *
     * @return {@code NOT this}
     */
    default Condition negate() {
        return Conditions.not(this);
    }

    /**
     * All of the given conditions.
     *
     * @param first  a condition
     * @param second a condition
     * @param more   further conditions
     * @return their conjunction
     */
    static Condition and(Condition first, Condition second, Condition... more) {
        return Conditions.and(first, second, more);
    }

    /**
     * Any of the given conditions.
     *
     * @param first  a condition
     * @param second a condition
     * @param more   further conditions
     * @return their disjunction
     */
    static Condition or(Condition first, Condition second, Condition... more) {
        return Conditions.or(first, second, more);
    }

    /**
     * The negation of a condition.
     *
     * @param condition a condition
     * @return {@code NOT condition}
     */
    static Condition not(Condition condition) {
        return Conditions.not(condition);
    }

    /**
     * An arbitrary Java predicate over rows. It never uses an index.
     *
     * @param predicate the test, given immutable rows
     * @return the condition
     */
    static Condition of(Predicate<Row> predicate) {
        return Conditions.predicate(predicate);
    }

    /**
     * The condition every row matches.
     *
     * @return the always-true condition
     */
    static Condition all() {
        return Conditions.all();
    }
}
