package io.dictdb.internal.storage;

/**
 * The names of the keys of a database file, shared by {@link SnapshotWriter} and {@link SnapshotReader}; the
 * file formats themselves are specified field by field in {@code docs/formats.md}.
 *
 * <p>{@code tables}, {@code primary_key}, {@code schema} and {@code records} are the Python DictDB's layout; the
 * other keys are ours, and the Python reader ignores them.
 */
final class SnapshotLayout {
    /** The version of the file model written by this code. */
    static final int VERSION = 1;

    /** Top level: the file model's version (ours; its presence means a checksum must be present too). */
    static final String FORMAT_VERSION = "dictdb_format";
    /** Top level: the commit sequence number of the saved state (ours; restore chains deltas from it). */
    static final String SEQUENCE = "sequence";
    /** Top level: table name to table (Python layout). */
    static final String TABLES = "tables";
    /** Top level, always last: the CRC32C of everything before it (ours). */
    static final String CHECKSUM = "checksum";

    /** Table: the primary-key field (Python layout). */
    static final String PRIMARY_KEY = "primary_key";
    /** Table: field name to type name, or null (Python layout). */
    static final String SCHEMA = "schema";
    /** Table: the optional flags and defaults of schema fields that have them (ours). */
    static final String SCHEMA_OPTIONS = "schema_options";
    /** Table: the next automatic key (ours). */
    static final String NEXT_KEY = "next_key";
    /** Table: the secondary indexes in creation order (ours). */
    static final String INDEXES = "indexes";
    /** Table: the rows in primary-key order (Python layout). */
    static final String RECORDS = "records";

    /** Schema option: the field may be absent or null. */
    static final String OPTIONAL = "optional";
    /** Schema option: the value stored when the field is absent. */
    static final String DEFAULT = "default";
    /** Index definition: the indexed field. */
    static final String INDEX_FIELD = "field";
    /** Index definition: {@code hash} or {@code sorted}. */
    static final String INDEX_TYPE = "type";

    private SnapshotLayout() {
    }
}
