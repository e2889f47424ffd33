package io.dictdb.backup;

/**
 * Told about each failed backup, on the thread that ran it (the backup thread, or the caller of
 * {@link BackupManager#backupNow()} and its siblings). An exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface BackupFailureListener {
    /**
     * A backup failed.
     *
     * @param error               what went wrong
     * @param consecutiveFailures how many backups in a row have failed, this one included (1, 2, ...)
     */
    void onFailure(Throwable error, int consecutiveFailures);
}
