package io.dictdb;

import java.util.Objects;
import java.util.Optional;

/**
 * An aggregation function for {@link AggregateQuery#agg(String, Aggregate)}.
 *
 * <p>Null values are ignored by all functions but {@link #count()}; {@code sum/avg/min/max} of no values is
 * {@code null}; a count of no rows is 0. {@code sum} of only integral values is a {@code Long}, otherwise a
 * {@code Double}, or a {@code BigDecimal} when any value is a BigDecimal; {@code avg} is a {@code Double}
 * ({@code BigDecimal} when any value is a BigDecimal). {@code min}/{@code max} use the total order of
 * {@link Select#orderBy}, so they work on any type. Summing a non-numeric value throws {@link DictDBException}
 * naming the field.
 */
public final class Aggregate {
    /** The aggregation functions. */
    public enum Function { COUNT, SUM, AVG, MIN, MAX }

    private final Function function;
    private final String field;

    private Aggregate(Function function, String field) {
        this.function = function;
        this.field = field;
    }

    private static String requireField(String field) {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("Aggregate field name must not be null or empty.");
        }
        return field;
    }

    /**
     * SQL {@code COUNT(*)}: the number of rows.
     *
     * @return the aggregate
     */
    public static Aggregate count() {
        return new Aggregate(Function.COUNT, null);
    }

    /**
     * SQL {@code COUNT(field)}: the number of non-null values.
     *
     * @param field the field
     * @return the aggregate
     */
    public static Aggregate count(String field) {
        return new Aggregate(Function.COUNT, requireField(field));
    }

    /**
     * SQL {@code SUM(field)}.
     *
     * @param field a numeric field
     * @return the aggregate
     */
    public static Aggregate sum(String field) {
        return new Aggregate(Function.SUM, requireField(field));
    }

    /**
     * SQL {@code AVG(field)}.
     *
     * @param field a numeric field
     * @return the aggregate
     */
    public static Aggregate avg(String field) {
        return new Aggregate(Function.AVG, requireField(field));
    }

    /**
     * SQL {@code MIN(field)}.
     *
     * @param field the field
     * @return the aggregate
     */
    public static Aggregate min(String field) {
        return new Aggregate(Function.MIN, requireField(field));
    }

    /**
     * SQL {@code MAX(field)}.
     *
     * @param field the field
     * @return the aggregate
     */
    public static Aggregate max(String field) {
        return new Aggregate(Function.MAX, requireField(field));
    }

    /**
     * The function.
     *
     * @return the aggregation function
     */
    public Function function() {
        return function;
    }

    /**
     * The aggregated field.
     *
     * @return the field, empty for {@code count()}
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Aggregate && ((Aggregate) other).function == function
                && Objects.equals(((Aggregate) other).field, field);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, field);
    }

    @Override
    public String toString() {
        return function.name().toLowerCase(java.util.Locale.ROOT) + "(" + (field == null ? "*" : field) + ")";
    }
}
