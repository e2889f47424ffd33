package io.dictdb;

import java.util.Objects;

/**
 * The outcome of an upsert: the record's primary key and what was done.
 *
 * @param key    the primary key of the inserted, updated or ignored record
 * @param action what the upsert did
 */
public record UpsertResult(Object key, Action action) {

    /** What an upsert did. */
    public enum Action {
        /** The record was new and was inserted. */
        INSERTED,
        /** The record existed and the given fields were merged into it. */
        UPDATED,
        /** The record existed and was left unchanged ({@link OnConflict#IGNORE}). */
        IGNORED
    }

    /**
     * Validates the components.
     *
     * @param key    the primary key
     * @param action the action, never null
     */
    public UpsertResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
    }
}
