package io.dictdb.internal.query;

import io.dictdb.internal.value.Values;

/**
 * A normalised value wrapped so that {@code equals} and {@code hashCode} follow DictDB's equality by value
 * ({@code 1L}, {@code 1.0} and {@code 1.00} are one key). Used for hashed {@code isIn}, grouping and distinct.
 */
final class ValueKey {
    private final Object value;
    private final int hash;

    ValueKey(Object value) {
        this.value = value;
        this.hash = Values.hash(value);
    }

    Object value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ValueKey)) {
            return false;
        }
        Object o = ((ValueKey) other).value;
        return value == null ? o == null : o != null && Values.equal(value, o);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
