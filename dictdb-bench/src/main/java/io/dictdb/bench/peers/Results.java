package io.dictdb.bench.peers;

import io.dictdb.Row;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the result objects of every store ({@code Row}, {@link Person}, {@link DeptAverage}) for the checks. */
public final class Results {

    private Results() {
    }

    /** The row as a {@link Person}. */
    public static Person person(Object row) {
        if (row instanceof Person) {
            return (Person) row;
        }
        if (row instanceof Row) {
            Row r = (Row) row;
            return new Person(r.getLong("id"), r.getString("name"), r.getLong("age"), r.getString("dept"),
                    r.getDouble("salary"));
        }
        throw new IllegalArgumentException("Not a row: " + row);
    }

    /** The ids of the rows, in list order. */
    public static long[] ids(List<?> rows) {
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = person(rows.get(i)).id();
        }
        return ids;
    }

    /** Department to average, from the groups of W5. */
    public static Map<String, Double> averages(List<?> groups) {
        Map<String, Double> map = new TreeMap<>();
        for (Object g : groups) {
            String dept;
            double avg;
            if (g instanceof DeptAverage) {
                dept = ((DeptAverage) g).dept();
                avg = ((DeptAverage) g).average();
            } else if (g instanceof Row) {
                dept = ((Row) g).getString("dept");
                avg = ((Row) g).getDouble("avg");
            } else {
                throw new IllegalArgumentException("Not a group: " + g);
            }
            if (map.put(dept, avg) != null) {
                throw new IllegalStateException("Department " + dept + " appears twice");
            }
        }
        return map;
    }
}
