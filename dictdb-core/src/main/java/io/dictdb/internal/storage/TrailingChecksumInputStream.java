package io.dictdb.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Passes a file's bytes through unchanged while computing the CRC32C of all of them but the last
 * {@code trailerLength}, which it keeps aside: once the stream is read to its end, {@link #bodyChecksum()} and
 * {@link #tail()} are what a checksum trailer is verified with, without knowing the file's length in advance.
 *
 * <p>Failures of the underlying stream are rethrown as {@link SourceReadException}, so that a parser reading
 * through this stream cannot mistake them for malformed content.
 */
final class TrailingChecksumInputStream extends InputStream {
    private final InputStream in;
    private final CRC32C crc = new CRC32C();
    private final byte[] tail;
    private final byte[] one = new byte[1];
    private int tailLength;
    private long total;
    private boolean ended;

    /**
     * Wraps a stream.
     *
     * @param in            the file's bytes
     * @param trailerLength how many final bytes are kept out of the checksum
     */
    TrailingChecksumInputStream(InputStream in, int trailerLength) {
        this.in = Objects.requireNonNull(in, "in");
        this.tail = new byte[trailerLength];
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            throw new SourceReadException(e);
        }
        if (n < 0) {
            ended = true;
            return -1;
        }
        account(b, off, n);
        return n;
    }

    /** Adds bytes: those that are now more than the trailer's length from the end go into the checksum. */
    private void account(byte[] b, int off, int n) {
        total += n;
        int keep = tail.length;
        int overflow = tailLength + n - keep;
        if (overflow <= 0) {
            System.arraycopy(b, off, tail, tailLength, n);
            tailLength += n;
            return;
        }
        int fromTail = Math.min(overflow, tailLength);
        crc.update(tail, 0, fromTail);
        int fromNew = overflow - fromTail;
        crc.update(b, off, fromNew);
        int keptOld = tailLength - fromTail;
        System.arraycopy(tail, fromTail, tail, 0, keptOld);
        System.arraycopy(b, off + fromNew, tail, keptOld, n - fromNew);
        tailLength = keptOld + n - fromNew;
    }

    /**
     * Reads whatever is left, so that the checksum covers the whole file.
     *
     * @throws IOException when the file cannot be read
     */
    void drain() throws IOException {
        byte[] buffer = new byte[1 << 14];
        while (read(buffer, 0, buffer.length) >= 0) {
            // keep reading
        }
    }

    /** @return whether the end of the file was reached */
    boolean ended() {
        return ended;
    }

    /** @return how many bytes were read */
    long length() {
        return total;
    }

    /** @return the CRC32C of every byte read except the kept tail */
    int bodyChecksum() {
        return (int) crc.getValue();
    }

    /** @return the last bytes read (fewer than the trailer's length when the file is shorter) */
    byte[] tail() {
        byte[] copy = new byte[tailLength];
        System.arraycopy(tail, 0, copy, 0, tailLength);
        return copy;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
