package io.dictdb;

import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.Engine;
import io.dictdb.internal.engine.EngineAccess;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.engine.TableWrites;
import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.query.TableHandle;
import io.dictdb.internal.query.TransactionHandle;
import io.dictdb.internal.storage.AsyncFileExecutor;
import io.dictdb.internal.storage.CsvImport;
import io.dictdb.internal.storage.SnapshotFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
    static {
        EngineAccess.install(db -> db.engine);
    }

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
        engine.operations().run(name, "createTable", () -> engine.write(txn -> {
            txn.createTable(def);
            return null;
        }));
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
        engine.operations().run(name, "dropTable", () -> engine.write(txn -> {
            txn.dropTable(name);
            return null;
        }));
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
     * Saves the database to a file, replacing it atomically: the content is written to a temporary file in the
     * same directory, forced to the device, and renamed over the target, then the directory is forced. A failed
     * save never damages the previous file (it is left exactly as it was, and no temporary file remains; only
     * when forcing the directory after the rename fails does the target already hold the new, complete
     * content). The file holds one consistent point in time, the latest committed state when the call starts,
     * read without blocking writers; inside a transaction, the transaction's own uncommitted writes are not
     * saved. The format, with its checksum, is described in {@code docs/formats.md}.
     *
     * @param file   the target file
     * @param format the file format
     * @throws java.io.UncheckedIOException when the file cannot be written (the cause is the original
     *                                      {@link java.io.IOException})
     */
    public void save(Path file, FileFormat format) {
        SnapshotFiles.save(engine.committedState(), file, format);
    }

    /**
     * Loads a database from a file written by {@link #save} (either format) or, in JSON, by the Python DictDB.
     * Loading is all or nothing: the whole file is read and its checksum verified before the database is
     * returned. Tables, rows (with their exact value types), schemas, index definitions and key counters are
     * restored. A JSON file without our format version (a Python DictDB file) needs no checksum and is
     * validated against its schema, as the Python DictDB does.
     *
     * @param file   the file
     * @param format its format
     * @return the loaded database
     * @throws CorruptFileException          when the file is malformed, truncated, fails its checksum, or describes
     *                                       data that breaks the database's rules
     * @throws java.io.UncheckedIOException when the file cannot be read (a missing file: caused by
     *                                       {@link java.nio.file.NoSuchFileException})
     */
    public static DictDB load(Path file, FileFormat format) {
        DictDB db = new DictDB();
        SnapshotFiles.load(db.engine, file, format);
        return db;
    }

    /**
     * Saves the database off the caller's thread, on the executor set by {@link #setAsyncExecutor}. The
     * snapshot is taken when this method is called, so the file holds the database as it was at that moment
     * whatever is written afterwards.
     *
     * @param file   the target file
     * @param format the file format
     * @return a future completing when the file is written, or exceptionally with the exception {@link #save}
     *         would have thrown
     */
    public CompletableFuture<Void> saveAsync(Path file, FileFormat format) {
        return saveAsync(file, format, AsyncFileExecutor.get());
    }

    /**
     * Saves the database off the caller's thread, on a given executor (see {@link #saveAsync(Path, FileFormat)}).
     *
     * @param file     the target file
     * @param format   the file format
     * @param executor the executor that writes the file
     * @return a future completing when the file is written, or exceptionally with the exception {@link #save}
     *         would have thrown (or the executor's {@link java.util.concurrent.RejectedExecutionException})
     */
    public CompletableFuture<Void> saveAsync(Path file, FileFormat format, Executor executor) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(executor, "executor");
        DbState snapshot = engine.committedState();
        return AsyncFileExecutor.submit(executor, () -> {
            SnapshotFiles.save(snapshot, file, format);
            return null;
        });
    }

    /**
     * Loads a database off the caller's thread, on the executor set by {@link #setAsyncExecutor}.
     *
     * @param file   the file
     * @param format its format
     * @return a future of the loaded database, completing exceptionally with the exception {@link #load} would
     *         have thrown
     */
    public static CompletableFuture<DictDB> loadAsync(Path file, FileFormat format) {
        return loadAsync(file, format, AsyncFileExecutor.get());
    }

    /**
     * Loads a database off the caller's thread, on a given executor (see {@link #loadAsync(Path, FileFormat)}).
     *
     * @param file     the file
     * @param format   its format
     * @param executor the executor that reads the file
     * @return a future of the loaded database, completing exceptionally with the exception {@link #load} would
     *         have thrown (or the executor's {@link java.util.concurrent.RejectedExecutionException})
     */
    public static CompletableFuture<DictDB> loadAsync(Path file, FileFormat format, Executor executor) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(executor, "executor");
        return AsyncFileExecutor.submit(executor, () -> load(file, format));
    }

    /**
     * Replaces, for the whole process, the executor that runs {@link #saveAsync(Path, FileFormat)} and
     * {@link #loadAsync(Path, FileFormat)}. The default one is bounded: two daemon threads ({@code dictdb-io-N},
     * ending when idle, so nothing needs shutting down) and a queue of 256 tasks, beyond which a future completes
     * exceptionally with {@link java.util.concurrent.RejectedExecutionException}.
     *
     * @param executor the executor to use, or null to restore the default one
     */
    public static void setAsyncExecutor(Executor executor) {
        AsyncFileExecutor.set(executor);
    }

    /**
     * Imports a CSV file into a new table, all or nothing: when anything fails (reading, parsing, converting, a
     * duplicate key, a schema rule), no table is left behind.
     *
     * <p>The file is read with RFC 4180 quoting. The first row holds the column names ({@code hasHeader}; a
     * leading byte-order mark is dropped), or columns are named {@code col_0, col_1, …}; short rows are padded
     * with empty cells, long rows cut, blank lines skipped. With a schema, its columns are converted to their
     * types (an empty cell is null, except for STRING and ANY; a cell that is not a value of its type stays a
     * string and fails validation unless {@code skipValidation}); other columns stay strings. Without a schema
     * and with {@code inferTypes}, each column whose non-empty cells are all integers becomes LONG, else all
     * numbers DOUBLE, else STRING, and empty cells of LONG and DOUBLE columns are null. A row whose
     * primary-key cell is empty gets an automatic key.
     *
     * @param file      the CSV file
     * @param tableName the table to create
     * @param options   import options
     * @return the number of rows imported
     * @throws DuplicateTableException       when the table exists (checked before the file is read)
     * @throws CorruptFileException          when the file is not valid text in the encoding or not valid CSV
     * @throws SchemaValidationException     when a row breaks the schema
     * @throws DuplicateKeyException         when two rows have the same key
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public int importCsv(Path file, String tableName, CsvOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        TableDef.requireName(tableName);
        return engine.operations().call(tableName, "importCsv", () -> importCsvRows(file, tableName, options),
                Integer::longValue);
    }

    private int importCsvRows(Path file, String tableName, CsvOptions options) {
        TableDef def = TableDef.create(tableName, options.primaryKey(), options.schema().orElse(null));
        if (engine.readState().hasTable(tableName)) {
            throw new DuplicateTableException("Table '" + tableName + "' already exists.");
        }
        List<Map<String, Object>> records = CsvImport.read(CurrentFileIo.get(), file, options);
        InsertOptions insert = InsertOptions.builder().skipValidation(options.skipValidation()).build();
        engine.write(txn -> {
            txn.createTable(def);
            TableWrites.insertAll(txn, tableName, records, insert);
            return null;
        });
        return records.size();
    }

    /**
     * Registers a listener told about every operation of this database after it completes (what, on which
     * table, how many rows, how long, failed or not): see {@link OperationListener} for when it is called and
     * {@link OperationEvent} for the operations reported. Registration is per database; nothing is global.
     * Registering a listener that is already registered does nothing. With no listener registered, operations
     * are neither timed nor reported.
     *
     * @param listener the listener
     * @throws NullPointerException when the listener is null
     */
    public void addOperationListener(OperationListener listener) {
        engine.operations().add(listener);
    }

    /**
     * Unregisters a listener added by {@link #addOperationListener}. Operations completing after this returns
     * are not reported to it.
     *
     * @param listener the listener
     * @return true when it was registered
     */
    public boolean removeOperationListener(OperationListener listener) {
        return engine.operations().remove(listener);
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
