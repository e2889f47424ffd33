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
 * W4, {@code age between 30 and 32} (about 3N/41 rows) ordered by salary descending, first 10 rows, with a sorted
 * index on {@code age}. DictDB: {@code select().where(Field.of("age").between(30, 32)).orderBy("-salary")
 * .limit(10).copy(false).list()}; JDBC: {@code ... WHERE age BETWEEN ? AND ? ORDER BY salary DESC LIMIT 10};
 * CQEngine: {@code retrieve(between(AGE, 30, 32), orderBy(descending(SALARY)))}, first 10; floor:
 * {@code TreeMap.subMap(30, 32)} through a 10-element heap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class W4RangeOrderLimit {

    @State(Scope.Benchmark)
    public static class Loaded extends LoadedState {
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm"})
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
            load(AgeIndex.SORTED, false);
            data.checkRangeTop10(target);
            report("W4 range + order + limit", store, rows, "rows in range="
                    + data.data().countAgeBetween(PeerData.AGE_LOW, PeerData.AGE_HIGH) + ", returned=" + PeerData.TOP);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    public List<?> rangeTop10(Loaded s) {
        return s.target.selectRangeTop10(PeerData.AGE_LOW, PeerData.AGE_HIGH);
    }
}
