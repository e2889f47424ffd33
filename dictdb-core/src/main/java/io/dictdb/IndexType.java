package io.dictdb;

/** The kinds of secondary index a table field can carry. */
public enum IndexType {
    /** Equality and {@code isIn} lookups. */
    HASH,
    /**
     * Equality, ranges ({@code lt/lte/gt/gte/between}), prefix {@code like}/{@code startsWith}, and
     * {@code ORDER BY ... LIMIT} walks on the indexed field.
     */
    SORTED
}
