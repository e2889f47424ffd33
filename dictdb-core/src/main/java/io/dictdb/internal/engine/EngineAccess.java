package io.dictdb.internal.engine;

import io.dictdb.DictDB;

import java.util.Objects;
import java.util.function.Function;

/**
 * The bridge from a public {@link DictDB} to its {@link Engine}, for the packages that build on the engine
 * outside {@code io.dictdb} (backups). {@link DictDB} installs it when its class is initialised, which has always
 * happened by the time anyone holds a {@code DictDB} to pass in; the engine stays out of the public API.
 */
public final class EngineAccess {
    private static volatile Function<DictDB, Engine> engineOf;

    private EngineAccess() {
    }

    /**
     * Installs the bridge; called once by {@link DictDB}.
     *
     * @param bridge the function giving a database's engine
     */
    public static void install(Function<DictDB, Engine> bridge) {
        engineOf = Objects.requireNonNull(bridge, "bridge");
    }

    /**
     * The engine of a database.
     *
     * @param db the database
     * @return its engine
     */
    public static Engine of(DictDB db) {
        Objects.requireNonNull(db, "db");
        return engineOf.apply(db);
    }
}
