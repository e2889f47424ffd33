package io.dictdb.internal.query;

import io.dictdb.Condition;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Select;
import io.dictdb.internal.engine.OperationListeners;
import io.dictdb.internal.engine.OperationLog;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.index.BTree;
import io.dictdb.internal.index.SecondaryIndex;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.RowShape;
import io.dictdb.internal.value.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@link Select} builder and its execution. The pipeline runs on one table snapshot, in the reference's
 * order: filter (through the planner's access path, re-checking the whole condition), order (an index walk when
 * ORDER BY ... LIMIT can stop early on a SORTED index, a bounded heap for other LIMITs, else a stable sort),
 * offset/limit, projection, distinct.
 */
final class SelectQuery implements Select {
    private static final RowAccess.Operations ROWS = RowAccess.get();

    private final Supplier<TableState> source;
    /** Told about each execution ({@code select}), or null for the engine's internal queries. */
    private final OperationListeners operations;
    private final String tableName;
    private String[] aliases;
    private String[] fields;
    private Condition where;
    private RowOrder order = RowOrder.parse();
    private int limit = -1;
    private int offset;
    private boolean distinct;
    private boolean copy = true;

    /** An internal query, not reported to operation listeners. */
    SelectQuery(Supplier<TableState> source) {
        this(source, null, null);
    }

    /** A user's query, each execution reported to {@code operations} as a {@code select} of {@code tableName}. */
    SelectQuery(Supplier<TableState> source, OperationListeners operations, String tableName) {
        this.source = source;
        this.operations = operations;
        this.tableName = tableName;
    }

    @Override
    public Select columns(String... columns) {
        Objects.requireNonNull(columns, "columns");
        Map<String, String> map = new LinkedHashMap<>();
        for (String c : columns) {
            if (c == null || c.isEmpty()) {
                throw new IllegalArgumentException("Column names must not be null or empty.");
            }
            if (map.put(c, c) != null) {
                throw new IllegalArgumentException("Column '" + c + "' is projected twice.");
            }
        }
        return columns(map);
    }

