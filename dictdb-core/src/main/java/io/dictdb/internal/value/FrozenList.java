package io.dictdb.internal.value;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of normalised values that, unlike {@code List.of}, may hold nulls. Stored rows use it for
 * nested lists so that a value handed out with {@code copy(false)} cannot be changed by its reader.
 */
public final class FrozenList extends AbstractList<Object> implements RandomAccess {
    private final Object[] elements;

    FrozenList(Object[] elements) {
        this.elements = elements;
    }

    @Override
    public Object get(int index) {
        return elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }
}
