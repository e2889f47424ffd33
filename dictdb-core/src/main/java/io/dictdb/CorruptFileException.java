package io.dictdb;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown when a file cannot be loaded because its content is wrong: malformed, truncated, failing its checksum,
 * or describing data that breaks the database's rules. Loading never half-succeeds: when this is thrown, nothing
 * was loaded.
 */
public class CorruptFileException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /** The file, or {@code null} when not known. */
    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file    the damaged file
     * @param message what is wrong with it (the file name is prepended)
     */
    public CorruptFileException(Path file, String message) {
        super("File '" + file + "' is corrupt: " + message);
        this.file = file;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param file    the damaged file
     * @param message what is wrong with it (the file name is prepended)
     * @param cause   the underlying parse failure
     */
    public CorruptFileException(Path file, String message, Throwable cause) {
        super("File '" + file + "' is corrupt: " + message, cause);
        this.file = file;
    }

    /**
     * The damaged file.
     *
     * @return the file named by this exception, when known
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
