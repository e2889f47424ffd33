package io.dictdb;

/** File formats for saving and loading a database. */
public enum FileFormat {
    /** Human-readable JSON, layout compatible with the Python DictDB. */
    JSON,
    /** Compact binary CBOR (RFC 8949) holding the same model as {@link #JSON}. */
    CBOR
}
