package io.dictdb.api;

import io.dictdb.Condition;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.internal.query.TableHandle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the API tests. */
final class Records {
    private Records() {
    }

    /**
     * A mutable, insertion-ordered record that may hold null values: {@code rec("name", "Ann", "age", 30)}.
     */
    static Map<String, Object> rec(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("rec() needs key/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The values of one field of rows, in row order. */
    static List<Object> values(List<Row> rows, String field) {
        List<Object> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(row.get(field));
        }
        return out;
    }

    /** The primary keys ("id") of rows, in row order. */
    static List<Object> ids(List<Row> rows) {
        return values(rows, "id");
    }

    /** The access path the planner chooses for a condition. */
    static String explain(Table table, Condition where) {
        return ((TableHandle) table).explain(where);
    }
}
