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

import java.util.concurrent.TimeUnit;

/**
 * W6, update of one row's salary by primary key, a uniformly random existing key (pre-generated), each update its
 * own atomic write. DictDB: {@code update(Map.of("salary", x), Field.of("id").eq(key))}; JDBC: prepared
 * {@code UPDATE people SET salary = ? WHERE id = ?} in auto-commit; CQEngine: {@code update(old, new)} after a
 * lookup on the unique index; floor: {@code ConcurrentHashMap.computeIfPresent} replacing the row.
 * The pre-generated salaries are shifted by 1 on every pass over them, so an update always changes the row.
 * The last update is checked at the end of the trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class W6UpdateByKey {

    static final int KEY_COUNT = 1 << 16;

    @State(Scope.Benchmark)
    public static class Loaded extends LoadedState {
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm"})
        public String store;

        @Param({"10000", "1000000"})
        public int rows;

        Long[] keys;
        double[] salaries;
        int cursor;

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
            keys = Keys.boxed(data, KEY_COUNT, 11);
            salaries = Keys.salaries(KEY_COUNT, 13);
            report("W6 update by key", store, rows, "rows updated per op=1");
        }

        /** The salary written by operation number {@code op}. */
        double salaryOf(int op) {
            return salaries[op & (KEY_COUNT - 1)] + (op >>> 16);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                if (cursor > 0) {
                    int last = cursor - 1;
                    data.checkRow(target, keys[last & (KEY_COUNT - 1)], salaryOf(last));
                }
            } finally {
                close();
            }
        }
    }

    @Benchmark
    public void updateSalary(Loaded s) {
        int op = s.cursor++;
        s.target.updateSalaryById(s.keys[op & (KEY_COUNT - 1)], s.salaryOf(op));
    }
}
