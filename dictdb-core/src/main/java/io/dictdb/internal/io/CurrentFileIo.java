package io.dictdb.internal.io;

import java.util.Objects;

/**
 * The {@link FileIo} every save, load, CSV import and export uses: {@link NioFileIo} unless a test replaced it,
 * as SQLite lets a test register its own file layer. Replacing it affects the whole process, so only tests do it,
 * and they put the previous one back.
 */
public final class CurrentFileIo {
    private static volatile FileIo current = NioFileIo.INSTANCE;

    private CurrentFileIo() {
    }

    /** @return the file layer in use */
    public static FileIo get() {
        return current;
    }

    /**
     * Replaces the file layer.
     *
     * @param io the new file layer
     * @return the previous one, to put back afterwards
     */
    public static FileIo replace(FileIo io) {
        FileIo previous = current;
        current = Objects.requireNonNull(io, "io");
        return previous;
    }
}
