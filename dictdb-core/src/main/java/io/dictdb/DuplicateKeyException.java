package io.dictdb;

/**
 * Thrown when a record's primary key already exists in its table (insert, or upsert with {@link OnConflict#ERROR}).
 */
public class DuplicateKeyException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what went wrong, naming the table, key, field or file concerned
     */
    public DuplicateKeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
