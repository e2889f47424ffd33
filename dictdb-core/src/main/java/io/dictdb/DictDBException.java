package io.dictdb;

/**
 * Base class of every exception thrown by DictDB. All DictDB exceptions are unchecked.
 */
public class DictDBException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what went wrong, naming the table, key, field or file concerned
     */
    public DictDBException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public DictDBException(String message, Throwable cause) {
        super(message, cause);
    }
}
