package io.dictdb;

/**
 * Thrown by {@code update} and {@code delete} when no record matches their condition.
 */
public class RecordNotFoundException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what went wrong, naming the table, key, field or file concerned
     */
    public RecordNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public RecordNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
