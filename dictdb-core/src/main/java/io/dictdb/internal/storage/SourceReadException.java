package io.dictdb.internal.storage;

import java.io.IOException;

/**
 * An {@link IOException} of the file being read (the device, not the content), carried through a parser so that
 * it is reported as an I/O failure rather than as a damaged file. Its cause is the original exception.
 */
final class SourceReadException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param cause the failure of the underlying stream
     */
    SourceReadException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /** @return the original exception */
    IOException original() {
        return (IOException) getCause();
    }
}
