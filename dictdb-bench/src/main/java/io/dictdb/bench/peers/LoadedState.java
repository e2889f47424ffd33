package io.dictdb.bench.peers;

/**
 * Common part of the states that measure one operation on a loaded store: the data set of {@code rows} rows in
 * the store named by the state's parameter, with an index on {@code age}, checked against the oracle.
 */
abstract class LoadedState {
    PeerData data;
    Store target;

    abstract String storeName();

    abstract int rowCount();

    /** Loads the store, checks its content, prints what one operation handles. */
    void load(AgeIndex ageIndex, boolean concurrentWriters) {
        data = PeerData.of(rowCount());
        target = Stores.loaded(storeName(), data, ageIndex, concurrentWriters);
    }

    void close() {
        if (target != null) {
            target.close();
        }
        target = null;
        data = null;
    }

    static void report(String workload, String store, int rows, String what) {
        System.out.printf("[setup] %s: store=%s rows=%d, %s%n", workload, store, rows, what);
    }
}
