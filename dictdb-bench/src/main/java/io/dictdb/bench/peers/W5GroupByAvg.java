package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * W5, average salary per department over the whole table (10 groups), no index. DictDB:
 * {@code aggregate().groupBy("dept").agg("avg", Aggregate.avg("salary")).list()}; JDBC:
 * {@code SELECT dept, AVG(salary) FROM people GROUP BY dept}. CQEngine has no aggregation and a map no grouping:
 * both n/a (not listed).
 */
public class W5GroupByAvg extends AverageTimeWorkload {

    /** The stores that aggregate (DictDB and the SQL databases), loaded without index on {@code age}. */
    @State(Scope.Benchmark)
    public static class Loaded extends LoadedState {
        /** The system measured. */
        @Param({"dictdb", "h2", "hsqldb", "sqlite"})
        public String store;

        @Override
        String storeName() {
            return store;
        }

        @Override
        void prepare() {
            data.checkAvgByDept(target);
            report("W5 group by dept, avg salary", store, rows, "rows aggregated per op=" + rows);
        }
    }

    /** The average salary of every department. */
    @Benchmark
    public List<?> avgSalaryByDept(Loaded s) {
        return s.target.avgSalaryByDept();
    }
}