    @Override
    public Select columns(Map<String, String> aliasToField) {
        Objects.requireNonNull(aliasToField, "aliases");
        String[] a = new String[aliasToField.size()];
        String[] f = new String[a.length];
        int i = 0;
        for (Map.Entry<String, String> e : aliasToField.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("Column aliases and fields must not be null or empty.");
            }
            a[i] = e.getKey();
            f[i] = e.getValue();
            i++;
        }
        this.aliases = a;
        this.fields = f;
        return this;
    }

    @Override
    public Select where(Condition where) {
        this.where = where;
        return this;
    }

    @Override
    public Select orderBy(String... fields) {
        this.order = RowOrder.parse(Objects.requireNonNull(fields, "fields"));
        return this;
    }

    @Override
    public Select limit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit + ".");
        }
        this.limit = limit;
        return this;
    }

    @Override
    public Select offset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset + ".");
        }
        this.offset = offset;
        return this;
    }

    @Override
    public Select distinct() {
        this.distinct = true;
        return this;
    }

    @Override
    public Select copy(boolean copy) {
        this.copy = copy;
        return this;
    }

    @Override
    public List<Row> list() {
        return run(limit);
    }

    @Override
    public Optional<Row> first() {
        List<Row> rows = run(limit < 0 ? 1 : Math.min(limit, 1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public long count() {
        // Without copies, projection returns the stored rows as they are: as cheap as counting them directly.
        boolean savedCopy = copy;
        copy = false;
        try {
            return run(limit).size();
        } finally {
            copy = savedCopy;
        }
    }

    @Override
    public Stream<Row> stream() {
        return list().stream();
    }

    private List<Row> run(int effectiveLimit) {
        long timed = operations == null ? OperationListeners.NOT_TIMED : operations.start();
        try {
            List<Row> result = execute(effectiveLimit);
            if (timed != OperationListeners.NOT_TIMED) {
                operations.succeeded(timed, tableName, "select", result.size());
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (timed != OperationListeners.NOT_TIMED) {
                operations.failed(timed, tableName, "select");
            }
            throw e;
        }
    }

    private List<Row> execute(int effectiveLimit) {
        long start = OperationLog.queriesEnabled() ? System.nanoTime() : 0;
        TableState table = source.get();
        List<Row> rows = project(storedRows(table, effectiveLimit));
        List<Row> result = distinct ? distinctRows(rows) : rows;
        if (start != 0) {
            OperationLog.query(table.name(), "select", result.size(), Planner.explain(table, where), start);
        }
        return result;
    }

    // ------------------------------------------------------------------ filter, order, slice

    /** The stored rows selected by filter, order, offset and limit. */
    List<Row> storedRows(TableState table, int effectiveLimit) {
        if (effectiveLimit == 0) {
            return new ArrayList<>();
        }
        long needed = effectiveLimit < 0 ? Long.MAX_VALUE : (long) offset + effectiveLimit;
        List<Row> rows;
        if (order.isEmpty()) {
            rows = filtered(table, needed);
        } else if (effectiveLimit >= 0) {
            rows = orderedByIndex(table, needed);
            if (rows == null) {
                rows = topK(filtered(table, Long.MAX_VALUE), (int) Math.min(needed, Integer.MAX_VALUE));
            }
        } else {
            rows = filtered(table, Long.MAX_VALUE);
            rows.sort(order);
        }
        return slice(rows, effectiveLimit);
    }

    private List<Row> filtered(TableState table, long needed) {
        AccessPath path = Planner.plan(table, where);
        Condition filter = Planner.residual(path, where);
        // An exact path knows how many rows it delivers; otherwise start small rather than zero a huge array.
        long expected = filter == null ? path.estimate() : 256;
        List<Row> out = new ArrayList<>((int) Math.min(Math.min(needed, expected), 1 << 20));
        path.forEach(row -> {
            if (filter == null || filter.test(row)) {
                out.add(row);
                return out.size() < needed;
            }
            return true;
        });
        return out;
    }

    private List<Row> slice(List<Row> rows, int effectiveLimit) {
        int from = Math.min(offset, rows.size());
        int to = effectiveLimit < 0 ? rows.size() : (int) Math.min(rows.size(), (long) from + effectiveLimit);
        if (from == 0 && to == rows.size()) {
            return rows;
        }
        return new ArrayList<>(rows.subList(from, to));
    }

    /**
     * ORDER BY f LIMIT n on a SORTED index of f: walks the index in order and stops once enough rows match.
     * Chosen when walking should read fewer rows than the best filter path would deliver. Returns null when not
     * applicable.
     */
    private List<Row> orderedByIndex(TableState table, long needed) {
        SecondaryIndex index = table.index(order.firstField());
        if (index == null || index.type() != IndexType.SORTED) {
            return null;
        }
        long candidates = Math.max(1, Planner.plan(table, where).estimate());
        double walkCost = (double) needed * table.size() / candidates;
        if (where != null && walkCost >= candidates) {
            return null;
        }
        List<Row> out = new ArrayList<>();
        RowOrder tail = order.tail();
        Condition filter = where;
        BTree.Visitor perValue = (value, posting) -> {
            int start = out.size();
            ((BTree) posting).forEachRow(row -> {
                if (filter == null || filter.test(row)) {
                    out.add(row);
                }
                return true;
            });
            if (!tail.isEmpty() && out.size() - start > 1) {
                out.subList(start, out.size()).sort(tail);
            }
            return out.size() < needed;
        };
        if (order.firstDescending()) {
            index.postings().forEachDescending(perValue);
        } else {
            index.postings().forEach(perValue);
        }
        return out;
    }

    /** The first {@code k} rows in ORDER BY order, ties in arrival (primary-key) order. */
    private List<Row> topK(List<Row> rows, int k) {
        if (k >= rows.size() / 2) {
            rows.sort(order);
            return rows;
        }
        Comparator<Ranked> ranked = (a, b) -> {
            int c = order.compare(a.row, b.row);
            return c != 0 ? c : Integer.compare(a.seq, b.seq);
        };
        PriorityQueue<Ranked> heap = new PriorityQueue<>(k + 1, ranked.reversed());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (heap.size() < k) {
                heap.add(new Ranked(row, i));
            } else if (order.compare(row, heap.peek().row) < 0) {
                // A tie with the heap's last row never enters: this row arrived later, so it ranks after it.
                heap.poll();
                heap.add(new Ranked(row, i));
            }
        }
        List<Ranked> best = new ArrayList<>(heap);
        best.sort(ranked);
        List<Row> out = new ArrayList<>(best.size());
        for (Ranked r : best) {
            out.add(r.row);
        }
        return out;
    }

    private static final class Ranked {
        final Row row;
        final int seq;

        Ranked(Row row, int seq) {
            this.row = row;
            this.seq = seq;
        }
    }

    // ------------------------------------------------------------------ projection, copy, distinct

    private List<Row> project(List<Row> stored) {
        if (fields == null) {
            if (!copy) {
                return stored;
            }
            List<Row> out = new ArrayList<>(stored.size());
            for (Row row : stored) {
                out.add(row.mutableCopy());
            }
            return out;
        }
        List<Row> out = new ArrayList<>(stored.size());
        RowShape shape = RowShape.of(aliases, null);
        for (Row row : stored) {
            Object[] values = new Object[aliases.length];
            for (int i = 0; i < aliases.length; i++) {
                values[i] = copy ? Values.mutableCopy(row.get(fields[i])) : row.get(fields[i]);
            }
            out.add(copy ? ROWS.mutable(shape, values) : ROWS.frozen(shape, values));
        }
        return out;
    }

    private static List<Row> distinctRows(List<Row> rows) {
        Set<RowKey> seen = new HashSet<>();
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            if (seen.add(new RowKey(row))) {
                out.add(row);
            }
        }
        return out;
    }

    /** A row compared by field names and values (by value), whatever the field order. */
    private static final class RowKey {
        private final Row row;
        private final int hash;

        RowKey(Row row) {
            this.row = row;
            int h = 0;
            for (Map.Entry<String, Object> e : row.entrySet()) {
                h += e.getKey().hashCode() ^ Values.hash(e.getValue());
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof RowKey)) {
                return false;
            }
            Row o = ((RowKey) other).row;
            if (o.size() != row.size()) {
                return false;
            }
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (!o.containsKey(e.getKey())) {
                    return false;
                }
                Object a = e.getValue();
                Object b = o.get(e.getKey());
                if (a == null ? b != null : b == null || !Values.equal(a, b)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
