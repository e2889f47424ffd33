package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * W5, average salary per department over the whole table (10 groups), no index. DictDB:
 * {@code aggregate().groupBy("dept").agg("avg", Aggregate.avg("salary")).list()}; JDBC:
 * {@code SELECT dept, AVG(salary) FROM people GROUP BY dept}. CQEngine has no aggregation and a map no grouping:
 * both n/a (not listed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class W5GroupByAvg {

    @State(Scope.Benchmark)
    public static class Loaded extends LoadedState {
        @Param({"dictdb", "h2", "hsqldb", "sqlite"})
        public String store;

        @Param({"10000", "1000000"})
        public int rows;

        @Override
        String storeName() {
            return store;
        }

        @Override
        int rowCount() {
            return rows;
        }

        @Setup(Level.Trial)
        public void setup() {
            load(AgeIndex.NONE, false);
            data.checkAvgByDept(target);
            report("W5 group by dept, avg salary", store, rows, "rows aggregated per op=" + rows);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    public List<?> avgSalaryByDept(Loaded s) {
        return s.target.avgSalaryByDept();
    }
}
