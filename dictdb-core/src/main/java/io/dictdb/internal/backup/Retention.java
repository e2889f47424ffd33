package io.dictdb.internal.backup;

import io.dictdb.FileFormat;
import io.dictdb.internal.io.FileIo;
import io.dictdb.internal.storage.SnapshotFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Deletes old backup chains, keeping the newest {@code n} full backups whose checksum verifies and everything
 * written after the oldest of them. A full backup that does not verify is never counted, so the newest verified
 * full backup and its deltas are never deleted, whatever damage newer files have.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger("io.dictdb.backup");

    private Retention() {
    }

    /**
     * Applies the retention rule to a directory.
     *
     * @param dir       the backup directory
     * @param keepFulls how many verified full backups to keep (at least 1)
     * @param io        the file layer
     * @return the files deleted
     */
    public static List<Path> apply(Path dir, int keepFulls, FileIo io) {
        List<Path> files = BackupDirectory.list(dir);
        long cutoff = -1;
        int verified = 0;
        for (int i = files.size() - 1; i >= 0 && verified < keepFulls; i--) {
            Path file = files.get(i);
            Matcher full = BackupFileNames.FULL.matcher(file.getFileName().toString());
            if (full.matches() && verifies(file, FileFormat.valueOf(full.group(3).toUpperCase(Locale.ROOT)), io)) {
                verified++;
                cutoff = BackupFileNames.stampOf(file.getFileName().toString());
            }
        }
        List<Path> deleted = new ArrayList<>();
        if (verified < keepFulls) {
            return deleted;
        }
        for (Path file : files) {
            if (BackupFileNames.stampOf(file.getFileName().toString()) >= cutoff) {
                break;
            }
            try {
                io.deleteIfExists(file);
                deleted.add(file);
            } catch (IOException e) {
                LOG.atWarn().setMessage("Could not delete an old backup").addKeyValue("file", file)
                        .setCause(e).log();
            }
        }
        if (!deleted.isEmpty()) {
            LOG.atInfo().setMessage("Deleted old backups").addKeyValue("count", deleted.size())
                    .addKeyValue("dir", dir).log();
        }
        return deleted;
    }

    private static boolean verifies(Path file, FileFormat format, FileIo io) {
        try {
            return SnapshotFiles.checksumProblem(file, format, io) == null;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
