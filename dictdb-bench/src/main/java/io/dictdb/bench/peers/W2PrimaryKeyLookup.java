package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W2, primary-key lookup of a uniformly random existing key (keys pre-generated and boxed). DictDB:
 * {@code table.get(key)}; JDBC: prepared {@code SELECT ... WHERE id = ?} read into a {@link Person}; CQEngine:
 * {@code retrieve(equal(ID, key))} on its unique index; floor: {@code ConcurrentHashMap.get}.
 */
public class W2PrimaryKeyLookup extends AverageTimeWorkload {

    /** Number of pre-generated keys (a power of two: the cursor wraps with a mask). */
    static final int KEY_COUNT = 1 << 16;

    /** Every store, loaded without index on {@code age}, and the pre-generated keys. */
    @State(Scope.Benchmark)
    public static class Loaded extends EveryStoreState {
        Long[] keys;
        int cursor;

        @Override
        void prepare() {
            keys = Keys.boxed(data, KEY_COUNT, 7);
            for (int i = 0; i < 100; i++) {
                data.checkRow(target, keys[i], data.person(keys[i]).salary());
            }
            report("W2 primary-key lookup", store, rows, "rows returned per op=1");
        }
    }

    /** One lookup of the next pre-generated key. */
    @Benchmark
    public Object getById(Loaded s) {
        return s.target.getById(s.keys[s.cursor++ & (KEY_COUNT - 1)]);
    }
}
