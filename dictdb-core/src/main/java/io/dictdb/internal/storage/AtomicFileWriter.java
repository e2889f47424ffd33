package io.dictdb.internal.storage;

import io.dictdb.internal.io.FileIo;
import io.dictdb.internal.io.WritableFile;
import io.dictdb.internal.io.WritableFileOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Replaces a file atomically: the content goes to a new temporary file in the target's directory, which is
 * forced to the device, closed, renamed over the target, and then the directory is forced.
 *
 * <p>Invariants: until the rename, the target is untouched, so any failure before it (while writing, forcing or
 * renaming) leaves the previous file exactly as it was, and the temporary file is deleted. The rename is the
 * single point where the target changes, and it is atomic. A failure after it (forcing the directory) is still
 * reported, but the target then already holds the complete new content: only its durability across a power
 * loss is in doubt. Concurrent replacements of one target each use their own temporary file; the last rename
 * wins and the target is always one complete version.
 */
public final class AtomicFileWriter {
    private static final int CHUNK = 1 << 16;
    private static final int MAX_STEM = 100;

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content.
         *
         * @param out the stream of the temporary file (buffered; do not close)
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /**
     * Replaces a file with new content.
     *
     * @param io      the file layer
     * @param target  the file to replace (created when missing)
     * @param content writes the new content
     * @throws UncheckedIOException when any step fails (the cause is the original {@link IOException}); the target
     *                              is then unchanged unless only the final directory force failed
     */
    public static void replace(FileIo io, Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path name = absolute.getFileName();
        if (directory == null || name == null) {
            throw new IllegalArgumentException("Not a file path: " + target);
        }
        try {
            write(io, directory, name.toString(), absolute, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write '" + target + "': " + e.getMessage(), e);
        }
    }

    private static void write(FileIo io, Path directory, String name, Path target, Content content)
            throws IOException {
        // The temporary name starts with the target's (shortened, to stay within file-name limits).
        String stem = name.length() > MAX_STEM ? name.substring(0, MAX_STEM) : name;
        WritableFile temp = io.createTemp(directory, "." + stem + ".", ".tmp");
        boolean renamed = false;
        try {
            OutputStream out = new WritableFileOutputStream(temp, CHUNK);
            content.writeTo(out);
            out.flush();
            temp.force();
            temp.close();
            io.rename(temp.path(), target);
            renamed = true;
            io.forceDirectory(directory);
        } catch (IOException | RuntimeException | Error e) {
            if (!renamed) {
                discard(io, temp, e);
            }
            throw e;
        }
    }

    private static void discard(FileIo io, WritableFile temp, Throwable failure) {
        try {
            temp.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            io.deleteIfExists(temp.path());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
