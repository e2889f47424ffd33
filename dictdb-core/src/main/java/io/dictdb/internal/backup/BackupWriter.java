package io.dictdb.internal.backup;

import io.dictdb.FileFormat;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.io.FileIo;
import io.dictdb.internal.storage.DeltaFiles;
import io.dictdb.internal.storage.SnapshotFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes full backups and deltas of one database into one directory and keeps the chain they form: the full
 * backup the current chain starts from, the last file of the chain and its sequence number.
 *
 * <p>Invariants: a full backup is the snapshot of a state S taken together with every change up to S
 * ({@link ChangeCollector#take}); a delta holds exactly the changes between the chain's last sequence number and
 * its own state's, and names the file it follows. Files are written atomically, so a failed backup leaves no file
 * under a final name; its changes are given back to the collector and the chain is unchanged, so the next backup
 * covers them. Not thread-safe: the caller serialises backups.
 */
public final class BackupWriter {
    /**
     * A backup written.
     *
     * @param file     the file
     * @param full     whether it is a full backup (else a delta)
     * @param sequence the sequence number of the state it holds
     * @param rows     the rows written (a full backup) or the row changes (a delta)
     * @param bytes    the file's size
     * @param duration how long it took
     */
    public record Outcome(Path file, boolean full, long sequence, long rows, long bytes, Duration duration) {
    }

    private final ChangeCollector collector;
    private final Path dir;
    private final FileFormat format;
    private final FileIo io;
    private final Clock clock;
    private final BackupFileNames names;
    private String chainBase;
    private String chainLast;
    private long chainSequence = -1;
    private Path attempted;

    /**
     * @param collector the collector of the database's changes
     * @param dir       the backup directory
     * @param format    the format of full backups (deltas are always JSON)
     * @param io        the file layer
     * @param clock     the clock for names and timestamps
     */
    public BackupWriter(ChangeCollector collector, Path dir, FileFormat format, FileIo io, Clock clock) {
        this.collector = collector;
        this.dir = dir;
        this.format = format;
        this.io = io;
        this.clock = clock;
        this.names = new BackupFileNames(clock);
    }

    /** @return whether a full backup was written, so that deltas can follow it */
    public boolean hasChain() {
        return chainBase != null;
    }

    /** @return the file the last backup attempt wrote or tried to write, or null */
    public Path attemptedFile() {
        return attempted;
    }

    /**
     * Writes a full backup and starts a new chain from it.
     *
     * @return what was written
     * @throws RuntimeException when the backup fails (nothing is then changed)
     */
    public Outcome full() {
        long start = System.nanoTime();
        Path file = BackupFileNames.full(dir, names.nextStamp(), format);
        attempted = file;
        ChangeCollector.Capture capture = collector.take();
        try {
            SnapshotFiles.save(capture.state(), file, format, io);
        } catch (RuntimeException | Error e) {
            collector.giveBack(capture.changes());
            throw e;
        }
        long rows = 0;
        for (TableState table : capture.state().tableStates()) {
            rows += table.size();
        }
        chainBase = file.getFileName().toString();
        chainLast = chainBase;
        chainSequence = capture.state().sequence();
        return new Outcome(file, true, chainSequence, rows, size(file), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Writes a delta of the changes since the chain's last backup; a full backup when there is no chain yet.
     *
     * @return what was written, or null when nothing changed since the last backup
     * @throws RuntimeException when the backup fails (nothing is then changed)
     */
    public Outcome delta() {
        if (!hasChain()) {
            return full();
        }
        long start = System.nanoTime();
        ChangeCollector.Capture capture = collector.take();
        if (capture.changes().isEmpty()) {
            attempted = null;
            return null;
        }
        long stamp = names.nextStamp();
        Path file = BackupFileNames.delta(dir, stamp);
        attempted = file;
        long sequence = capture.state().sequence();
        int rows;
        try {
            DeltaFiles.Chain chain = new DeltaFiles.Chain(chainBase, chainLast, chainSequence, sequence);
            rows = DeltaFiles.write(io, file, capture.state(), capture.changes(), chain, stamp / 1e6);
        } catch (RuntimeException | Error e) {
            collector.giveBack(capture.changes());
            throw e;
        }
        chainLast = file.getFileName().toString();
        chainSequence = sequence;
        return new Outcome(file, false, sequence, rows, size(file), Duration.ofNanos(System.nanoTime() - start));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the clock's current instant */
    public Instant now() {
        return clock.instant();
    }
}
