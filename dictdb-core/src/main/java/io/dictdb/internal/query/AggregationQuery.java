package io.dictdb.internal.query;

import io.dictdb.Aggregate;
import io.dictdb.AggregateQuery;
import io.dictdb.Condition;
import io.dictdb.DictDBException;
import io.dictdb.Row;
import io.dictdb.internal.engine.OperationListeners;
import io.dictdb.internal.engine.OperationLog;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.value.RowAccess;
import io.dictdb.internal.value.Values;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link AggregateQuery} builder and its execution: the matching rows (through the planner, in primary-key
 * order) are grouped by the values of the group fields (equal by value) in order of first appearance, and each
 * group feeds one accumulator per aggregate.
 */
final class AggregationQuery implements AggregateQuery {
    private static final RowAccess.Operations ROWS = RowAccess.get();

    private final Supplier<TableState> source;
    private final OperationListeners operations;
    private final String tableName;
    private Condition where;
    private String[] groupBy = new String[0];
    private final Map<String, Aggregate> aggregates = new LinkedHashMap<>();

    /** An aggregation whose executions are reported to {@code operations} as {@code aggregate}s of a table. */
    AggregationQuery(Supplier<TableState> source, OperationListeners operations, String tableName) {
        this.source = source;
        this.operations = operations;
        this.tableName = tableName;
    }

    @Override
    public AggregateQuery where(Condition where) {
        this.where = where;
        return this;
    }

    @Override
    public AggregateQuery groupBy(String... fields) {
        Objects.requireNonNull(fields, "fields");
        for (String f : fields) {
            if (f == null || f.isEmpty()) {
                throw new IllegalArgumentException("groupBy field names must not be null or empty.");
            }
        }
        this.groupBy = fields.clone();
        return this;
    }

