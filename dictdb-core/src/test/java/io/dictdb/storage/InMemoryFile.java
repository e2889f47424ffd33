package io.dictdb.storage;

import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.io.FileIo;
import io.dictdb.internal.io.ForwardingFileIo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file layer for tests that load thousands of variants of a file: reading one chosen path returns bytes held
 * in memory (so no disk write is needed per variant); every other operation goes to the real file layer.
 * {@link #install()} makes it the current file layer until {@link #close()}.
 */
final class InMemoryFile extends ForwardingFileIo implements AutoCloseable {
    private final Path path;
    private volatile byte[] content = new byte[0];
    private FileIo previous;

    InMemoryFile(Path path) {
        this.path = path;
    }

    InMemoryFile install() {
        previous = CurrentFileIo.replace(this);
        return this;
    }

    /** The path whose reads are served from memory. */
    Path path() {
        return path;
    }

    /** Sets the bytes that reading the path returns. */
    void set(byte[] bytes) {
        content = bytes;
    }

    @Override
    public InputStream openRead(Path file) throws IOException {
        return file.equals(path) ? new ByteArrayInputStream(content) : REAL.openRead(file);
    }

    @Override
    public void close() {
        CurrentFileIo.replace(previous == null ? REAL : previous);
    }
}
