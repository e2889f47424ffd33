package io.dictdb;

/**
 * Thrown when a record breaks its table's schema or a value rule (missing field, wrong type, unknown field, unsupported value type, primary-key rule).
 */
public class SchemaValidationException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what went wrong, naming the table, key, field or file concerned
     */
    public SchemaValidationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public SchemaValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
