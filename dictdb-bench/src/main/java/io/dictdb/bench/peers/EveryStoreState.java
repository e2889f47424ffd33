package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A {@link LoadedState} whose {@code store} parameter runs over every system ({@link Stores#ALL}): the base of
 * the workloads that every system can answer. A workload that some system cannot answer extends
 * {@link LoadedState} directly and lists its own stores.
 */
@State(Scope.Benchmark)
public abstract class EveryStoreState extends LoadedState {

    /** The system measured. */
    @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm"})
    public String store;

    @Override
    String storeName() {
        return store;
    }
}
