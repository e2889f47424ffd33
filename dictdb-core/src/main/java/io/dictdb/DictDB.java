package io.dictdb;

import io.dictdb.internal.engine.Engine;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.query.TableHandle;
import io.dictdb.internal.query.TransactionHandle;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An embedded, in-memory database of tables of records.
 *
 * <pre>{@code
 * try (DictDB db = new DictDB()) {
 *     Table users = db.createTable("users");
 *     users.insert(Map.of("name", "Alice", "age", 30));
 *     List<Row> adults = users.select(users.field("age").gte(18));
 * }
 * }</pre>
 *
 * <p><b>Concurrency.</b> Every operation is thread-safe. The whole database is an immutable value published
 * through one atomic reference: readers run on the snapshot current when they start, never block and never see
 * a half-applied write; writers are serialised, so {@link #transaction} is atomic and serializable. Inside a
 * transaction's function, the calling thread's operations (through the {@link Transaction}'s tables or any other
 * handle of this database) join the transaction.
 *
 * <p>No method declares a checked exception: I/O failures surface as {@link java.io.UncheckedIOException}
 * wrapping the original {@link java.io.IOException}.
 */
public final class DictDB implements AutoCloseable {
    private final Engine engine;

    /** Creates an empty in-memory database. */
    public DictDB() {
        this.engine = new Engine();
    }

    /**
     * Creates a table whose primary key is {@code id}.
     *
     * @param name the table name
     * @return the table
     * @throws DuplicateTableException when the name exists
     */
    public Table createTable(String name) {
        return createTable(name, "id");
    }

    /**
     * Creates a table without schema.
     *
     * @param name       the table name
     * @param primaryKey the primary-key field
     * @return the table
     * @throws DuplicateTableException when the name exists
     */
    public Table createTable(String name, String primaryKey) {
        return createTable(name, primaryKey, null);
    }

    /**
     * Creates a table with a schema. When the schema lacks the primary key, the table's schema gets a required
     * LONG key field (the given schema object is not changed).
     *
     * @param name       the table name
     * @param primaryKey the primary-key field
     * @param schema     the schema, or null for none
     * @return the table
     * @throws DuplicateTableException when the name exists
     */
    public Table createTable(String name, String primaryKey, Schema schema) {
        TableDef def = TableDef.create(name, primaryKey, schema);
        engine.write(txn -> {
            txn.createTable(def);
            return null;
        });
        return new TableHandle(engine, name, null);
    }

    /**
     * Drops a table and its rows.
     *
     * @param name the table name
     * @throws TableNotFoundException when there is no such table
     */
    public void dropTable(String name) {
        TableDef.requireName(name);
        engine.write(txn -> {
            txn.dropTable(name);
            return null;
        });
    }

    /**
     * A table by name.
     *
     * @param name the table name
     * @return the table
     * @throws TableNotFoundException when there is no such table
     */
    public Table getTable(String name) {
        TableDef.requireName(name);
        engine.readState().table(name);
        return new TableHandle(engine, name, null);
    }

    /**
     * Same as {@link #getTable(String)}.
     *
     * @param name the table name
     * @return the table
     * @throws TableNotFoundException when there is no such table
     */
    public Table table(String name) {
        return getTable(name);
    }

    /**
     * Whether a table exists.
     *
     * @param name the table name
     * @return true when it exists
     */
    public boolean hasTable(String name) {
        return name != null && engine.readState().hasTable(name);
    }

    /**
     * The table names in creation order.
     *
     * @return the names
     */
    public List<String> listTables() {
        return engine.readState().tableNames();
    }

    /**
     * Runs a function as one atomic, serializable transaction. Its writes commit together when it returns and
     * are rolled back when it throws (the exception is rethrown unchanged). Other threads see none of its writes
     * before the commit. A transaction started inside another one is nested: its failure rolls back only its own
     * writes.
     *
     * @param work the function, given the transaction's view of the database
     */
    public void transaction(Consumer<Transaction> work) {
        engine.transaction(txn -> {
            work.accept(new TransactionHandle(engine, txn));
            return null;
        });
    }

    /**
     * Same as {@link #transaction(Consumer)}, returning the function's result.
     *
     * @param work the function
     * @param <T>  the result type
     * @return the function's result
     */
    public <T> T transactionResult(Function<Transaction, T> work) {
        return engine.transaction(txn -> work.apply(new TransactionHandle(engine, txn)));
    }

    /**
     * Saves the database to a file, replacing it atomically.
     *
     * @param file   the target file
     * @param format the file format
     * @throws UnsupportedOperationException in this version: file persistence is not available yet
     */
    public void save(Path file, FileFormat format) {
        throw new UnsupportedOperationException("save is not available in this version of DictDB.");
    }

    /**
     * Loads a database from a file.
     *
     * @param file   the file
     * @param format its format
     * @return the loaded database
     * @throws UnsupportedOperationException in this version: file persistence is not available yet
     */
    public static DictDB load(Path file, FileFormat format) {
        throw new UnsupportedOperationException("load is not available in this version of DictDB.");
    }

    /**
     * Saves the database off the caller's thread.
     *
     * @param file   the target file
     * @param format the file format
     * @return a future completing when the file is written
     */
    public CompletableFuture<Void> saveAsync(Path file, FileFormat format) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("saveAsync is not available in this version of DictDB."));
    }

    /**
     * Loads a database off the caller's thread.
     *
     * @param file   the file
     * @param format its format
     * @return a future of the loaded database
     */
    public static CompletableFuture<DictDB> loadAsync(Path file, FileFormat format) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("loadAsync is not available in this version of DictDB."));
    }

    /**
     * Imports a CSV file into a new table.
     *
     * @param file      the CSV file
     * @param tableName the table to create
     * @param options   import options
     * @return the number of rows imported
     * @throws UnsupportedOperationException in this version: CSV import is not available yet
     */
    public int importCsv(Path file, String tableName, CsvOptions options) {
        throw new UnsupportedOperationException("importCsv is not available in this version of DictDB.");
    }

    /**
     * Releases background resources. Idempotent; the in-memory data stays readable.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "DictDB" + listTables();
    }
}
