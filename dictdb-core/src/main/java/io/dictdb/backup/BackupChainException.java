package io.dictdb.backup;

import io.dictdb.DictDBException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown by {@link Backups#restore(Path)} when the backups of a directory do not form an unbroken chain: no full
 * backup to start from, or a delta that does not follow the file before it (a delta missing in between, a delta of
 * another chain, or one that cannot be proven to follow). Nothing is restored when it is thrown.
 */
public class BackupChainException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /** The file where the chain breaks, or {@code null}. */
    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file    the file where the chain breaks (or the directory when no file is to blame)
     * @param message what is wrong
     */
    public BackupChainException(Path file, String message) {
        super(message);
        this.file = file;
    }

    /**
     * The file where the chain breaks.
     *
     * @return the file, when known
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
