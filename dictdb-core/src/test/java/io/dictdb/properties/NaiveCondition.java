package io.dictdb.properties;

import io.dictdb.Condition;
import io.dictdb.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A query condition known twice: as the DictDB {@link Condition} it builds, and as a naive evaluation of the
 * rules of API.md over a plain map (a missing field is null; numbers equal by value; ordering comparisons false
 * across type ranks; string tests false for non-strings; LIKE anchored, {@code %} any sequence including
 * newlines, {@code _} one character).
 */
interface NaiveCondition {

    /** The naive evaluation. */
    boolean test(Map<String, ?> row);

    /** The DictDB condition. */
    Condition toCondition();

    /** Ordering comparisons. */
    enum Op { LT, LTE, GT, GTE }

    /** String tests with a literal text. */
    enum TextOp { STARTS_WITH, ENDS_WITH, CONTAINS, IEQUALS, ICONTAINS, ISTARTS_WITH, IENDS_WITH }

    static NaiveCondition eq(String f, Object v) {
        return new Eq(f, v);
    }

    record Eq(String field, Object value) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            Object x = row.get(field);
            return value == null ? x == null : NaiveValues.same(x, NaiveValues.normalize(value));
        }

        public Condition toCondition() {
            return Field.of(field).eq(value);
        }

        public String toString() {
            return field + " = " + show(value);
        }
    }

    record Ne(String field, Object value) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            return !new Eq(field, value).test(row);
        }

        public Condition toCondition() {
            return Field.of(field).ne(value);
        }

        public String toString() {
            return field + " <> " + show(value);
        }
    }

    record Cmp(String field, Op op, Object bound) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            Object x = row.get(field);
            Object b = NaiveValues.normalize(bound);
            if (!NaiveValues.comparable(x, b)) {
                return false;
            }
            int c = NaiveValues.compare(x, b);
            switch (op) {
                case LT: return c < 0;
                case LTE: return c <= 0;
                case GT: return c > 0;
                default: return c >= 0;
            }
        }

        public Condition toCondition() {
            Field f = Field.of(field);
            switch (op) {
                case LT: return f.lt(bound);
                case LTE: return f.lte(bound);
                case GT: return f.gt(bound);
                default: return f.gte(bound);
            }
        }

        public String toString() {
            return field + " " + op + " " + show(bound);
        }
    }

    record Between(String field, Object low, Object high) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            Object x = row.get(field);
            Object lo = NaiveValues.normalize(low);
            Object hi = NaiveValues.normalize(high);
            return NaiveValues.comparable(x, lo) && NaiveValues.comparable(x, hi)
                    && NaiveValues.compare(x, lo) >= 0 && NaiveValues.compare(x, hi) <= 0;
        }

        public Condition toCondition() {
            return Field.of(field).between(low, high);
        }

        public String toString() {
            return field + " BETWEEN " + show(low) + " AND " + show(high);
        }
    }

    record In(String field, List<Object> values) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            for (Object v : values) {
                if (new Eq(field, v).test(row)) {
                    return true;
                }
            }
            return false;
        }

        public Condition toCondition() {
            return Field.of(field).isIn(new ArrayList<>(values));
        }

        public String toString() {
            return field + " IN " + values.stream().map(NaiveCondition::show).collect(Collectors.toList());
        }
    }

    record Like(String field, String pattern, Character escape, boolean ignoreCase) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            Object x = row.get(field);
            return x instanceof String && like((String) x, pattern, escape, ignoreCase);
        }

        public Condition toCondition() {
            Field f = Field.of(field);
            if (escape == null) {
                return ignoreCase ? f.ilike(pattern) : f.like(pattern);
            }
            return ignoreCase ? f.ilike(pattern, escape) : f.like(pattern, escape);
        }

        public String toString() {
            return field + (ignoreCase ? " ILIKE " : " LIKE ") + show(pattern)
                    + (escape == null ? "" : " ESCAPE '" + escape + "'");
        }
    }

    record Text(String field, TextOp op, String text) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            if (op == TextOp.CONTAINS) {
                return new ContainsItem(field, text).test(row); // also list elements and map keys
            }
            Object x = row.get(field);
            if (!(x instanceof String)) {
                return false;
            }
            String s = (String) x;
            String ls = s.toLowerCase(Locale.ROOT);
            String lt = text.toLowerCase(Locale.ROOT);
            switch (op) {
                case STARTS_WITH: return s.startsWith(text);
                case ENDS_WITH: return s.endsWith(text);
                case IEQUALS: return ls.equals(lt);
                case ICONTAINS: return ls.contains(lt);
                case ISTARTS_WITH: return ls.startsWith(lt);
                default: return ls.endsWith(lt);
            }
        }

        public Condition toCondition() {
            Field f = Field.of(field);
            switch (op) {
                case STARTS_WITH: return f.startsWith(text);
                case ENDS_WITH: return f.endsWith(text);
                case CONTAINS: return f.contains(text);
                case IEQUALS: return f.iequals(text);
                case ICONTAINS: return f.icontains(text);
                case ISTARTS_WITH: return f.istartsWith(text);
                default: return f.iendsWith(text);
            }
        }

        public String toString() {
            return field + " " + op + " " + show(text);
        }
    }

    /** {@code contains(item)}: a substring of a String, an element of a List (by value), a key of a Map. */
    record ContainsItem(String field, Object item) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            Object x = row.get(field);
            Object it = NaiveValues.normalize(item);
            if (x instanceof String) {
                return it instanceof String && ((String) x).contains((String) it);
            }
            if (x instanceof List) {
                for (Object element : (List<?>) x) {
                    if (NaiveValues.same(element, it)) {
                        return true;
                    }
                }
                return false;
            }
            if (x instanceof Map) {
                return it instanceof String && ((Map<?, ?>) x).containsKey(it);
            }
            return false;
        }

        public Condition toCondition() {
            return Field.of(field).contains(item);
        }

        public String toString() {
            return field + " CONTAINS " + show(item);
        }
    }

    record IsNull(String field, boolean isNull) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            return (row.get(field) == null) == isNull;
        }

        public Condition toCondition() {
            return isNull ? Field.of(field).isNull() : Field.of(field).isNotNull();
        }

        public String toString() {
            return field + (isNull ? " IS NULL" : " IS NOT NULL");
        }
    }

    record And(List<NaiveCondition> parts) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            for (NaiveCondition p : parts) {
                if (!p.test(row)) {
                    return false;
                }
            }
            return true;
        }

        public Condition toCondition() {
            Condition[] more = parts.subList(2, parts.size()).stream().map(NaiveCondition::toCondition)
                    .toArray(Condition[]::new);
            return Condition.and(parts.get(0).toCondition(), parts.get(1).toCondition(), more);
        }

        public String toString() {
            return parts.stream().map(String::valueOf).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<NaiveCondition> parts) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            for (NaiveCondition p : parts) {
                if (p.test(row)) {
                    return true;
                }
            }
            return false;
        }

        public Condition toCondition() {
            Condition[] more = parts.subList(2, parts.size()).stream().map(NaiveCondition::toCondition)
                    .toArray(Condition[]::new);
            return Condition.or(parts.get(0).toCondition(), parts.get(1).toCondition(), more);
        }

        public String toString() {
            return parts.stream().map(String::valueOf).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    /** Two conditions joined with the instance methods {@code a.and(b)} / {@code a.or(b)}. */
    record Chained(NaiveCondition left, NaiveCondition right, boolean and) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            return and ? left.test(row) && right.test(row) : left.test(row) || right.test(row);
        }

        public Condition toCondition() {
            return and ? left.toCondition().and(right.toCondition()) : left.toCondition().or(right.toCondition());
        }

        public String toString() {
            return "(" + left + (and ? " and " : " or ") + right + ")";
        }
    }

    record Not(NaiveCondition inner, boolean viaNegate) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            return !inner.test(row);
        }

        public Condition toCondition() {
            return viaNegate ? inner.toCondition().negate() : Condition.not(inner.toCondition());
        }

        public String toString() {
            return "NOT " + inner;
        }
    }

    /** The same test given to DictDB as an opaque Java predicate ({@link Condition#of}). */
    record Opaque(NaiveCondition inner) implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            return inner.test(row);
        }

        public Condition toCondition() {
            return Condition.of(inner::test);
        }

        public String toString() {
            return "of(" + inner + ")";
        }
    }

    record All() implements NaiveCondition {
        public boolean test(Map<String, ?> row) {
            return true;
        }

        public Condition toCondition() {
            return Condition.all();
        }

        public String toString() {
            return "TRUE";
        }
    }

    /** A value as Java source would write it, so that failure reports can be pasted into a test. */
    static String show(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return '"' + ((String) v).replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + '"';
        }
        if (v instanceof Long) {
            return v + "L";
        }
        if (v instanceof Integer) {
            return "(int) " + v;
        }
        if (v instanceof Float) {
            return v + "f";
        }
        if (v instanceof java.math.BigDecimal) {
            return "new BigDecimal(\"" + v + "\")";
        }
        if (v instanceof Double) {
            return v + "d";
        }
        if (v instanceof java.time.LocalDate) {
            return "LocalDate.parse(\"" + v + "\")";
        }
        return String.valueOf(v);
    }

    /**
     * SQL LIKE by dynamic programming over pattern tokens: {@code %} any sequence, {@code _} one character,
     * the character after {@code escape} literal, everything else literal, anchored at both ends.
     */
    static boolean like(String value, String pattern, Character escape, boolean ignoreCase) {
        String s = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        // Tokens: a literal character, or -1 for '%', or -2 for '_'.
        List<Integer> tokens = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape && i + 1 < pattern.length()) {
                char lit = pattern.charAt(++i);
                tokens.add((int) (ignoreCase ? Character.toLowerCase(lit) : lit));
            } else if (c == '%') {
                tokens.add(-1);
            } else if (c == '_') {
                tokens.add(-2);
            } else {
                tokens.add((int) (ignoreCase ? Character.toLowerCase(c) : c));
            }
        }
        int n = s.length();
        int m = tokens.size();
        // can[i][j]: s[i..] matches tokens[j..]
        boolean[][] can = new boolean[n + 1][m + 1];
        can[n][m] = true;
        for (int j = m - 1; j >= 0; j--) {
            can[n][j] = tokens.get(j) == -1 && can[n][j + 1];
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                int t = tokens.get(j);
                if (t == -1) {
                    can[i][j] = can[i][j + 1] || can[i + 1][j];
                } else if (t == -2) {
                    can[i][j] = can[i + 1][j + 1];
                } else {
                    can[i][j] = s.charAt(i) == t && can[i + 1][j + 1];
                }
            }
        }
        return can[0][0];
    }
}
