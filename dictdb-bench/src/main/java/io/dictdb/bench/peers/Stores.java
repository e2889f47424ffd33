package io.dictdb.bench.peers;

import java.util.List;

/** Creates the stores by their benchmark parameter value. */
public final class Stores {

    /** Every system, in report order: DictDB first, then the peers, then the collection floor. */
    public static final List<String> ALL = List.of("dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm");

    private Stores() {
    }

    /** A new, empty store (table {@code people}, primary key {@code id}, no secondary index). */
    public static Store open(String name) {
        return open(name, false);
    }

    /**
     * A new, empty store; {@code concurrentWriters}: several threads will write (only CQEngine chooses another
     * collection class for it).
     */
    public static Store open(String name, boolean concurrentWriters) {
        switch (name) {
            case "dictdb":
                return new DictDbStore();
            case "h2":
                return H2Store.open();
            case "hsqldb":
                return HsqldbStore.open();
            case "sqlite":
                return SqliteStore.open();
            case "cqengine":
                return new CqEngineStore(concurrentWriters);
            case "chm":
                return new CollectionStore();
            default:
                throw new IllegalArgumentException("Unknown store '" + name + "', expected one of " + ALL);
        }
    }

    /** A store holding the data set, with the given index on {@code age}. */
    public static Store loaded(String name, PeerData data, AgeIndex ageIndex, boolean concurrentWriters) {
        Store store = open(name, concurrentWriters);
        try {
            store.insertAll(data);
            store.createAgeIndex(ageIndex);
            data.checkContent(store);
            return store;
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }
}
