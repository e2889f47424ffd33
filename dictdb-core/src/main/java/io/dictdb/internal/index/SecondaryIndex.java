package io.dictdb.internal.index;

import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.internal.value.Values;

import java.util.Map;
import java.util.TreeMap;

/**
 * A secondary index of one field: a {@link BTree} from each value of the field to its <em>posting</em>, itself a
 * {@link BTree} from primary key to row. Rows lacking the field are indexed under {@code null}, so equality on
 * null finds null and missing values alike.
 *
 * <p>Invariants: every row of the table appears in exactly one posting, under {@code row.get(field)}; postings
 * are never empty; postings hold the stored row objects, so reading through an index never needs a second
 * lookup by key. Both index types share this structure (values are kept in DictDB's total order); they differ
 * in which conditions the planner lets them serve. Immutable: every change returns a new index sharing
 * structure with the old one (see {@link BTree} for edit tokens).
 */
public final class SecondaryIndex {
    private final String field;
    private final IndexType type;
    private final BTree postings;
    private final int rowCount;

    private SecondaryIndex(String field, IndexType type, BTree postings, int rowCount) {
        this.field = field;
        this.type = type;
        this.postings = postings;
        this.rowCount = rowCount;
    }

    /**
     * Builds an index over existing rows.
     *
     * @param field the indexed field
     * @param type  the index type
     * @param rows  primary key to row
     * @param token an edit token owned by the caller
     * @return the index
     */
    public static SecondaryIndex build(String field, IndexType type, KeyMap rows, Object token) {
        // Rows arrive in key order, so each posting grows at its right end; grouping by value first saves one
        // descent of the postings tree per row.
        Map<Object, BTree[]> byValue = new TreeMap<>(Values::compare);
        rows.forEach((key, row) -> {
            BTree[] posting = byValue.computeIfAbsent(((Row) row).get(field), v -> new BTree[]{BTree.emptyOfRows()});
            posting[0] = posting[0].put(key, row, token);
            return true;
        });
        BTree postings = BTree.empty();
        for (Map.Entry<Object, BTree[]> entry : byValue.entrySet()) {
            postings = postings.put(entry.getKey(), entry.getValue()[0], token);
        }
        return new SecondaryIndex(field, type, postings, rows.size());
    }

    /**
     * The indexed field.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }

    /**
     * The index type.
     *
     * @return the type
     */
    public IndexType type() {
        return type;
    }

    /**
     * The postings by value (value to a BTree of primary key to row).
     *
     * @return the postings tree
     */
    public BTree postings() {
        return postings;
    }

    /**
     * The rows whose field equals a value.
     *
     * @param value a normalised value (null for null or missing)
     * @return primary key to row, or null when none
     */
    public BTree posting(Object value) {
        return (BTree) postings.get(value);
    }

    /**
     * The number of indexed rows (every row of the table).
     *
     * @return the row count
     */
    public int rowCount() {
        return rowCount;
    }

    /**
     * The number of distinct values.
     *
     * @return the distinct value count
     */
    public int distinctValues() {
        return postings.size();
    }

    /**
     * The index with a row added.
     *
     * @param key   the row's primary key
     * @param row   the row
     * @param token the edit token
     * @return the new index
     */
    public SecondaryIndex add(Object key, Row row, Object token) {
        Object value = row.get(field);
        BTree posting = (BTree) postings.get(value);
        BTree grown = (posting == null ? BTree.emptyOfRows() : posting).put(key, row, token);
        return new SecondaryIndex(field, type, postings.put(value, grown, token), rowCount + 1);
    }

    /**
     * The index with a row removed.
     *
     * @param key   the row's primary key
     * @param row   the row as indexed
     * @param token the edit token
     * @return the new index
     */
    public SecondaryIndex remove(Object key, Row row, Object token) {
        Object value = row.get(field);
        BTree posting = (BTree) postings.get(value);
        if (posting == null) {
            throw new IllegalStateException("Index on '" + field + "' has no posting for a stored row.");
        }
        BTree shrunk = posting.remove(key, token);
        BTree newPostings = shrunk.isEmpty() ? postings.remove(value, token) : postings.put(value, shrunk, token);
        return new SecondaryIndex(field, type, newPostings, rowCount - 1);
    }

    /**
     * The index with a row replaced by a new version of it (same key).
     *
     * @param key    the primary key
     * @param before the row as indexed
     * @param after  the new row
     * @param token  the edit token
     * @return the new index
     */
    public SecondaryIndex replace(Object key, Row before, Row after, Object token) {
        Object oldValue = before.get(field);
        Object newValue = after.get(field);
        if (Values.compare(oldValue, newValue) == 0) {
            BTree posting = (BTree) postings.get(oldValue);
            return new SecondaryIndex(field, type, postings.put(oldValue, posting.put(key, after, token), token),
                    rowCount);
        }
        return remove(key, before, token).add(key, after, token);
    }
}
