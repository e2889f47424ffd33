package io.dictdb.internal.storage;

import io.dictdb.CorruptFileException;
import io.dictdb.FileFormat;
import io.dictdb.internal.backup.PendingChanges;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.WriteTransaction;
import io.dictdb.internal.io.FileIo;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Delta files (incremental backups): writing one from a captured state and its changes, reading and verifying one,
 * and applying one to a database. The layout is the Python DictDB's delta plus our chain, events, sequence numbers
 * and key counters, closed by the same CRC32C trailer as JSON database files ({@code docs/backups.md}).
 */
public final class DeltaFiles {
    /**
     * Where a delta sits in its backup chain.
     *
     * @param base         the file name of the chain's full backup
     * @param previous     the file name of the backup this delta follows
     * @param fromSequence the sequence number of the state it applies to
     * @param toSequence   the sequence number of the state it produces
     */
    public record Chain(String base, String previous, long fromSequence, long toSequence) {
        /**
         * @throws IllegalArgumentException when the sequence numbers go backwards
         */
        public Chain {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(previous, "previous");
            if (fromSequence < 0 || toSequence < fromSequence) {
                throw new IllegalArgumentException("Bad sequence range (" + fromSequence + ", " + toSequence + "]");
            }
        }
    }

    private DeltaFiles() {
    }

    /**
     * Writes a delta atomically (a temporary file renamed into place).
     *
     * @param io           the file layer
     * @param file         the target
     * @param end          the state the delta ends at
     * @param changes      the changes since the state it starts from
     * @param chain        its place in the chain
     * @param epochSeconds the time of the backup
     * @return the number of row changes written
     * @throws UncheckedIOException when the file cannot be written (no file is left under its name)
     */
    public static int write(FileIo io, Path file, DbState end, PendingChanges changes, Chain chain,
                            double epochSeconds) {
        int[] written = new int[1];
        SnapshotFiles.writeChecked(io, file, SnapshotFormat.of(FileFormat.JSON),
                g -> written[0] = DeltaWriter.write(g, end, changes, chain, epochSeconds));
        return written[0];
    }

    /**
     * Reads and verifies a delta (ours must carry a valid checksum; the Python DictDB's carry none).
     *
     * @param io   the file layer
     * @param file the file
     * @return the parsed delta, not yet applied
     * @throws CorruptFileException   when the file is damaged or not a delta
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ParsedDelta read(FileIo io, Path file) {
        return DeltaReader.read(io, file);
    }

    /**
     * Applies a parsed delta inside a write transaction.
     *
     * @param txn   the transaction
     * @param delta the delta
     * @return the number of records affected (upserts, plus deletes that removed a row)
     * @throws CorruptFileException when the delta does not fit the database (e.g. creates a table that exists)
     */
    public static int apply(WriteTransaction txn, ParsedDelta delta) {
        try {
            return new DeltaApplier(txn, delta).apply();
        } catch (IllegalFileDataException e) {
            throw new CorruptFileException(delta.file(), e.getMessage(), e);
        }
    }
}
