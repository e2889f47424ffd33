package io.dictdb.internal.engine;

import io.dictdb.Row;

/**
 * One committed change, as recorded in the change log: a row inserted, updated or deleted, or a table created,
 * dropped or re-indexed. Row changes carry the row before and after (null where it did not exist).
 *
 * @param sequence the commit sequence number that made the change
 * @param kind     what changed
 * @param table    the table name
 * @param key      the primary key of a row change, else null
 * @param before   the row before a row change (null for an insert)
 * @param after    the row after a row change (null for a delete)
 * @param detail   the {@link TableDef} of {@link Kind#TABLE_CREATED}, the {@link io.dictdb.IndexType} of
 *                 {@link Kind#INDEX_CREATED} (whose key is the field name), else null
 */
public record Change(long sequence, Kind kind, String table, Object key, Row before, Row after, Object detail) {

    /** The kinds of change. */
    public enum Kind { ROW_INSERTED, ROW_UPDATED, ROW_DELETED, TABLE_CREATED, TABLE_DROPPED, INDEX_CREATED, INDEX_DROPPED }
}
