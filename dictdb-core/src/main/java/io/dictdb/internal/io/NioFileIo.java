package io.dictdb.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The real {@link FileIo}, on {@code java.nio}: file channels for writing and forcing, an atomic move for
 * renames, and a channel opened on the directory to force it (skipped on Windows, where directories cannot be
 * opened and renames are made durable by the file system itself).
 */
public final class NioFileIo implements FileIo {
    /** The one instance (the class has no state). */
    public static final NioFileIo INSTANCE = new NioFileIo();

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private NioFileIo() {
    }

    @Override
    public WritableFile createTemp(Path directory, String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(directory, prefix, suffix);
        try {
            return new ChannelFile(file, FileChannel.open(file, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public InputStream openRead(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return "NioFileIo";
    }

    /** A file channel opened for writing. */
    private static final class ChannelFile implements WritableFile {
        private final Path path;
        private final FileChannel channel;

        ChannelFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void force() throws IOException {
            channel.force(true);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
