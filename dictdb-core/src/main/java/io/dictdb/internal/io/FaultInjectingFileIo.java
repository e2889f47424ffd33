package io.dictdb.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link FileIo} for fault tests: it forwards every operation to another file layer, counts the operations of
 * each {@link Operation kind}, and makes the N-th operation of a chosen kind fail with an {@link IOException}.
 * A failing write first writes half of its bytes, as a torn write would.
 *
 * <p>Typical use: run an operation once with no fault to count its writes, forces and renames, then once per N
 * with the N-th of each kind failing, and check what is left on disk and in memory.
 *
 * <p>Thread-safe (counters are updated under the instance's lock).
 */
public final class FaultInjectingFileIo implements FileIo {

    /** The kinds of operation that are counted and can be made to fail. */
    public enum Operation {
        /** {@link FileIo#createTemp}. */
        CREATE,
        /** {@link WritableFile#write}. */
        WRITE,
        /** {@link WritableFile#force}. */
        FORCE,
        /** {@link FileIo#rename}. */
        RENAME,
        /** {@link FileIo#forceDirectory}. */
        FORCE_DIRECTORY,
        /** {@link FileIo#openRead}. */
        OPEN_READ,
        /** {@link FileIo#deleteIfExists}. */
        DELETE
    }

    private final FileIo delegate;
    private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
    private Operation failingKind;
    private int failingOrdinal;

    /**
     * Creates a file layer that forwards to another one and injects no fault yet.
     *
     * @param delegate the file layer doing the real work
     */
    public FaultInjectingFileIo(FileIo delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        for (Operation op : Operation.values()) {
            counts.put(op, 0);
        }
    }

    /**
     * Makes the N-th operation of a kind (counted from now on, from 1) fail; replaces any earlier fault and resets
     * the counters.
     *
     * @param kind    the kind of operation
     * @param ordinal which one fails, from 1
     * @return this file layer
     */
    public synchronized FaultInjectingFileIo failOn(Operation kind, int ordinal) {
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal must be at least 1, got " + ordinal);
        }
        reset();
        this.failingKind = Objects.requireNonNull(kind, "kind");
        this.failingOrdinal = ordinal;
        return this;
    }

    /**
     * Removes the fault and resets the counters.
     *
     * @return this file layer
     */
    public synchronized FaultInjectingFileIo reset() {
        counts.replaceAll((op, n) -> 0);
        failingKind = null;
        failingOrdinal = 0;
        return this;
    }

    /**
     * How many operations of a kind were attempted since the last reset (the failing one included).
     *
     * @param kind the kind of operation
     * @return the count
     */
    public synchronized int count(Operation kind) {
        return counts.get(kind);
    }

    /** Counts one operation; true when it is the one to fail. */
    private synchronized boolean attempt(Operation kind) {
        int n = counts.merge(kind, 1, Integer::sum);
        return kind == failingKind && n == failingOrdinal;
    }

    private void check(Operation kind, Object subject) throws IOException {
        if (attempt(kind)) {
            throw fault(kind, subject);
        }
    }

    private IOException fault(Operation kind, Object subject) {
        return new IOException("Injected fault: " + kind + " #" + failingOrdinal + " on " + subject);
    }

    @Override
    public WritableFile createTemp(Path directory, String prefix, String suffix) throws IOException {
        check(Operation.CREATE, directory);
        WritableFile file = delegate.createTemp(directory, prefix, suffix);
        return new FaultyFile(file);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        check(Operation.RENAME, source);
        delegate.rename(source, target);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        check(Operation.FORCE_DIRECTORY, directory);
        delegate.forceDirectory(directory);
    }

    @Override
    public InputStream openRead(Path file) throws IOException {
        check(Operation.OPEN_READ, file);
        return delegate.openRead(file);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        check(Operation.DELETE, file);
        delegate.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return "FaultInjectingFileIo" + counts;
    }

    /** A written file whose writes and forces are counted and may fail. */
    private final class FaultyFile implements WritableFile {
        private final WritableFile file;

        FaultyFile(WritableFile file) {
            this.file = file;
        }

        @Override
        public Path path() {
            return file.path();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (attempt(Operation.WRITE)) {
                file.write(bytes, offset, length / 2);
                throw fault(Operation.WRITE, file.path());
            }
            file.write(bytes, offset, length);
        }

        @Override
        public void force() throws IOException {
            check(Operation.FORCE, file.path());
            file.force();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
