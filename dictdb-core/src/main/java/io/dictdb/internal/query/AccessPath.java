package io.dictdb.internal.query;

import io.dictdb.Condition;
import io.dictdb.Row;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.index.BTree;
import io.dictdb.internal.index.RowVisitor;
import io.dictdb.internal.value.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A way to reach the candidate rows of a query, chosen by the {@link Planner}. Every access path delivers rows in
 * ascending primary-key order (so results without ORDER BY never depend on the plan) and may deliver rows that do
 * not match: the caller always re-checks the whole condition.
 */
abstract class AccessPath {
    /**
     * The condition node this path answers exactly (every row it delivers matches it), or null. Set by the
     * {@link Planner}; lets the caller skip re-checking that node, which saves touching each row's contents.
     */
    private Condition answers;

    Condition answers() {
        return answers;
    }

    AccessPath answering(Condition condition) {
        this.answers = condition;
        return this;
    }

    /** Receives candidate rows; returns false to stop. */
    @FunctionalInterface
    interface RowSink extends RowVisitor {
    }

    /**
     * An upper bound of the number of candidates (exact for most paths).
     *
     * @return the estimated candidate count
     */
    abstract long estimate();

    /**
     * Delivers the candidates in primary-key order.
     *
     * @param sink the receiver
     * @return false when the sink stopped early
     */
    abstract boolean forEach(RowSink sink);

    /** A short description, for tests and logs. */
    abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    // ------------------------------------------------------------------ implementations

    /** Every row of the table. */
    static final class FullScan extends AccessPath {
        private final TableState table;

        FullScan(TableState table) {
            this.table = table;
        }

        @Override
        long estimate() {
            return table.size();
        }

        @Override
        boolean forEach(RowSink sink) {
            return table.rows().forEachValue(sink);
        }

        @Override
        String describe() {
            return "FullScan";
        }
    }

    /** No row can match. */
    static final class Nothing extends AccessPath {
        @Override
        long estimate() {
            return 0;
        }

        @Override
        boolean forEach(RowSink sink) {
            return true;
        }

        @Override
        String describe() {
            return "Nothing";
        }
    }

    /** Direct primary-key lookups. */
    static final class KeyLookup extends AccessPath {
        private final TableState table;
        private final Object[] keys;

        /** @param keys distinct normalised keys, sorted */
        KeyLookup(TableState table, Object[] keys) {
            this.table = table;
            this.keys = keys;
        }

        static KeyLookup of(TableState table, List<Object> keys) {
            List<Object> usable = new ArrayList<>(keys.size());
            for (Object k : keys) {
                if (k != null && !(k instanceof List) && !(k instanceof java.util.Map)) {
                    usable.add(k);
                }
            }
            Object[] sorted = usable.toArray();
            Arrays.sort(sorted, Values::compare);
            int n = 0;
            for (Object k : sorted) {
                if (n == 0 || Values.compare(sorted[n - 1], k) != 0) {
                    sorted[n++] = k;
                }
            }
            return new KeyLookup(table, Arrays.copyOf(sorted, n));
        }

        @Override
        long estimate() {
            return keys.length;
        }

        @Override
        boolean forEach(RowSink sink) {
            for (Object key : keys) {
                Row row = table.get(key);
                if (row != null && !sink.visit(row)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        String describe() {
            return "KeyLookup(" + keys.length + ")";
        }
    }

    /**
     * The rows of some postings of one index (equality, IN, range or prefix), merged into key order. Postings of
     * one index are disjoint: a row has one value per field.
     */
    static final class Postings extends AccessPath {
        private static final int HEAP_MERGE_LIMIT = 16;
        private final String description;
        private final List<BTree> postings;
        private final long total;

        Postings(String description, List<BTree> postings) {
            this.description = description;
            this.postings = postings;
            long sum = 0;
            for (BTree p : postings) {
                sum += p.size();
            }
            this.total = sum;
        }

        @Override
        long estimate() {
            return total;
        }

        @Override
        boolean forEach(RowSink sink) {
            if (postings.isEmpty()) {
                return true;
            }
            if (postings.size() == 1) {
                return postings.get(0).forEachRow(sink);
            }
            if (postings.size() <= HEAP_MERGE_LIMIT) {
                return heapMerge(sink);
            }
            return sortMerge(sink);
        }

        /** Merges by picking the smallest current key among the cursors (k is small, so a scan beats a heap). */
        private boolean heapMerge(RowSink sink) {
            BTree.Cursor[] cursors = new BTree.Cursor[postings.size()];
            int live = 0;
            for (BTree p : postings) {
                BTree.Cursor c = p.cursor();
                if (c.next()) {
                    cursors[live++] = c;
                }
            }
            while (live > 0) {
                int best = 0;
                Object bestKey = cursors[0].key();
                for (int i = 1; i < live; i++) {
                    Object key = cursors[i].key();
                    if (Values.compare(key, bestKey) < 0) {
                        best = i;
                        bestKey = key;
                    }
                }
                BTree.Cursor c = cursors[best];
                if (!sink.visit(c.row())) {
                    return false;
                }
                if (!c.next()) {
                    cursors[best] = cursors[--live];
                    cursors[live] = null;
                }
            }
            return true;
        }

        private boolean sortMerge(RowSink sink) {
            Object[][] entries = new Object[(int) total][];
            int[] n = {0};
            for (BTree p : postings) {
                p.forEach((key, row) -> {
                    entries[n[0]++] = new Object[]{key, row};
                    return true;
                });
            }
            Arrays.sort(entries, 0, n[0], Comparator.comparing((Object[] e) -> e[0], Values::compare));
            for (int i = 0; i < n[0]; i++) {
                if (!sink.visit((Row) entries[i][1])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        String describe() {
            return description;
        }
    }

    /** The union of several paths (an OR whose every branch is indexable), deduplicated, in key order. */
    static final class Union extends AccessPath {
        private final String primaryKey;
        private final List<AccessPath> branches;

        Union(String primaryKey, List<AccessPath> branches) {
            this.primaryKey = primaryKey;
            this.branches = branches;
        }

        @Override
        long estimate() {
            long sum = 0;
            for (AccessPath b : branches) {
                sum += b.estimate();
            }
            return sum;
        }

        @Override
        boolean forEach(RowSink sink) {
            List<Row> merged = new ArrayList<>();
            for (AccessPath branch : branches) {
                List<Row> rows = new ArrayList<>();
                branch.forEach(rows::add);
                merged = mergeDistinct(merged, rows);
            }
            for (Row row : merged) {
                if (!sink.visit(row)) {
                    return false;
                }
            }
            return true;
        }

        private List<Row> mergeDistinct(List<Row> a, List<Row> b) {
            List<Row> out = new ArrayList<>(a.size() + b.size());
            int i = 0;
            int j = 0;
            while (i < a.size() && j < b.size()) {
                int c = Values.compare(a.get(i).get(primaryKey), b.get(j).get(primaryKey));
                if (c < 0) {
                    out.add(a.get(i++));
                } else if (c > 0) {
                    out.add(b.get(j++));
                } else {
                    out.add(a.get(i++));
                    j++;
                }
            }
            out.addAll(a.subList(i, a.size()));
            out.addAll(b.subList(j, b.size()));
            return out;
        }

        @Override
        String describe() {
            return "Union" + branches;
        }
    }
}
