package io.dictdb.bench.peers;

import java.util.Map;

/**
 * One row of the benchmark data set as a plain Java value: what the JDBC adapters materialise from a
 * {@code ResultSet}, what CQEngine indexes and what the collection floor stores.
 *
 * <p>Equality is over every field (a record), so two versions of a row are different objects: CQEngine's
 * {@code TransactionalIndexedCollection} (W7) holds both versions during an update and tells them apart that way.
 */
public record Person(long id, String name, long age, String dept, double salary) {

    /** The same row as one of {@link io.dictdb.bench.BenchData}'s maps. */
    static Person fromMap(Map<String, Object> row) {
        return new Person((Long) row.get("id"), (String) row.get("name"), (Long) row.get("age"),
                (String) row.get("dept"), (Double) row.get("salary"));
    }

    /** A new version of this row with another salary. */
    public Person withSalary(double newSalary) {
        return new Person(id, name, age, dept, newSalary);
    }
}
