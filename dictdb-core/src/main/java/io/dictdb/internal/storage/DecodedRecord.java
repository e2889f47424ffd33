package io.dictdb.internal.storage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a record read from a file whose names do not repeat the previous record's (see
 * {@link RecordReader}): names and values in file order, a field given twice keeping its first position and its
 * last value (as a Python dict does). Emptied and reused for the next such record.
 */
final class DecodedRecord {
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

    /** @return the number of distinct fields */
    int size() {
        return size;
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
     * The value of a field.
     *
     * @param position a field position, below {@link #size()}
     * @return its value
     */
    Object valueAt(int position) {
        return values[position];
    }

    /**
     * Sets a field: a new name is appended, a name already present gets the new value in its first position.
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
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
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

    private int indexOf(String name) {
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
}
