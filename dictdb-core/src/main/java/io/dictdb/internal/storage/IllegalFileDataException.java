package io.dictdb.internal.storage;

/**
 * A file that parses but describes data breaking the database's rules (a duplicate key, a record failing its
 * schema, an unknown index type...). Turned into a {@code CorruptFileException} naming the file.
 */
final class IllegalFileDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which table and records break which rule
     * @param cause   the engine's exception
     */
    IllegalFileDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
