package io.dictdb.backup;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.internal.backup.ChainRestore;
import io.dictdb.internal.engine.EngineAccess;
import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.storage.DeltaFiles;
import io.dictdb.internal.storage.ParsedDelta;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Restoring databases from backups.
 *
 * <pre>{@code
 * DictDB db = Backups.restore(Path.of("backups"));       // newest full backup + every later delta, verified
 *
 * // or, by hand, as in the production tutorial:
 * DictDB db = DictDB.load(latestFull, FileFormat.JSON);
 * for (Path delta : laterDeltasInNameOrder) {
 *     Backups.applyDelta(db, delta);
 * }
 * }</pre>
 */
public final class Backups {
    private Backups() {
    }

    /**
     * Restores the database as it was at the last backup of a directory: the newest full backup, then every later
     * delta in order, each checked to follow the one before it (same chain, no delta missing). All or nothing: when
     * anything is wrong, nothing is returned.
     *
     * @param backupDir the backup directory
     * @return a new database
     * @throws CorruptFileException  when the newest full backup, or a later delta, is damaged (naming the file)
     * @throws BackupChainException  when there is no full backup, or a delta does not follow the file before it
     * @throws java.io.UncheckedIOException when the directory or a file cannot be read
     */
    public static DictDB restore(Path backupDir) {
        Objects.requireNonNull(backupDir, "backupDir");
        return new ChainRestore(backupDir, CurrentFileIo.get(), true).restore().database();
    }

    /**
     * Restores as much as can be trusted: the newest full backup that loads, then the later deltas up to the first
     * one that is damaged or does not follow (it and everything after it are left out). The result says which
     * files were used and where and why restore stopped.
     *
     * @param backupDir the backup directory
     * @return the database and what it was made from
     * @throws CorruptFileException when every full backup is damaged
     * @throws BackupChainException when there is no full backup
     * @throws java.io.UncheckedIOException when the directory or a file cannot be read
     */
    public static RestoreResult restoreToLastGoodPoint(Path backupDir) {
        Objects.requireNonNull(backupDir, "backupDir");
        return new ChainRestore(backupDir, CurrentFileIo.get(), false).restore();
    }

    /**
     * Applies one delta file to a database, atomically. Works with the deltas of DictDB for Java (verified by their
     * checksum; every table, index and row they expect must be there) and with those of the Python DictDB (tables
     * the database lacks are skipped; records are validated against their table's schema). An upsert replaces the
     * stored row with its key, or inserts it; a delete removes the row when present. This does not check that the
     * delta follows the database's state: {@link #restore(Path)} does.
     *
     * @param db        the database
     * @param deltaFile the delta
     * @return the number of records affected: upserts, plus deletes that removed a row
     * @throws CorruptFileException when the file is damaged, is not a delta, or does not fit the database (then
     *                              nothing was applied)
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static int applyDelta(DictDB db, Path deltaFile) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(deltaFile, "deltaFile");
        ParsedDelta delta = DeltaFiles.read(CurrentFileIo.get(), deltaFile);
        return EngineAccess.of(db).write(txn -> DeltaFiles.apply(txn, delta));
    }
}
