package io.dictdb.examples.tutorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of a backup directory, as the tutorial looks at them: full backups are named
 * {@code dictdb_backup_<seconds>_<micros>.<json|cbor>} and deltas {@code dictdb_delta_<seconds>_<micros>.json},
 * so sorting by name sorts by time.
 */
public final class BackupFiles {
    /** The name prefix of full backups. */
    public static final String FULL_PREFIX = "dictdb_backup_";
    /** The name prefix of deltas. */
    public static final String DELTA_PREFIX = "dictdb_delta_";

    private BackupFiles() {
    }

    /**
     * The regular files of a directory, backup files in time order (then any other file by name).
     *
     * @param dir the directory
     * @return the files
     */
    public static List<Path> all(Path dir) {
        return named(dir, "");
    }

    /**
     * The regular files of a directory whose name starts with a prefix, backup files in time order (then any other
     * file by name).
     *
     * @param dir    the directory
     * @param prefix the prefix, for example {@link #FULL_PREFIX}
     * @return the files
     */
    public static List<Path> named(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparing(BackupFiles::timeOrder))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String timeOrder(Path file) {
        return kind(file).equals("other") ? "~" + file.getFileName() : stamp(file);
    }

    /**
     * The part of a backup file's name that orders it in time: {@code 1706123456_789012} for
     * {@code dictdb_backup_1706123456_789012.json}.
     *
     * @param file a full backup or a delta
     * @return its time stamp, as text (fixed width, so text order is time order)
     */
    public static String stamp(Path file) {
        String name = file.getFileName().toString();
        String withoutPrefix = name.startsWith(FULL_PREFIX)
                ? name.substring(FULL_PREFIX.length())
                : name.substring(DELTA_PREFIX.length());
        return withoutPrefix.substring(0, withoutPrefix.indexOf('.'));
    }

    /**
     * What a backup file is.
     *
     * @param file a file of a backup directory
     * @return {@code full}, {@code delta} or {@code other}
     */
    public static String kind(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(FULL_PREFIX)) {
            return "full";
        }
        return name.startsWith(DELTA_PREFIX) ? "delta" : "other";
    }

    /**
     * A file for the report: its name, kind and size.
     *
     * @param file the file
     * @return for example {@code dictdb_delta_1706123516_123456.json  delta  2 310 bytes}
     */
    public static String describe(Path file) {
        return String.format(Locale.ROOT, "%-40s %-5s %,8d bytes", file.getFileName(), kind(file), size(file));
    }

    /**
     * The size of a file.
     *
     * @param file the file
     * @return its size in bytes
     */
    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
