package io.dictdb.internal.storage;

import io.dictdb.DictDBException;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.engine.TableWrites;
import io.dictdb.internal.engine.WriteTransaction;

import java.util.List;

/**
 * Applies what a file holds to the write transaction of a new database, through the engine's write operations:
 * records arrive as rows already built in the engine's representation and go through its bulk insert of built
 * rows ({@link TableWrites#insertRows}), which stores them without copying them again but applies every rule of
 * an ordinary insert (so every rule of the engine holds for loaded data). A rule broken by the data becomes an
 * {@link IllegalFileDataException} naming the table and the records concerned.
 */
final class TransactionSink implements SnapshotSink {
    private final WriteTransaction txn;
    private final boolean validate;

    /**
     * @param txn      the transaction of the new database
     * @param validate whether records are checked against their table's schema
     */
    TransactionSink(WriteTransaction txn, boolean validate) {
        this.txn = txn;
        this.validate = validate;
    }

    @Override
    public void createTable(TableDef def) {
        try {
            txn.createTable(def);
        } catch (DictDBException | IllegalArgumentException e) {
            throw new IllegalFileDataException("Table '" + def.name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void insert(String table, RecordBatch records, long firstRecord) {
        try {
            TableWrites.insertRows(txn, table, records.rows(), records.size(), validate);
        } catch (DictDBException | IllegalArgumentException e) {
            throw new IllegalFileDataException("Table '" + table + "', records " + firstRecord + " to "
                    + (firstRecord + records.size() - 1) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void finishTable(String table, List<IndexDefinition> indexes, Long nextKey) {
        try {
            for (IndexDefinition index : indexes) {
                TableWrites.createIndex(txn, table, index.field(), index.type());
            }
            if (nextKey != null) {
                TableWrites.advanceKeyCounter(txn, table, nextKey);
            }
        } catch (DictDBException | IllegalArgumentException e) {
            throw new IllegalFileDataException("Table '" + table + "': " + e.getMessage(), e);
        }
    }
}
