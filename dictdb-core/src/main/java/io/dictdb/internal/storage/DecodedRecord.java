package io.dictdb.internal.storage;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record read from a file, on its way to the engine's insert: field names and values in file order, a field
 * given twice keeping its first position and its last value (as a Python dict does). A light map, read once by
 * the engine, which copies and normalises it; then emptied and reused for another record ({@link RecordBatch}).
 */
final class DecodedRecord extends AbstractMap<String, Object> {
    /** Up to this many fields, duplicate names are found by a linear scan; beyond, through a hash map. */
    private static final int LINEAR_LIMIT = 16;

    private String[] names;
    private Object[] values;
    private int size;
    private Map<String, Integer> positions;

    /**
     * Creates an empty record.
     *
     * @param capacity the expected number of fields
     */
    DecodedRecord(int capacity) {
        names = new String[Math.max(1, capacity)];
        values = new Object[names.length];
    }

    /** Empties the record for reuse (its arrays are kept). */
    void reset() {
        Arrays.fill(values, 0, size, null);
        size = 0;
        positions = null;
    }

    /**
     * The name of a field.
     *
     * @param position a field position, below {@link #size()}
     * @return its name
     */
    String nameAt(int position) {
        return names[position];
    }

    /**
     * Appends a field known not to be present.
     *
     * @param name  the field name
     * @param value its value
     */
    void append(String name, Object value) {
        if (positions != null || size + 1 > LINEAR_LIMIT) {
            add(name, value);
            return;
        }
        if (size == names.length) {
            grow();
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    private void grow() {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
    }

    /**
     * Sets a field.
     *
     * @param name  the field name
     * @param value its value
     */
    void add(String name, Object value) {
        int at = indexOf(name);
        if (at >= 0) {
            values[at] = value;
            return;
        }
        if (size == names.length) {
            grow();
        }
        names[size] = name;
        values[size] = value;
        if (positions != null) {
            positions.put(name, size);
        } else if (size + 1 > LINEAR_LIMIT) {
            positions = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                positions.put(names[i], i);
            }
        }
        size++;
    }

    private int indexOf(Object name) {
        if (positions != null) {
            Integer at = positions.get(name);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
