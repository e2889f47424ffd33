package io.dictdb;

/** What {@link Table#upsert(java.util.Map, OnConflict)} does when the record's key already exists. */
public enum OnConflict {
    /** Merge the given fields into the stored row (fields not given are kept). */
    UPDATE,
    /** Leave the stored row unchanged. */
    IGNORE,
    /** Throw {@link DuplicateKeyException}. */
    ERROR
}
