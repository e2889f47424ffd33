package io.dictdb.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file layer for tests that passes every operation to the real one ({@link NioFileIo}); a test overrides only
 * the operations it watches or changes.
 */
public abstract class ForwardingFileIo implements FileIo {
    /** The real file layer every operation goes to unless overridden. */
    protected static final FileIo REAL = NioFileIo.INSTANCE;

    @Override
    public WritableFile createTemp(Path directory, String prefix, String suffix) throws IOException {
        return REAL.createTemp(directory, prefix, suffix);
    }

    @Override
    public void rename(Path source, Path target) throws IOException {
        REAL.rename(source, target);
    }

    @Override
    public void forceDirectory(Path directory) throws IOException {
        REAL.forceDirectory(directory);
    }

    @Override
    public InputStream openRead(Path file) throws IOException {
        return REAL.openRead(file);
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        REAL.deleteIfExists(file);
    }
}
