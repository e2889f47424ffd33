package io.dictdb.storage;

import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.io.FileIo;
import io.dictdb.internal.io.NioFileIo;
import io.dictdb.internal.io.WritableFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file layer for tests that load thousands of variants of a file: reading one chosen path returns bytes held
 * in memory (so no disk write is needed per variant); every other operation goes to the real file layer.
 * {@link #install()} makes it the current file layer until {@link #close()}.
 */
final class InMemoryFile implements FileIo, AutoCloseable {
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
        return file.equals(path) ? new ByteArrayInputStream(content) : NioFileIo.INSTANCE.openRead(file);
    }

    @Override
    public WritableFile createTemp(Path directory, String prefix, String suffix) throws IOException {
        return NioFileIo.INSTANCE.createTemp(directory, prefix, suffix);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        NioFileIo.INSTANCE.rename(source, target);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        NioFileIo.INSTANCE.forceDirectory(directory);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        NioFileIo.INSTANCE.deleteIfExists(file);
    }

    @Override
    public void close() {
        CurrentFileIo.replace(previous == null ? NioFileIo.INSTANCE : previous);
    }
}
