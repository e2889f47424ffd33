package io.dictdb;

/**
 * Thrown when a transaction could not commit after its retries were exhausted. The single-writer engine never throws it; it exists so that code written today keeps compiling against future concurrent engines.
 */
public class TransactionConflictException extends DictDBException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its message.
     *
     * @param message what went wrong, naming the table, key, field or file concerned
     */
    public TransactionConflictException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its message and cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public TransactionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
