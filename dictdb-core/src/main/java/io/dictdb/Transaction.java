package io.dictdb;

import java.util.List;

/**
 * The view of the database given to the function of {@link DictDB#transaction}. Tables obtained here are bound
 * to the transaction: their reads see the transaction's own writes, and their writes commit together when the
 * function returns, or not at all when it throws. Use them only inside the function.
 */
public interface Transaction {

    /**
     * A table bound to this transaction.
     *
     * @param name the table name
     * @return the table
     * @throws TableNotFoundException when there is no such table
     */
    Table getTable(String name);

    /**
     * Same as {@link #getTable(String)}.
     *
     * @param name the table name
     * @return the table
     * @throws TableNotFoundException when there is no such table
     */
    default Table table(String name) {
        return getTable(name);
    }

    /**
     * Whether a table exists, as seen by this transaction.
     *
     * @param name the table name
     * @return true when it exists
     */
    boolean hasTable(String name);

    /**
     * The table names, in creation order, as seen by this transaction.
     *
     * @return the names
     */
    List<String> listTables();
}
