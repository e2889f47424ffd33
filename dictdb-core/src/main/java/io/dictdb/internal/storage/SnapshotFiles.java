package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.dictdb.CorruptFileException;
import io.dictdb.FileFormat;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.Engine;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.engine.WriteTransaction;
import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.io.FileIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Saving a database snapshot to a file and loading a file into a new database: the entry points behind
 * {@code DictDB.save} and {@code DictDB.load}.
 *
 * <p>Invariants. Saving writes one immutable {@link DbState} (a single point in time, read without any lock)
 * through {@link AtomicFileWriter}, so the target is replaced atomically or not at all, followed by a checksum
 * trailer. Loading happens inside one write transaction of an engine nobody else sees yet, and the checksum is
 * verified after the last byte is read and before that transaction ends: any failure (I/O, malformed content,
 * checksum mismatch, data breaking the database's rules) throws, so the transaction is never published and the
 * new database is never handed out: loading never half-succeeds. Parsing sends tables and record batches to a
 * {@link SnapshotSink}; files of a megabyte or more are parsed on a second thread ({@link PipelinedSnapshotLoad})
 * while the calling thread, the only one touching the transaction, inserts. Content failures become
 * {@link CorruptFileException} naming the file (and the position where the parser stopped, when known); failures
 * of the device reading the file become {@link UncheckedIOException} with the original cause (a missing file:
 * {@link java.nio.file.NoSuchFileException}).
 *
 * <p>Which files must carry a checksum: every CBOR file; a JSON file that starts with our format version, ends
 * with a checksum trailer, or contains our format version or checksum keys anywhere at the top level. A JSON
 * file with none of them is a file of the Python DictDB and is accepted without a checksum (and validated
 * against its schema); a file with our version key but no valid checksum is refused as damaged.
 */
public final class SnapshotFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);
    /** Files at least this large are parsed on a second thread while the caller inserts. */
    private static final int PIPELINE_THRESHOLD = 1 << 20;

    private SnapshotFiles() {
    }

    /**
     * Saves a snapshot with the current file layer.
     *
     * @param state  the snapshot
     * @param file   the target file (replaced atomically)
     * @param format the file format
     */
    public static void save(DbState state, Path file, FileFormat format) {
        save(state, file, format, CurrentFileIo.get());
    }

    /**
     * Saves a snapshot.
     *
     * @param state  the snapshot
     * @param file   the target file (replaced atomically)
     * @param format the file format
     * @param io     the file layer
     * @throws UncheckedIOException when the file cannot be written (the previous file is then unchanged)
     */
    public static void save(DbState state, Path file, FileFormat format, FileIo io) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        SnapshotFormat snapshotFormat = SnapshotFormat.of(format);
        long start = System.nanoTime();
        writeChecked(io, file, snapshotFormat, g -> SnapshotWriter.write(g, state));
        if (LOG.isDebugEnabled()) {
            long rows = 0;
            for (TableState table : state.tableStates()) {
                rows += table.size();
            }
            LOG.atDebug().setMessage("Saved database")
                    .addKeyValue("file", file)
                    .addKeyValue("format", format)
                    .addKeyValue("tables", state.tableStates().size())
                    .addKeyValue("rows", rows)
                    .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
                    .log();
        }
    }

    /** Writes the body of a file through a generator (the top-level object is left open for the trailer). */
    @FunctionalInterface
    interface Body {
        /**
         * Writes the body.
         *
         * @param g the generator
         * @throws IOException when writing fails
         */
        void writeTo(JsonGenerator g) throws IOException;
    }

    /**
     * Replaces a file atomically with a body followed by the format's checksum trailer (the CRC32C of every byte
     * of the body): the framing shared by database files and backup deltas.
     *
     * @param io     the file layer
     * @param file   the target
     * @param format the format
     * @param body   writes the body
     */
    static void writeChecked(FileIo io, Path file, SnapshotFormat format, Body body) {
        AtomicFileWriter.replace(io, file, out -> {
            CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32C());
            try (JsonGenerator g = format.createGenerator(checked)) {
                body.writeTo(g);
                g.flush();
            }
            int crc = (int) checked.getChecksum().getValue();
            out.write(format.trailer(crc));
        });
    }

    /**
     * Loads a file into an empty engine with the current file layer.
     *
     * @param engine the engine of a new database, not yet shared
     * @param file   the file
     * @param format its format
     * @return the commit sequence number saved in the file, or -1 when it has none (files of the Python DictDB)
     */
    public static long load(Engine engine, Path file, FileFormat format) {
        return load(engine, file, format, CurrentFileIo.get());
    }

    /**
     * Loads a file into an empty engine, in one write that is published only when the whole file was read and
     * verified.
     *
     * @param engine the engine of a new database, not yet shared
     * @param file   the file
     * @param format its format
     * @param io     the file layer
     * @return the commit sequence number saved in the file, or -1 when it has none (files of the Python DictDB)
     * @throws CorruptFileException when the content is malformed, truncated, fails its checksum, or describes
     *                              data that breaks the database's rules
     * @throws UncheckedIOException when the file cannot be read (the cause is the original exception)
     */
    public static long load(Engine engine, Path file, FileFormat format, FileIo io) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        long start = System.nanoTime();
        long sequence = engine.write(txn -> {
            long saved = read(txn, file, SnapshotFormat.of(format), io);
            txn.continueSequenceFrom(saved);
            return saved;
        });
        LOG.atDebug().setMessage("Loaded database")
                .addKeyValue("file", file)
                .addKeyValue("format", format)
                .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
                .log();
        return sequence;
    }

    private static long read(WriteTransaction txn, Path file, SnapshotFormat format, FileIo io) {
        InputStream raw;
        try {
            raw = io.openRead(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + file + "': " + e.getMessage(), e);
        }
        try (raw) {
            boolean large = raw.available() >= PIPELINE_THRESHOLD;
            byte[] head = raw.readNBytes(format.header().length);
            boolean tagged = format.checksumAlwaysRequired() || format.startsWithHeader(head);
            TrailingChecksumInputStream in = new TrailingChecksumInputStream(
                    new SequenceInputStream(new ByteArrayInputStream(head), raw), format.trailerLength());
            // Files we wrote are inserted as saved (the checksum vouches for them); Python files are validated.
            TransactionSink sink = new TransactionSink(txn, !tagged);
            Outcome outcome = large
                    ? PipelinedSnapshotLoad.run(format, in, tagged, sink)
                    : parse(format, in, tagged, sink);
            verify(file, format, in, tagged, outcome);
            return outcome.sequence();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * What parsing a file found.
     *
     * @param claimsOurs whether the file has our format version or checksum keys
     * @param failure    the first failure (parsing, reading or applying), or null
     * @param sequence   the saved commit sequence number, or -1 when the file has none
     */
    record Outcome(boolean claimsOurs, Throwable failure, long sequence) {
    }

    /**
     * Parses a whole file into a sink, then reads whatever is left so that its checksum can be verified. Never
     * throws for the content: a failure is returned in the outcome.
     *
     * @param format the file format
     * @param in     the file's bytes
     * @param tagged whether the file is one we wrote
     * @param sink   where tables and records go
     * @return what parsing found
     */
    static Outcome parse(SnapshotFormat format, TrailingChecksumInputStream in, boolean tagged, SnapshotSink sink) {
        SnapshotReader reader = null;
        Throwable failure = null;
        try (JsonParser p = format.createParser(in)) {
            reader = new SnapshotReader(p, tagged, sink);
            reader.read();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        if (!(failure instanceof SourceReadException)) {
            try {
                in.drain();
            } catch (IOException e) {
                failure = e;
            }
        }
        return new Outcome(reader != null && reader.claimsOurs(), failure, reader == null ? -1 : reader.sequence());
    }

    /** Turns the outcome of a load into its verdict: nothing when the file is sound, else the exception. */
    private static void verify(Path file, SnapshotFormat format, TrailingChecksumInputStream in, boolean tagged,
                               Outcome outcome) {
        Throwable failure = outcome.failure();
        if (failure instanceof SourceReadException) {
            throw new UncheckedIOException("Could not read '" + file + "': " + failure.getMessage(),
                    ((SourceReadException) failure).original());
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        String checksumProblem = checksumProblem(format, in);
        boolean checksumExpected = tagged || outcome.claimsOurs() || format.checksumOf(in.tail()) >= 0;
        if (failure != null) {
            // When the file should carry a checksum, a checksum failure is the better diagnosis (the parse
            // error is only its symptom).
            if (checksumExpected && checksumProblem != null) {
                throw new CorruptFileException(file, checksumProblem + " (" + describe(failure) + ")", failure);
            }
            throw new CorruptFileException(file, describe(failure), failure);
        }
        if (checksumExpected && checksumProblem != null) {
            throw new CorruptFileException(file, checksumProblem);
        }
    }

    /**
     * Checks a file's checksum trailer without parsing its content (to tell a sound backup from a damaged one
     * cheaply).
     *
     * @param file   the file
     * @param format its format
     * @param io     the file layer
     * @return null when the file ends with a trailer matching its content, else what is wrong
     * @throws UncheckedIOException when the file cannot be read
     */
    public static String checksumProblem(Path file, FileFormat format, FileIo io) {
        SnapshotFormat snapshotFormat = SnapshotFormat.of(format);
        try (InputStream raw = io.openRead(file)) {
            return checksumProblem(snapshotFormat, raw);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream to its end and checks its checksum trailer.
     *
     * @param format the format whose trailer ends the stream
     * @param raw    the stream
     * @return null when the trailer matches the content, else what is wrong
     * @throws IOException when reading fails
     */
    static String checksumProblem(SnapshotFormat format, InputStream raw) throws IOException {
        TrailingChecksumInputStream in = new TrailingChecksumInputStream(raw, format.trailerLength());
        in.drain();
        return checksumProblem(format, in);
    }

    /** @return what is wrong with the checksum trailer, or null when it matches the content */
    private static String checksumProblem(SnapshotFormat format, TrailingChecksumInputStream in) {
        long stored = format.checksumOf(in.tail());
        if (stored < 0) {
            return "its checksum trailer is missing or damaged (the file is truncated or was modified; "
                    + in.length() + " bytes)";
        }
        long computed = in.bodyChecksum() & 0xffffffffL;
        if (stored != computed) {
            return String.format("checksum mismatch: stored crc32c %08x, computed %08x over %d bytes (the file is "
                    + "damaged)", stored, computed, in.length() - format.trailerLength());
        }
        return null;
    }

    static String describe(Throwable e) {
        if (e instanceof IllegalFileDataException) {
            return e.getMessage();
        }
        if (e instanceof JsonProcessingException) {
            JsonProcessingException j = (JsonProcessingException) e;
            JsonLocation at = j.getLocation();
            String where = "";
            if (at != null) {
                where = " at byte " + at.getByteOffset();
                if (at.getLineNr() > 0) {
                    where += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                }
            }
            return j.getOriginalMessage() + where;
        }
        return e.toString();
    }
}
