package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W6, update of one row's salary by primary key, a uniformly random existing key (pre-generated), each update its
 * own atomic write. DictDB: {@code update(Map.of("salary", x), Field.of("id").eq(key))}; JDBC: prepared
 * {@code UPDATE people SET salary = ? WHERE id = ?} in auto-commit; CQEngine: {@code update(old, new)} after a
 * lookup on the unique index; floor: {@code ConcurrentHashMap.computeIfPresent} replacing the row.
 * The pre-generated salaries are shifted by 1 on every pass over them, so an update always changes the row.
 * The last update is checked at the end of the trial.
 */
public class W6UpdateByKey extends AverageTimeWorkload {

    static final int KEY_COUNT = 1 << 16;

    /** Every store, loaded without index on {@code age}, and the pre-generated keys and salaries. */
    @State(Scope.Benchmark)
    public static class Loaded extends EveryStoreState {
        Long[] keys;
        double[] salaries;
        int cursor;

        @Override
        void prepare() {
            keys = Keys.boxed(data, KEY_COUNT, 11);
            salaries = Keys.salaries(KEY_COUNT, 13);
            report("W6 update by key", store, rows, "rows updated per op=1");
        }

        /** The salary written by operation number {@code op}. */
        double salaryOf(int op) {
            return salaries[op & (KEY_COUNT - 1)] + (op >>> 16);
        }

        /** The last update of the trial must be visible. */
        @Override
        void checkBeforeClose() {
            if (cursor > 0) {
                int last = cursor - 1;
                data.checkRow(target, keys[last & (KEY_COUNT - 1)], salaryOf(last));
            }
        }
    }

    /** One salary update of the next pre-generated key. */
    @Benchmark
    public void updateSalary(Loaded s) {
        int op = s.cursor++;
        s.target.updateSalaryById(s.keys[op & (KEY_COUNT - 1)], s.salaryOf(op));
    }
}
