package io.dictdb.examples.tutorial;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDBException;
import io.dictdb.DuplicateKeyException;
import io.dictdb.DuplicateTableException;
import io.dictdb.RecordNotFoundException;
import io.dictdb.SchemaValidationException;
import io.dictdb.TableNotFoundException;
import io.dictdb.backup.BackupChainException;

import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tutorial's {@code executer_operation_robuste}: runs a database operation and handles each kind of failure
 * in its own way. Every DictDB exception is unchecked and extends {@link DictDBException}; I/O failures are
 * {@link UncheckedIOException}s. "No record matched" is the one failure turned into a result (for example 0 rows); all the
 * others are reported and rethrown.
 */
public final class SafeOperation {
    private SafeOperation() {
    }

    // tag::handler[]
    /**
     * Runs an operation.
     *
     * @param operation         the operation, for example {@code () -> users.update(changes, where)}
     * @param whenNoRecordFound the result when no record matched, for example 0 rows
     * @param log               where to say what went wrong
     * @param <T>               the operation's result type
     * @return the operation's result, or {@code whenNoRecordFound}
     */
    public static <T> T execute(Supplier<T> operation, T whenNoRecordFound, Consumer<String> log) {
        try {
            return operation.get();
        } catch (TableNotFoundException e) {
            log.accept("Error: " + e.getMessage());   // "Table 'customers' does not exist."
            throw e;
        } catch (DuplicateKeyException e) {
            log.accept("Error: this key already exists (upsert would merge instead): " + e.getMessage());
            throw e;
        } catch (SchemaValidationException e) {
            log.accept("Validation error: " + e.getMessage());
            throw e;
        } catch (RecordNotFoundException e) {
            log.accept("Warning: no record found: " + e.getMessage());
            return whenNoRecordFound;
        } catch (DuplicateTableException e) {
            log.accept("Error: " + e.getMessage());
            throw e;
        } catch (CorruptFileException e) {
            log.accept("Damaged file, restore it from a backup: " + e.getMessage());
            throw e;
        } catch (BackupChainException e) {
            log.accept("Backups cannot be restored: " + e.getMessage());   // e.file(): where the chain breaks
            throw e;
        } catch (DictDBException e) {
            log.accept("DictDB error: " + e.getMessage());   // any other rule of the database
            throw e;
        } catch (UncheckedIOException e) {
            log.accept("I/O error (" + e.getCause().getClass().getSimpleName() + "): " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.accept("Unexpected error: " + e);
            throw e;
        }
    }
    // end::handler[]
}
