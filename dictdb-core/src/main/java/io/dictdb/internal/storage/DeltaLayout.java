package io.dictdb.internal.storage;

/**
 * The names of the keys of a delta file (an incremental backup), shared by {@link DeltaWriter} and
 * {@link DeltaReader}; specified field by field in {@code docs/backups.md}.
 *
 * <p>{@code type}, {@code timestamp}, {@code tables}, {@code upserts} and {@code deletes} are the Python DictDB's
 * delta layout, which its {@code apply_delta} reads; the other keys are ours and the Python reader ignores them.
 */
final class DeltaLayout {
    /** Top level: always {@link #DELTA_TYPE} (Python layout). */
    static final String TYPE = "type";
    /** The value of {@link #TYPE}. */
    static final String DELTA_TYPE = "delta";
    /** Top level: seconds since the epoch, as a float (Python layout). */
    static final String TIMESTAMP = "timestamp";
    /** Top level: table name to its row changes (Python layout). */
    static final String TABLES = "tables";
    /** Table: the rows as they are at the end of the delta (Python layout). */
    static final String UPSERTS = "upserts";
    /** Table: the primary keys of the rows deleted (Python layout). */
    static final String DELETES = "deletes";

    /** Top level: the version of our delta model (ours; its presence means a checksum must be present too). */
    static final String FORMAT_VERSION = "dictdb_format";
    /** Top level: where the delta sits in its backup chain (ours). */
    static final String CHAIN = "chain";
    /** Chain: the file name of the full backup the chain starts from. */
    static final String BASE = "base";
    /** Chain: the file name of the backup this delta follows (the full backup or the previous delta). */
    static final String PREVIOUS = "previous";
    /** Chain: the sequence number of the state the delta applies to. */
    static final String FROM_SEQUENCE = "from_sequence";
    /** Chain: the sequence number of the state the delta produces. */
    static final String TO_SEQUENCE = "to_sequence";
    /** Top level: the table-level events, in commit order (ours). */
    static final String EVENTS = "events";
    /** Event: the commit that made it. */
    static final String SEQUENCE = "sequence";
    /** Event: {@code create_table}, {@code drop_table}, {@code create_index} or {@code drop_index}. */
    static final String OP = "op";
    /** Event: the table. */
    static final String TABLE = "table";
    /** Event {@code create_table}: the table object as in a database file, with no records. */
    static final String DEFINITION = "definition";
    /** Event {@code create_index}/{@code drop_index}: the field. */
    static final String FIELD = "field";
    /** Event {@code create_index}: {@code hash} or {@code sorted}. */
    static final String INDEX_TYPE = "type";
    /** Top level: per table, the sequence number of each upsert and delete, parallel to them (ours). */
    static final String SEQUENCES = "sequences";
    /** Top level: per table, its key counter at the end of the delta (ours). */
    static final String NEXT_KEYS = "next_keys";
    /** Top level, always last: the CRC32C of everything before it (ours). */
    static final String CHECKSUM = "checksum";

    static final String CREATE_TABLE = "create_table";
    static final String DROP_TABLE = "drop_table";
    static final String CREATE_INDEX = "create_index";
    static final String DROP_INDEX = "drop_index";

    /** The version of the delta model written by this code. */
    static final int VERSION = 1;

    private DeltaLayout() {
    }
}
