package io.dictdb.bench.peers;

import java.util.List;

/**
 * One system under comparison, holding one table {@code people(id, name, age, dept, salary)} with primary key
 * {@code id}. Each adapter does what a user of that system would write for the operation, and returns the
 * system's natural result objects (DictDB {@code Row}s, materialised {@link Person}s for JDBC, CQEngine's own
 * objects); {@link Results} reads them for the equivalence checks.
 *
 * <p>An operation the system does not offer throws {@link UnsupportedOperationException}; the benchmarks do not
 * list such combinations in their {@code store} parameters, and the report shows them as n/a.
 */
public interface Store extends AutoCloseable {

    /** The parameter value naming this system ({@code dictdb}, {@code h2}, ...). */
    String name();

    /** Inserts every row of the data set into the (empty) table, the way a bulk load is written for the system. */
    void insertAll(PeerData data);

    /** Creates the secondary index on {@code age} ({@link AgeIndex#NONE}: nothing). */
    void createAgeIndex(AgeIndex kind);

    /** The row with this primary key, or {@code null}. */
    Object getById(Long id);

    /** Every row with {@code age == age} (any order). */
    List<?> selectAgeEq(long age);

    /** The 10 rows with {@code low <= age <= high} of highest salary, highest first. */
    List<?> selectRangeTop10(long low, long high);

    /** One result per department: the department and its average salary. */
    List<?> avgSalaryByDept();

    /** Sets the salary of the row with this key (one atomic statement / write). */
    void updateSalaryById(Long id, double salary);

    /** Number of rows. */
    long count();

    /**
     * A handle for one more thread (W7). Thread-safe systems return themselves; JDBC returns a handle on its own
     * connection to the same database (or, for SQLite, a handle serialising on the single connection). The
     * handles are closed with the store.
     */
    default Store session() {
        return this;
    }

    /** Releases everything (drops the in-memory database). */
    @Override
    void close();
}
