package io.dictdb.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A buffered {@link OutputStream} over a {@link WritableFile}: bytes are handed to the file in chunks of the
 * buffer's size (each chunk is one {@link WritableFile#write} call). {@link #flush()} hands over what is buffered;
 * {@link #close()} flushes but does not close the file, whose owner still has to force and close it.
 */
public final class WritableFileOutputStream extends OutputStream {
    private final WritableFile file;
    private final byte[] buffer;
    private int count;

    /**
     * Creates the stream.
     *
     * @param file       the file to write to
     * @param bufferSize the chunk size in bytes
     */
    public WritableFileOutputStream(WritableFile file, int bufferSize) {
        this.file = Objects.requireNonNull(file, "file");
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length >= buffer.length) {
            drain();
            file.write(bytes, offset, length);
            return;
        }
        if (length > buffer.length - count) {
            drain();
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    private void drain() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0;
            file.write(buffer, 0, n);
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
    }

    @Override
    public void close() throws IOException {
        drain();
    }
}