    @Override
    public AggregateQuery agg(String name, Aggregate aggregate) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Aggregate result names must not be null or empty.");
        }
        Objects.requireNonNull(aggregate, "aggregate");
        if (aggregates.containsKey(name)) {
            throw new IllegalArgumentException("Aggregate result name '" + name + "' is used twice.");
        }
        aggregates.put(name, aggregate);
        return this;
    }

    @Override
    public List<Row> list() {
        return run();
    }

    @Override
    public Row one() {
        if (groupBy.length > 0) {
            throw new IllegalStateException("one() needs an aggregation without groupBy; use list().");
        }
        return run().get(0);
    }

    private List<Row> run() {
        long start = operations.start();
        try {
            List<Row> rows = groupBy.length == 0 ? new ArrayList<>(List.of(single())) : grouped();
            operations.succeeded(start, tableName, "aggregate", rows.size());
            return rows;
        } catch (RuntimeException | Error e) {
            operations.failed(start, tableName, "aggregate");
            throw e;
        }
    }

    private List<Row> grouped() {
        Map<List<ValueKey>, Group> groups = new LinkedHashMap<>();
        forEachMatch(row -> {
            List<ValueKey> key = new ArrayList<>(groupBy.length);
            for (String f : groupBy) {
                key.add(new ValueKey(row.get(f)));
            }
            groups.computeIfAbsent(key, k -> new Group(row)).add(row);
        });
        List<Row> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            out.add(g.result());
        }
        return out;
    }

    private Row single() {
        Group all = new Group(null);
        forEachMatch(all::add);
        return all.result();
    }

    private void forEachMatch(java.util.function.Consumer<Row> action) {
        long start = OperationLog.queriesEnabled() ? System.nanoTime() : 0;
        TableState table = source.get();
        AccessPath path = Planner.plan(table, where);
        Condition filter = Planner.residual(path, where);
        int[] matched = {0};
        path.forEach(row -> {
            if (filter == null || filter.test(row)) {
                matched[0]++;
                action.accept(row);
            }
            return true;
        });
        if (start != 0) {
            OperationLog.query(table.name(), "aggregate", matched[0], path.describe(), start);
        }
    }

    /** The accumulators of one group. */
    private final class Group {
        private final Row first;
        private final Accumulator[] accumulators;

        Group(Row first) {
            this.first = first;
            this.accumulators = new Accumulator[aggregates.size()];
            int i = 0;
            for (Aggregate a : aggregates.values()) {
                accumulators[i++] = new Accumulator(a);
            }
        }

        void add(Row row) {
            for (Accumulator acc : accumulators) {
                acc.add(row);
            }
        }

        Row result() {
            LinkedHashMap<String, Object> map = new LinkedHashMap<>();
            for (String f : groupBy) {
                map.put(f, Values.mutableCopy(first.get(f)));
            }
            int i = 0;
            for (String name : aggregates.keySet()) {
                map.put(name, Values.mutableCopy(accumulators[i++].result()));
            }
            return ROWS.mutable(map);
        }
    }

    /** One aggregate over one group. */
    private static final class Accumulator {
        private final Aggregate.Function function;
        private final String field;
        private long count;
        /** Sum of Long values while it fits a long. */
        private long longSum;
        /** Sum of Long values once it overflowed a long, else null. */
        private BigDecimal wideLongSum;
        private double doubleSum;
        private boolean sawDouble;
        private BigDecimal decimalSum;
        private Object extreme;

        Accumulator(Aggregate aggregate) {
            this.function = aggregate.function();
            this.field = aggregate.field().orElse(null);
        }

        void add(Row row) {
            if (field == null) {
                count++;
                return;
            }
            Object v = row.get(field);
            if (v == null) {
                return;
            }
            count++;
            switch (function) {
                case COUNT:
                    return;
                case MIN:
                    if (extreme == null || Values.compare(v, extreme) < 0) {
                        extreme = v;
                    }
                    return;
                case MAX:
                    if (extreme == null || Values.compare(v, extreme) > 0) {
                        extreme = v;
                    }
                    return;
                default:
                    addNumber(v);
            }
        }

        private void addNumber(Object v) {
            if (v instanceof Long) {
                long x = (Long) v;
                if (wideLongSum != null) {
                    wideLongSum = wideLongSum.add(BigDecimal.valueOf(x));
                } else {
                    long r = longSum + x;
                    if (((longSum ^ r) & (x ^ r)) < 0) {
                        wideLongSum = BigDecimal.valueOf(longSum).add(BigDecimal.valueOf(x));
                    } else {
                        longSum = r;
                    }
                }
            } else if (v instanceof Double) {
                sawDouble = true;
                doubleSum += (Double) v;
            } else if (v instanceof BigDecimal) {
                decimalSum = decimalSum == null ? (BigDecimal) v : decimalSum.add((BigDecimal) v);
            } else {
                throw new DictDBException("Aggregate " + function.name().toLowerCase(java.util.Locale.ROOT) + "('"
                        + field + "') cannot use a value of type '" + Values.typeName(v) + "'.");
            }
        }

        private BigDecimal longPart() {
            return wideLongSum != null ? wideLongSum : BigDecimal.valueOf(longSum);
        }

        Object result() {
            switch (function) {
                case COUNT:
                    return count;
                case MIN:
                case MAX:
                    return extreme;
                default:
                    break;
            }
            if (count == 0) {
                return null;
            }
            if (decimalSum != null && (!sawDouble || Double.isFinite(doubleSum))) {
                BigDecimal total = decimalSum.add(longPart());
                if (sawDouble) {
                    total = total.add(BigDecimal.valueOf(doubleSum));
                }
                return function == Aggregate.Function.SUM ? total
                        : total.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
            }
            if (sawDouble || decimalSum != null || function == Aggregate.Function.AVG) {
                double total = doubleSum + longPart().doubleValue()
                        + (decimalSum == null ? 0 : decimalSum.doubleValue());
                return function == Aggregate.Function.SUM ? total : total / count;
            }
            if (wideLongSum != null) {
                throw new DictDBException("Aggregate sum('" + field + "') overflows the range of Long.");
            }
            return longSum;
        }
    }
}
