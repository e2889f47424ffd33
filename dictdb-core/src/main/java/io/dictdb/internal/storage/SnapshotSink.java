package io.dictdb.internal.storage;

import io.dictdb.IndexType;
import io.dictdb.internal.engine.TableDef;

import java.util.List;

/**
 * Where a {@link SnapshotReader} sends what it reads, in file order: a table's creation, batches of its records,
 * then its indexes and key counter. {@link TransactionSink} applies them to the new database's transaction;
 * {@link PipelinedSnapshotLoad} queues them from a parsing thread to the thread that applies them.
 */
interface SnapshotSink {

    /**
     * A table begins.
     *
     * @param def its definition
     */
    void createTable(TableDef def);

    /**
     * Records of the current table, as the rows to store. The sink owns the batch from now on.
     *
     * @param table       the table name
     * @param records     the records
     * @param firstRecord the number of the first one in its table, from 1 (for messages)
     */
    void insert(String table, RecordBatch records, long firstRecord);

    /**
     * The current table ends.
     *
     * @param table   the table name
     * @param indexes its index definitions, in creation order
     * @param nextKey its saved key counter, or null when the file has none
     */
    void finishTable(String table, List<IndexDefinition> indexes, Long nextKey);

    /**
     * A secondary index read from a file.
     *
     * @param field the indexed field
     * @param type  the index type
     */
    record IndexDefinition(String field, IndexType type) {
    }
}
