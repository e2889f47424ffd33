package io.dictdb.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The file operations DictDB's storage layer performs, and nothing else: create a temporary file, write and
 * force it, rename it over a target, force a directory, read a file, delete a file.
 *
 * <p>Every file DictDB writes goes through this seam, so that tests can replace it with a
 * {@link FaultInjectingFileIo} that fails any chosen operation. {@link NioFileIo} is the real implementation;
 * {@link CurrentFileIo} holds the one in use.
 *
 * <p>Implementations must be thread-safe: several saves may run at once.
 */
public interface FileIo {

    /**
     * Creates a new, empty file with a unique name in a directory and opens it for writing.
     *
     * @param directory the directory (the target's directory, so that a rename stays on one file system)
     * @param prefix    the start of the file name
     * @param suffix    the end of the file name
     * @return the open file
     * @throws IOException when the file cannot be created
     */
    WritableFile createTemp(Path directory, String prefix, String suffix) throws IOException;

    /**
     * Renames a file over a target atomically: a reader sees either the old target or the new one, never a mix.
     *
     * @param source the file to rename
     * @param target the name it takes (replaced when it exists)
     * @throws IOException when the rename fails (the target is then unchanged)
     */
    void rename(Path source, Path target) throws IOException;

    /**
     * Makes a directory's entries (such as a rename just done in it) durable, where the platform allows it.
     *
     * @param directory the directory
     * @throws IOException when the directory cannot be forced
     */
    void forceDirectory(Path directory) throws IOException;

    /**
     * Opens a file for reading.
     *
     * @param file the file
     * @return a stream over its bytes, which the caller closes
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws IOException                        when it cannot be opened
     */
    InputStream openRead(Path file) throws IOException;

    /**
     * Deletes a file when it exists.
     *
     * @param file the file
     * @throws IOException when it exists and cannot be deleted
     */
    void deleteIfExists(Path file) throws IOException;
}
