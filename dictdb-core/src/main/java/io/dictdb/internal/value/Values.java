package io.dictdb.internal.value;

import io.dictdb.FieldType;
import io.dictdb.SchemaValidationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The value rules of DictDB: normalisation of what callers give, the one total order used by sorting and
 * sorted structures, equality by value, and hashing consistent with that equality.
 *
 * <p>Normalised values are: {@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link BigDecimal},
 * {@link String}, {@link LocalDate}, {@link LocalDateTime}, {@link Instant}, {@link UUID}, {@link FrozenList}
 * and {@link FrozenMap} (recursively normalised). Every method here except {@link #normalize} expects normalised
 * values.
 *
 * <p>The total order: {@code Boolean < numbers < String < LocalDate < LocalDateTime < Instant < UUID < List <
 * Map < null}. Numbers compare by value across Long, Double and BigDecimal (NaN after every other number, equal to
 * itself; -0.0 equals 0). Lists compare element by element, then by length; maps compare their entries sorted by
 * key (key, then value), then by size. {@code compare(a, b) == 0} is exactly {@link #equal}, and
 * {@link #hash} is consistent with it.
 */
public final class Values {
    private static final double TWO_POW_63 = 9.223372036854775807E18;

    private Values() {
    }

    // ---------------------------------------------------------------- normalisation

    /**
     * Normalises a value given by a caller for a field.
     *
     * @param field the field name, for error messages
     * @param value any value
     * @return the normalised value
     * @throws SchemaValidationException when the value (or a nested value) has an unsupported type
     */
    public static Object normalize(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof FrozenList || value instanceof FrozenMap) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            float f = (Float) value;
            // The shortest decimal that names the float: 0.1f becomes 0.1, not 0.10000000149011612.
            return Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : (double) f;
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof Instant || value instanceof UUID) {
            return value;
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            Object[] elements = new Object[list.size()];
            int i = 0;
            for (Object element : list) {
                elements[i++] = normalize(field, element);
            }
            return new FrozenList(elements);
        }
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            LinkedHashMap<String, Object> entries = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new SchemaValidationException("Field '" + field + "' has a map key of type '"
                            + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                            + "'; map keys must be strings.");
                }
                entries.put((String) entry.getKey(), normalize(field, entry.getValue()));
            }
            return new FrozenMap(entries);
        }
        throw new SchemaValidationException(
                "Field '" + field + "' has unsupported type '" + value.getClass().getName() + "'.");
    }

    /**
     * Normalises a value used in a query (a comparison operand); unsupported types are reported with an
     * {@link IllegalArgumentException} since no field is being written.
     *
     * @param field the queried field
     * @param value the operand
     * @return the normalised operand
     */
    public static Object normalizeOperand(String field, Object value) {
        try {
            return normalize(field, value);
        } catch (SchemaValidationException e) {
            throw new IllegalArgumentException("Condition on field '" + field + "' has an operand of unsupported type '"
                    + value.getClass().getName() + "'.", e);
        }
    }

    /**
     * Applies the storage coercions of a schema type: an integral number stored in a DOUBLE field becomes a
     * Double, in a DECIMAL field a BigDecimal.
     *
     * @param type  the declared type
     * @param value a normalised value
     * @return the value to store
     */
    public static Object coerce(FieldType type, Object value) {
        if (value instanceof Long) {
            if (type == FieldType.DOUBLE) {
                return ((Long) value).doubleValue();
            }
            if (type == FieldType.DECIMAL) {
                return BigDecimal.valueOf((Long) value);
            }
        }
        return value;
    }

    /**
     * The name of a normalised value's type, as used in messages: {@code Long}, {@code Double}, {@code BigDecimal},
     * {@code String}, {@code Boolean}, {@code LocalDate}, {@code LocalDateTime}, {@code Instant}, {@code UUID},
     * {@code List}, {@code Map} or {@code null}.
     *
     * @param value a normalised value
     * @return its type name
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "List";
        }
        if (value instanceof Map) {
            return "Map";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * A deep, mutable copy of a normalised value: lists become {@link ArrayList}, maps {@link LinkedHashMap}.
     *
     * @param value a normalised value
     * @return a copy that shares no mutable state with the value
     */
    public static Object mutableCopy(Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(mutableCopy(element));
            }
            return copy;
        }
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put((String) entry.getKey(), mutableCopy(entry.getValue()));
            }
            return copy;
        }
        return value;
    }

    // ---------------------------------------------------------------- order and equality

    /**
     * The rank of a value's type in the total order.
     *
     * @param value a normalised value
     * @return 0 Boolean, 1 number, 2 String, 3 LocalDate, 4 LocalDateTime, 5 Instant, 6 UUID, 7 List, 8 Map,
     *         9 null
     */
    public static int rank(Object value) {
        if (value == null) {
            return 9;
        }
        if (value instanceof Number) {
            return 1;
        }
        if (value instanceof String) {
            return 2;
        }
        if (value instanceof Boolean) {
            return 0;
        }
        if (value instanceof LocalDate) {
            return 3;
        }
        if (value instanceof LocalDateTime) {
            return 4;
        }
        if (value instanceof Instant) {
            return 5;
        }
        if (value instanceof UUID) {
            return 6;
        }
        if (value instanceof List) {
            return 7;
        }
        if (value instanceof Map) {
            return 8;
        }
        throw new IllegalArgumentException("Not a normalised value: " + value.getClass().getName());
    }

    /**
     * Compares two normalised values in the total order.
     *
     * @param a a value
     * @param b a value
     * @return negative, zero or positive
     */
    public static int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof Long && b instanceof Long) {
            return Long.compare((Long) a, (Long) b);
        }
        if (a instanceof String && b instanceof String) {
            return ((String) a).compareTo((String) b);
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return ra < rb ? -1 : 1;
        }
        switch (ra) {
            case 0: return Boolean.compare((Boolean) a, (Boolean) b);
            case 1: return compareNumbers((Number) a, (Number) b);
            case 3: return ((LocalDate) a).compareTo((LocalDate) b);
            case 4: return ((LocalDateTime) a).compareTo((LocalDateTime) b);
            case 5: return ((Instant) a).compareTo((Instant) b);
            case 6: return compareUuids((UUID) a, (UUID) b);
            case 7: return compareLists((List<?>) a, (List<?>) b);
            case 8: return compareMaps((Map<?, ?>) a, (Map<?, ?>) b);
            default: return 0; // both null
        }
    }

    /**
     * Whether two values of the same type rank can be compared by {@code lt/gt}-style conditions (both non-null
     * and of the same rank).
     *
     * @param a a normalised value
     * @param b a normalised value
     * @return true when comparable
     */
    public static boolean comparable(Object a, Object b) {
        return a != null && b != null && rank(a) == rank(b);
    }

    /**
     * Equality by value: numbers across Long/Double/BigDecimal, lists and maps element by element.
     *
     * @param a a normalised value
     * @param b a normalised value
     * @return true when equal
     */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.getClass() == b.getClass() && !(a instanceof Double) && !(a instanceof BigDecimal)
                && !(a instanceof List) && !(a instanceof Map)) {
            return a.equals(b);
        }
        return compare(a, b) == 0;
    }

    /**
     * A hash consistent with {@link #equal}.
     *
     * @param value a normalised value
     * @return its hash
     */
    public static int hash(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Long) {
            return Long.hashCode((Long) value);
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d)) {
                return 0x7ff80000;
            }
            if (d == Math.rint(d) && d >= -TWO_POW_63 && d < TWO_POW_63) {
                return Long.hashCode((long) d);
            }
            return Double.hashCode(d);
        }
        if (value instanceof BigDecimal) {
            BigDecimal bd = ((BigDecimal) value).stripTrailingZeros();
            if (bd.scale() <= 0 && bd.precision() - bd.scale() <= 19) {
                try {
                    return Long.hashCode(bd.longValueExact());
                } catch (ArithmeticException outOfRange) {
                    return bd.hashCode();
                }
            }
            double d = bd.doubleValue();
            if (Double.isFinite(d) && new BigDecimal(d).compareTo(bd) == 0) {
                return Double.hashCode(d);
            }
            return bd.hashCode();
        }
        if (value instanceof List) {
            int h = 1;
            for (Object element : (List<?>) value) {
                h = 31 * h + hash(element);
            }
            return h;
        }
        if (value instanceof Map) {
            int h = 0;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                h += entry.getKey().hashCode() ^ hash(entry.getValue());
            }
            return h;
        }
        return value.hashCode();
    }

    private static int compareNumbers(Number a, Number b) {
        if (a instanceof Long) {
            long x = (Long) a;
            if (b instanceof Long) {
                return Long.compare(x, (Long) b);
            }
            if (b instanceof Double) {
                return compareLongDouble(x, (Double) b);
            }
            return BigDecimal.valueOf(x).compareTo((BigDecimal) b);
        }
        if (a instanceof Double) {
            double x = (Double) a;
            if (b instanceof Double) {
                return compareDoubles(x, (Double) b);
            }
            if (b instanceof Long) {
                return -compareLongDouble((Long) b, x);
            }
            return compareDoubleDecimal(x, (BigDecimal) b);
        }
        BigDecimal x = (BigDecimal) a;
        if (b instanceof BigDecimal) {
            return x.compareTo((BigDecimal) b);
        }
        if (b instanceof Long) {
            return x.compareTo(BigDecimal.valueOf((Long) b));
        }
        return -compareDoubleDecimal((Double) b, x);
    }

    private static int compareDoubles(double x, double y) {
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        if (x == y) {
            return 0; // includes -0.0 == 0.0
        }
        boolean xNaN = Double.isNaN(x);
        boolean yNaN = Double.isNaN(y);
        return xNaN == yNaN ? 0 : (xNaN ? 1 : -1);
    }

    private static int compareLongDouble(long x, double d) {
        if (Double.isNaN(d) || d >= TWO_POW_63) {
            return -1;
        }
        if (d < -TWO_POW_63) {
            return 1;
        }
        long truncated = (long) d;
        if (x != truncated) {
            return Long.compare(x, truncated);
        }
        double fraction = d - truncated;
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
    }

    private static int compareDoubleDecimal(double d, BigDecimal b) {
        if (Double.isNaN(d) || d == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (d == Double.NEGATIVE_INFINITY) {
            return -1;
        }
        return new BigDecimal(d).compareTo(b);
    }

    private static int compareUuids(UUID a, UUID b) {
        // Unsigned order, so that the order matches the textual (hexadecimal) order of UUIDs.
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static int compareLists(List<?> a, List<?> b) {
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = compare(ia.next(), ib.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static int compareMaps(Map<?, ?> a, Map<?, ?> b) {
        Iterator<? extends Map.Entry<?, ?>> ia = sortedEntries(a).iterator();
        Iterator<? extends Map.Entry<?, ?>> ib = sortedEntries(b).iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<?, ?> ea = ia.next();
            Map.Entry<?, ?> eb = ib.next();
            int c = ((String) ea.getKey()).compareTo((String) eb.getKey());
            if (c == 0) {
                c = compare(ea.getValue(), eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static Collection<? extends Map.Entry<?, ?>> sortedEntries(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            sorted.put((String) entry.getKey(), entry.getValue());
        }
        return sorted.entrySet();
    }
}
