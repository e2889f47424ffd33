package io.dictdb;

import io.dictdb.internal.query.Conditions;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A field of a table, the entry point of the query DSL: {@code users.field("age").gte(18)} or
 * {@code Field.of("age").gte(18)}. Each method returns an immutable {@link Condition}.
 *
 * <p>Rules shared by every condition: a missing field reads as {@code null}; numbers compare by value across
 * Long, Double and BigDecimal ({@code eq(1)} matches {@code 1L} and {@code 1.0}), Booleans are not numbers;
 * ordering comparisons ({@code lt}, {@code lte}, {@code gt}, {@code gte}, {@code between}) are false for null or
 * missing values and for values of another type; string conditions are false for non-String values
 * ({@code contains} also matches list elements and map keys); case-insensitive conditions lower-case both sides
 * with {@link java.util.Locale#ROOT}.
 */
public final class Field {
    private final String name;

    private Field(String name) {
        this.name = name;
    }

    /**
     * A field by name.
     *
     * @param name the field name
     * @return the field
     * @throws IllegalArgumentException when the name is null or empty
     */
    public static Field of(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Field name must not be null or empty.");
        }
        return new Field(name);
    }

    /**
     * The field name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * SQL {@code field = value}; {@code eq(null)} matches null and missing values.
     *
     * @param value the value to compare with
     * @return the condition
     */
    public Condition eq(Object value) {
        return Conditions.eq(name, value);
    }

    /**
     * SQL {@code field <> value}; matches null and missing values when {@code value} is not null.
     *
     * @param value the value to compare with
     * @return the condition
     */
    public Condition ne(Object value) {
        return Conditions.ne(name, value);
    }

    /**
     * SQL {@code field < value}.
     *
     * @param value a non-null bound
     * @return the condition
     */
    public Condition lt(Object value) {
        return Conditions.range(name, Conditions.RangeOp.LT, value);
    }

    /**
     * SQL {@code field <= value}.
     *
     * @param value a non-null bound
     * @return the condition
     */
    public Condition lte(Object value) {
        return Conditions.range(name, Conditions.RangeOp.LTE, value);
    }

    /**
     * SQL {@code field > value}.
     *
     * @param value a non-null bound
     * @return the condition
     */
    public Condition gt(Object value) {
        return Conditions.range(name, Conditions.RangeOp.GT, value);
    }

    /**
     * SQL {@code field >= value}.
     *
     * @param value a non-null bound
     * @return the condition
     */
    public Condition gte(Object value) {
        return Conditions.range(name, Conditions.RangeOp.GTE, value);
    }

    /**
     * SQL {@code field IN (values)}.
     *
     * @param values the accepted values (null matches null and missing)
     * @return the condition
     */
    public Condition isIn(Collection<?> values) {
        Objects.requireNonNull(values, "values");
        return Conditions.in(name, values);
    }

    /**
     * SQL {@code field IN (values)}.
     *
     * @param values the accepted values
     * @return the condition
     */
    public Condition isIn(Object... values) {
        Objects.requireNonNull(values, "values");
        return Conditions.in(name, Arrays.asList(values));
    }

    /**
     * SQL {@code field BETWEEN low AND high}, both bounds inclusive.
     *
     * @param low  the lower bound
     * @param high the upper bound
     * @return the condition
     */
    public Condition between(Object low, Object high) {
        return Conditions.between(name, low, high);
    }

    /**
     * SQL {@code LIKE}: {@code %} any sequence (newlines included), {@code _} exactly one character, anchored at
     * both ends, everything else literal.
     *
     * @param pattern the pattern
     * @return the condition
     */
    public Condition like(String pattern) {
        return Conditions.like(name, pattern, null, false);
    }

    /**
     * SQL {@code LIKE ... ESCAPE}: the character after {@code escape} is literal.
     *
     * @param pattern the pattern
     * @param escape  the escape character
     * @return the condition
     */
    public Condition like(String pattern, char escape) {
        return Conditions.like(name, pattern, escape, false);
    }

    /**
     * Case-insensitive {@link #like(String)}.
     *
     * @param pattern the pattern
     * @return the condition
     */
    public Condition ilike(String pattern) {
        return Conditions.like(name, pattern, null, true);
    }

    /**
     * Case-insensitive {@link #like(String, char)}.
     *
     * @param pattern the pattern
     * @param escape  the escape character
     * @return the condition
     */
    public Condition ilike(String pattern, char escape) {
        return Conditions.like(name, pattern, escape, true);
    }

    /**
     * SQL {@code field LIKE 'prefix%'} with a literal prefix.
     *
     * @param prefix the prefix
     * @return the condition
     */
    public Condition startsWith(String prefix) {
        return Conditions.text(name, Conditions.TextOp.STARTS_WITH, prefix);
    }

    /**
     * SQL {@code field LIKE '%suffix'} with a literal suffix.
     *
     * @param suffix the suffix
     * @return the condition
     */
    public Condition endsWith(String suffix) {
        return Conditions.text(name, Conditions.TextOp.ENDS_WITH, suffix);
    }

    /**
     * A substring of a String value, an element of a List value, or a key of a Map value.
     *
     * @param item the substring, element or key
     * @return the condition
     */
    public Condition contains(Object item) {
        return Conditions.contains(name, item);
    }

    /**
     * Case-insensitive equality of Strings.
     *
     * @param text the text
     * @return the condition
     */
    public Condition iequals(String text) {
        return Conditions.text(name, Conditions.TextOp.IEQUALS, text);
    }

    /**
     * Case-insensitive substring.
     *
     * @param text the text
     * @return the condition
     */
    public Condition icontains(String text) {
        return Conditions.text(name, Conditions.TextOp.ICONTAINS, text);
    }

    /**
     * Case-insensitive prefix.
     *
     * @param prefix the prefix
     * @return the condition
     */
    public Condition istartsWith(String prefix) {
        return Conditions.text(name, Conditions.TextOp.ISTARTS_WITH, prefix);
    }

    /**
     * Case-insensitive suffix.
     *
     * @param suffix the suffix
     * @return the condition
     */
    public Condition iendsWith(String suffix) {
        return Conditions.text(name, Conditions.TextOp.IENDS_WITH, suffix);
    }

    /**
     * SQL {@code field IS NULL} (a missing field is null).
     *
     * @return the condition
     */
    public Condition isNull() {
        return Conditions.isNull(name, true);
    }

    /**
     * SQL {@code field IS NOT NULL}.
     *
     * @return the condition
     */
    public Condition isNotNull() {
        return Conditions.isNull(name, false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Field && ((Field) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
