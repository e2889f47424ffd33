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
 * W2, primary-key lookup of a uniformly random existing key (keys pre-generated and boxed). DictDB:
 * {@code table.get(key)}; JDBC: prepared {@code SELECT ... WHERE id = ?} read into a {@link Person}; CQEngine:
 * {@code retrieve(equal(ID, key))} on its unique index; floor: {@code ConcurrentHashMap.get}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class W2PrimaryKeyLookup {

    /** Number of pre-generated keys (a power of two: the cursor wraps with a mask). */
    static final int KEY_COUNT = 1 << 16;

    @State(Scope.Benchmark)
    public static class Loaded extends LoadedState {
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm"})
        public String store;

        @Param({"10000", "1000000"})
        public int rows;

        Long[] keys;
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
            keys = Keys.boxed(data, KEY_COUNT, 7);
            for (int i = 0; i < 100; i++) {
                data.checkRow(target, keys[i], data.person(keys[i]).salary());
            }
            report("W2 primary-key lookup", store, rows, "rows returned per op=1");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    public Object getById(Loaded s) {
        return s.target.getById(s.keys[s.cursor++ & (KEY_COUNT - 1)]);
    }
}
