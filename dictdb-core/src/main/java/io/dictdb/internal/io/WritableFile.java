package io.dictdb.internal.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** A file open for writing through a {@link FileIo}. Not thread-safe: one writer uses it. */
public interface WritableFile extends Closeable {

    /** @return the file's path */
    Path path();

    /**
     * Appends bytes to the file.
     *
     * @param bytes  the source array
     * @param offset the first byte to write
     * @param length how many bytes to write
     * @throws IOException when the write fails
     */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /**
     * Forces the file's content and metadata to the storage device.
     *
     * @throws IOException when the device reports a failure
     */
    void force() throws IOException;

    /**
     * Closes the file; idempotent.
     *
     * @throws IOException when closing fails
     */
    @Override
    void close() throws IOException;
}
