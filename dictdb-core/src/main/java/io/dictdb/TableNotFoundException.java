package io.dictdb;

/**
 * Thrown when a table name does not exist in the database.
 */
public class TableNotFoundException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what went wrong, naming the table, key, field or file concerned
     */
    public TableNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public TableNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
