package io.dictdb.internal.backup;

import io.dictdb.FileFormat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup file names, as in the Python DictDB: {@code dictdb_backup_<epochSeconds>_<micros>.<json|cbor>} for full
 * backups and {@code dictdb_delta_<epochSeconds>_<micros>.json} for deltas. The microsecond stamp is always 6
 * digits and seconds are 10 digits until the year 2286, so names sort in time order; stamps handed out by one
 * instance strictly increase (a stamp at or before the previous one becomes the previous one plus a
 * microsecond), so two backups never collide even within one microsecond or when the clock steps back.
 */
public final class BackupFileNames {
    /** Full backups: group 1 seconds, group 2 micros, group 3 extension. */
    public static final Pattern FULL = Pattern.compile("dictdb_backup_(\\d+)_(\\d{6})\\.(json|cbor)");
    /** Deltas: group 1 seconds, group 2 micros. */
    public static final Pattern DELTA = Pattern.compile("dictdb_delta_(\\d+)_(\\d{6})\\.json");

    private final Clock clock;
    private long lastMicros;

    /**
     * @param clock the clock stamps come from
     */
    public BackupFileNames(Clock clock) {
        this.clock = clock;
    }

    /**
     * The next strictly increasing stamp, in microseconds since the epoch.
     *
     * @return the stamp
     */
    public synchronized long nextStamp() {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        if (micros <= lastMicros) {
            micros = lastMicros + 1;
        }
        lastMicros = micros;
        return micros;
    }

    /**
     * The name of a full backup.
     *
     * @param dir    the backup directory
     * @param stamp  a stamp from {@link #nextStamp()}
     * @param format the file format
     * @return the path
     */
    public static Path full(Path dir, long stamp, FileFormat format) {
        return dir.resolve("dictdb_backup_" + suffix(stamp) + "." + format.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The name of a delta.
     *
     * @param dir   the backup directory
     * @param stamp a stamp from {@link #nextStamp()}
     * @return the path
     */
    public static Path delta(Path dir, long stamp) {
        return dir.resolve("dictdb_delta_" + suffix(stamp) + ".json");
    }

    private static String suffix(long stamp) {
        return String.format(Locale.ROOT, "%d_%06d", stamp / 1_000_000L, stamp % 1_000_000L);
    }

    /**
     * The stamp of a backup file name, for ordering.
     *
     * @param name a file name
     * @return its stamp in microseconds, or -1 when it is not a backup file name
     */
    public static long stampOf(String name) {
        Matcher m = FULL.matcher(name);
        if (!m.matches()) {
            m = DELTA.matcher(name);
            if (!m.matches()) {
                return -1;
            }
        }
        return Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2));
    }
}
