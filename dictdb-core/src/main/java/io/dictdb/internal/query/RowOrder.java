package io.dictdb.internal.query;

import io.dictdb.Row;
import io.dictdb.internal.value.Values;

import java.util.Comparator;

/**
 * An ORDER BY clause: fields, each ascending or descending ({@code "-price"}), compared with DictDB's total order
 * (so nulls come last ascending, first descending). It is not a total order over rows: callers keep ties in
 * primary-key order by sorting stably.
 */
final class RowOrder implements Comparator<Row> {
    private final String[] fields;
    private final boolean[] descending;
    private final FieldReader[] readers;

    private RowOrder(String[] fields, boolean[] descending) {
        this.fields = fields;
        this.descending = descending;
        this.readers = new FieldReader[fields.length];
        for (int i = 0; i < fields.length; i++) {
            readers[i] = new FieldReader(fields[i]);
        }
    }

    static RowOrder parse(String... specs) {
        String[] fields = new String[specs.length];
        boolean[] descending = new boolean[specs.length];
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            if (spec == null) {
                throw new IllegalArgumentException("orderBy field must not be null.");
            }
            boolean desc = spec.startsWith("-");
            String field = desc ? spec.substring(1) : spec;
            if (field.isEmpty()) {
                throw new IllegalArgumentException("orderBy field must not be empty, got '" + spec + "'.");
            }
            fields[i] = field;
            descending[i] = desc;
        }
        return new RowOrder(fields, descending);
    }

    boolean isEmpty() {
        return fields.length == 0;
    }

    String firstField() {
        return fields[0];
    }

    boolean firstDescending() {
        return descending[0];
    }

    /** The order without its first field (ties of the first field are sorted by the rest). */
    RowOrder tail() {
        String[] f = new String[fields.length - 1];
        boolean[] d = new boolean[fields.length - 1];
        System.arraycopy(fields, 1, f, 0, f.length);
        System.arraycopy(descending, 1, d, 0, d.length);
        return new RowOrder(f, d);
    }

    @Override
    public int compare(Row a, Row b) {
        for (int i = 0; i < fields.length; i++) {
            FieldReader reader = readers[i];
            int c = Values.compare(reader.read(a), reader.read(b));
            if (c != 0) {
                return descending[i] ? -c : c;
            }
        }
        return 0;
    }
}
