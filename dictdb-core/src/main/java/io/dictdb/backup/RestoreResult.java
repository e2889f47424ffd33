package io.dictdb.backup;

import io.dictdb.DictDB;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Backups#restoreToLastGoodPoint(Path)} restored: the database, the files it came from, and where and
 * why it stopped when it could not apply every delta.
 *
 * @param database           the restored database
 * @param fullBackup         the full backup it starts from
 * @param appliedDeltas      the deltas applied, in order
 * @param skippedFullBackups newer full backups that were damaged and passed over (newest first)
 * @param stoppedAt          the first file not applied, when restore stopped before the end of the chain
 * @param problem            why it stopped there
 */
public record RestoreResult(DictDB database, Path fullBackup, List<Path> appliedDeltas,
                            List<Path> skippedFullBackups, Optional<Path> stoppedAt, Optional<String> problem) {
    /** Copies the lists. */
    public RestoreResult {
        appliedDeltas = List.copyOf(appliedDeltas);
        skippedFullBackups = List.copyOf(skippedFullBackups);
    }

    /** @return whether every backup after the full backup was applied */
    public boolean complete() {
        return stoppedAt.isEmpty();
    }
}
