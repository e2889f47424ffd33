package io.dictdb.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The backup files of a directory (full backups and deltas, by their names), oldest first. */
final class BackupDirectory {
    private BackupDirectory() {
    }

    /**
     * Lists the backup files of a directory in time order (by the stamp in their names; a full backup before a
     * delta of the same stamp).
     *
     * @param dir the directory
     * @return the files
     * @throws UncheckedIOException when the directory cannot be read
     */
    static List<Path> list(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (BackupFileNames.stampOf(entry.getFileName().toString()) >= 0 && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backup directory '" + dir + "': " + e.getMessage(), e);
        }
        files.sort(Comparator.comparingLong((Path p) -> BackupFileNames.stampOf(p.getFileName().toString()))
                .thenComparing(p -> BackupFileNames.DELTA.matcher(p.getFileName().toString()).matches()));
        return files;
    }
}
