package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Base of the JMH states that measure one operation on a loaded store: it owns the {@code rows} parameter, loads
 * the data set into the store named by {@link #storeName()} (with the index on {@code age} the workload asks for)
 * once per trial, checks it against the oracle, and closes the store after the trial. A workload's state adds only
 * what is its own: the {@code store} parameter (usually through {@link EveryStoreState}), its inputs, its checks
 * and its set-up report, in {@link #prepare()} and {@link #checkBeforeClose()}.
 *
 * <p>JMH reads the {@code @Param}, {@code @Setup} and {@code @TearDown} declared here for every subclass; the
 * {@code @State} annotation is required on the class that declares a {@code @Param} field. Subclasses must not
 * declare trial-level helpers of their own: JMH does not promise an order between several of them.
 */
@State(Scope.Benchmark)
public abstract class LoadedState {

    /** Rows of the data set. */
    @Param({"10000", "1000000"})
    public int rows;

    PeerData data;
    Store target;

    /** The {@code store} parameter of the subclass: the system measured. */
    abstract String storeName();

    /** The index on {@code age} the workload needs; none unless a subclass says otherwise. */
    AgeIndex ageIndex() {
        return AgeIndex.NONE;
    }

    /** Whether several threads will write to the store (W7); only CQEngine builds another collection for it. */
    boolean concurrentWriters() {
        return false;
    }

    /** The workload's own set-up, once the store is loaded: its inputs, the check of its answer, its report. */
    abstract void prepare();

    /** The workload's check of the store after the measurement, before it is closed; none by default. */
    void checkBeforeClose() {
    }

    /** Loads the store, checks its content, then runs the workload's {@link #prepare()}. */
    @Setup(Level.Trial)
    public void setup() {
        data = PeerData.of(rows);
        target = Stores.loaded(storeName(), data, ageIndex(), concurrentWriters());
        prepare();
    }

    /** Runs the workload's {@link #checkBeforeClose()}, then closes the store even when the check fails. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            checkBeforeClose();
        } finally {
            close();
        }
    }

    private void close() {
        if (target != null) {
            target.close();
        }
        target = null;
        data = null;
    }

    /** Prints, once per trial, what one operation of the workload handles. */
    static void report(String workload, String store, int rows, String what) {
        System.out.printf("[setup] %s: store=%s rows=%d, %s%n", workload, store, rows, what);
    }
}
