package io.dictdb;

/**
 * Thrown when a table is created (or imported) under a name that already exists.
 */
public class DuplicateTableException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what went wrong, naming the table, key, field or file concerned
     */
    public DuplicateTableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public DuplicateTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
