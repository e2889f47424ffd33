package io.dictdb.internal.query;

import io.dictdb.Table;
import io.dictdb.Transaction;
import io.dictdb.internal.engine.Engine;
import io.dictdb.internal.engine.WriteTransaction;

import java.util.List;

/** The {@link Transaction} given to a transaction's function: tables bound to one {@link WriteTransaction}. */
public final class TransactionHandle implements Transaction {
    private final Engine engine;
    private final WriteTransaction txn;

    /**
     * @param engine the engine
     * @param txn    the running transaction
     */
    public TransactionHandle(Engine engine, WriteTransaction txn) {
        this.engine = engine;
        this.txn = txn;
    }

    @Override
    public Table getTable(String name) {
        txn.table(name);
        return new TableHandle(engine, name, txn);
    }

    @Override
    public boolean hasTable(String name) {
        return txn.view().hasTable(name);
    }

    @Override
    public List<String> listTables() {
        return txn.view().tableNames();
    }
}
