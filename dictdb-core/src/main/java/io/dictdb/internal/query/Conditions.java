package io.dictdb.internal.query;

import io.dictdb.Condition;
import io.dictdb.Row;
import io.dictdb.internal.value.Values;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The condition AST: one immutable node class per kind of test, built by {@link io.dictdb.Field} and
 * {@link Condition}'s factories and read by the {@link Planner}. Operands are normalised when a node is built,
 * so evaluation compares normalised values only. A field test reads its field through a {@link FieldReader},
 * whose only state is a thread-safe hint (the field's position in the last row shape), so nodes stay shareable
 * between threads and their observable behaviour never changes.
 */
public final class Conditions {
    private Conditions() {
    }

    /** Ordering comparisons. */
    public enum RangeOp { LT, LTE, GT, GTE }

    /** String tests. */
    public enum TextOp { STARTS_WITH, ENDS_WITH, IEQUALS, ICONTAINS, ISTARTS_WITH, IENDS_WITH }

    // ---------------------------------------------------------------- factories

    public static Condition eq(String field, Object value) {
        return new Eq(field, Values.normalizeOperand(field, value));
    }

    public static Condition ne(String field, Object value) {
        return new Not(new Eq(field, Values.normalizeOperand(field, value)));
    }

    public static Condition range(String field, RangeOp op, Object bound) {
        return new Range(field, op, Values.normalizeOperand(field, bound));
    }

    public static Condition between(String field, Object low, Object high) {
        return new Between(field, Values.normalizeOperand(field, low), Values.normalizeOperand(field, high));
    }

    public static Condition in(String field, Collection<?> values) {
        List<Object> normalised = new ArrayList<>(values.size());
        for (Object v : values) {
            normalised.add(Values.normalizeOperand(field, v));
        }
        return new In(field, normalised);
    }

    public static Condition like(String field, String pattern, Character escape, boolean caseInsensitive) {
        Objects.requireNonNull(pattern, "pattern");
        return new Like(field, new LikePattern(pattern, escape, caseInsensitive));
    }

    public static Condition text(String field, TextOp op, String text) {
        if (text == null) {
            throw new IllegalArgumentException("Condition " + op.name().toLowerCase(Locale.ROOT) + " on field '"
                    + field + "' needs a non-null text.");
        }
        return new Text(field, op, text);
    }

    public static Condition contains(String field, Object item) {
        return new Contains(field, Values.normalizeOperand(field, item));
    }

    public static Condition isNull(String field, boolean isNull) {
        return isNull ? new IsNull(field) : new Not(new IsNull(field));
    }

    public static Condition and(Condition first, Condition second, Condition... more) {
        List<Condition> parts = new ArrayList<>();
        addFlattened(parts, Objects.requireNonNull(first, "condition"), true);
        addFlattened(parts, Objects.requireNonNull(second, "condition"), true);
        for (Condition c : more) {
            addFlattened(parts, Objects.requireNonNull(c, "condition"), true);
        }
        return new And(parts);
    }

    public static Condition or(Condition first, Condition second, Condition... more) {
        List<Condition> parts = new ArrayList<>();
        addFlattened(parts, Objects.requireNonNull(first, "condition"), false);
        addFlattened(parts, Objects.requireNonNull(second, "condition"), false);
        for (Condition c : more) {
            addFlattened(parts, Objects.requireNonNull(c, "condition"), false);
        }
        return new Or(parts);
    }

    /**
     * The conjunction of a list of two or more conditions.
     *
     * @param parts the conjuncts
     * @return their conjunction
     */
    static Condition andOf(List<Condition> parts) {
        List<Condition> flat = new ArrayList<>();
        for (Condition c : parts) {
            addFlattened(flat, c, true);
        }
        return new And(flat);
    }

    private static void addFlattened(List<Condition> parts, Condition c, boolean and) {
        if (and && c instanceof And) {
            parts.addAll(((And) c).parts);
        } else if (!and && c instanceof Or) {
            parts.addAll(((Or) c).parts);
        } else {
            parts.add(c);
        }
    }

    public static Condition not(Condition condition) {
        return new Not(Objects.requireNonNull(condition, "condition"));
    }

    public static Condition predicate(Predicate<Row> predicate) {
        return new Opaque(Objects.requireNonNull(predicate, "predicate"));
    }

    public static Condition all() {
        return All.INSTANCE;
    }

    // ---------------------------------------------------------------- nodes

    /** Returned by {@link #compareToBound} when the value cannot be ordered against the bound. */
    static final int INCOMPARABLE = Integer.MIN_VALUE;

    /**
     * Compares a row value with a condition bound, with fast paths for the common Long and Double cases.
     *
     * @return the comparison, or {@link #INCOMPARABLE} when the value is null or of another type rank
     */
    static int compareToBound(Object v, Object bound) {
        if (v instanceof Long && bound instanceof Long) {
            return Long.compare((Long) v, (Long) bound);
        }
        if (v instanceof Double && bound instanceof Double) {
            double x = (Double) v;
            double y = (Double) bound;
            if (x < y) {
                return -1;
            }
            if (x > y) {
                return 1;
            }
            return Values.compare(v, bound);
        }
        return Values.comparable(v, bound) ? Values.compare(v, bound) : INCOMPARABLE;
    }

    /** A test on one field of the row. */
    public abstract static class FieldTest implements Condition {
        final String field;
        private final FieldReader reader;

        FieldTest(String field) {
            if (field == null || field.isEmpty()) {
                throw new IllegalArgumentException("Field name must not be null or empty.");
            }
            this.field = field;
            this.reader = new FieldReader(field);
        }

        /** The tested field's value in a row (null when missing). */
        final Object valueIn(Row row) {
            return reader.read(row);
        }

        /** The tested field. */
        public String field() {
            return field;
        }
    }

    /** {@code field = value}; a null value matches null and missing fields. */
    public static final class Eq extends FieldTest {
        final Object value;

        Eq(String field, Object value) {
            super(field);
            this.value = value;
        }

        @Override
        public boolean test(Row row) {
            Object v = valueIn(row);
            return value == null ? v == null : Values.equal(v, value);
        }

        @Override
        public String toString() {
            return field + " = " + value;
        }
    }

    /** {@code field < | <= | > | >= bound}; false for null and for values of another type rank. */
    public static final class Range extends FieldTest {
        final RangeOp op;
        final Object bound;

        Range(String field, RangeOp op, Object bound) {
            super(field);
            this.op = op;
            this.bound = bound;
        }

        @Override
        public boolean test(Row row) {
            int c = compareToBound(valueIn(row), bound);
            if (c == INCOMPARABLE) {
                return false;
            }
            switch (op) {
                case LT: return c < 0;
                case LTE: return c <= 0;
                case GT: return c > 0;
                default: return c >= 0;
            }
        }

        @Override
        public String toString() {
            return field + " " + op + " " + bound;
        }
    }

    /** {@code field BETWEEN low AND high}, inclusive. */
    public static final class Between extends FieldTest {
        final Object low;
        final Object high;

        Between(String field, Object low, Object high) {
            super(field);
            this.low = low;
            this.high = high;
        }

        @Override
        public boolean test(Row row) {
            Object v = valueIn(row);
            int c = compareToBound(v, low);
            if (c == INCOMPARABLE || c < 0) {
                return false;
            }
            c = compareToBound(v, high);
            return c != INCOMPARABLE && c <= 0;
        }

        @Override
        public String toString() {
            return field + " BETWEEN " + low + " AND " + high;
        }
    }

    /** {@code field IN (values)}. */
    public static final class In extends FieldTest {
        private static final int HASHED_FROM = 8;
        final List<Object> values;
        private final Set<ValueKey> hashed;

        In(String field, List<Object> values) {
            super(field);
            this.values = Collections.unmodifiableList(values);
            if (values.size() >= HASHED_FROM) {
                Set<ValueKey> set = new HashSet<>();
                for (Object v : values) {
                    set.add(new ValueKey(v));
                }
                this.hashed = set;
            } else {
                this.hashed = null;
            }
        }

        @Override
        public boolean test(Row row) {
            Object v = valueIn(row);
            if (hashed != null) {
                return hashed.contains(new ValueKey(v));
            }
            for (Object candidate : values) {
                if (candidate == null ? v == null : Values.equal(v, candidate)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " IN " + values;
        }
    }

    /** {@code field [I]LIKE pattern}. */
    public static final class Like extends FieldTest {
        final LikePattern pattern;

        Like(String field, LikePattern pattern) {
            super(field);
            this.pattern = pattern;
        }

        @Override
        public boolean test(Row row) {
            Object v = valueIn(row);
            return v instanceof String && pattern.matches((String) v);
        }

        @Override
        public String toString() {
            return field + " LIKE '" + pattern + "'";
        }
    }

    /** String prefix, suffix and case-insensitive tests. */
    public static final class Text extends FieldTest {
        final TextOp op;
        final String text;

        Text(String field, TextOp op, String text) {
            super(field);
            this.op = op;
            this.text = op == TextOp.STARTS_WITH || op == TextOp.ENDS_WITH ? text : text.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean test(Row row) {
            Object v = valueIn(row);
            if (!(v instanceof String)) {
                return false;
            }
            String s = (String) v;
            switch (op) {
                case STARTS_WITH: return s.startsWith(text);
                case ENDS_WITH: return s.endsWith(text);
                case IEQUALS: return s.toLowerCase(Locale.ROOT).equals(text);
                case ICONTAINS: return s.toLowerCase(Locale.ROOT).contains(text);
                case ISTARTS_WITH: return s.toLowerCase(Locale.ROOT).startsWith(text);
                default: return s.toLowerCase(Locale.ROOT).endsWith(text);
            }
        }

        @Override
        public String toString() {
            return field + " " + op + " '" + text + "'";
        }
    }

    /** Substring of a String, element of a List, key of a Map. */
    public static final class Contains extends FieldTest {
        final Object item;

        Contains(String field, Object item) {
            super(field);
            this.item = item;
        }

        @Override
        public boolean test(Row row) {
            Object v = valueIn(row);
            if (v instanceof String) {
                return item instanceof String && ((String) v).contains((String) item);
            }
            if (v instanceof List) {
                for (Object element : (List<?>) v) {
                    if (item == null ? element == null : Values.equal(element, item)) {
                        return true;
                    }
                }
                return false;
            }
            if (v instanceof Map) {
                return item instanceof String && ((Map<?, ?>) v).containsKey(item);
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " CONTAINS " + item;
        }
    }

    /** {@code field IS NULL} (missing counts as null). */
    public static final class IsNull extends FieldTest {
        IsNull(String field) {
            super(field);
        }

        @Override
        public boolean test(Row row) {
            return valueIn(row) == null;
        }

        @Override
        public String toString() {
            return field + " IS NULL";
        }
    }

    /** Two or more conditions joined by AND or OR, flattened. */
    abstract static class Junction implements Condition {
        final List<Condition> parts;
        private final String word;

        Junction(List<Condition> parts, String word) {
            this.parts = List.copyOf(parts);
            this.word = word;
        }

        @Override
        public String toString() {
            return "(" + String.join(" " + word + " ", parts.stream().map(String::valueOf).toArray(String[]::new))
                    + ")";
        }
    }

    /** Conjunction of two or more conditions, flattened. */
    public static final class And extends Junction {
        And(List<Condition> parts) {
            super(parts, "AND");
        }

        @Override
        public boolean test(Row row) {
            for (Condition c : parts) {
                if (!c.test(row)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Disjunction of two or more conditions, flattened. */
    public static final class Or extends Junction {
        Or(List<Condition> parts) {
            super(parts, "OR");
        }

        @Override
        public boolean test(Row row) {
            for (Condition c : parts) {
                if (c.test(row)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Negation. */
    public static final class Not implements Condition {
        final Condition inner;

        Not(Condition inner) {
            this.inner = inner;
        }

        @Override
        public boolean test(Row row) {
            return !inner.test(row);
        }

        @Override
        public String toString() {
            return "NOT " + inner;
        }
    }

    /** A Java predicate, opaque to the planner. */
    public static final class Opaque implements Condition {
        final Predicate<Row> predicate;

        Opaque(Predicate<Row> predicate) {
            this.predicate = predicate;
        }

        @Override
        public boolean test(Row row) {
            return predicate.test(row);
        }

        @Override
        public String toString() {
            return "PREDICATE";
        }
    }

    /** Matches every row. */
    public static final class All implements Condition {
        static final All INSTANCE = new All();

        private All() {
        }

        @Override
        public boolean test(Row row) {
            return true;
        }

        @Override
        public String toString() {
            return "TRUE";
        }
    }
}
