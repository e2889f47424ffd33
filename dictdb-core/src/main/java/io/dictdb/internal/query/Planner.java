package io.dictdb.internal.query;

import io.dictdb.Condition;
import io.dictdb.IndexType;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.index.BTree;
import io.dictdb.internal.index.SecondaryIndex;
import io.dictdb.internal.value.Values;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses how a query reaches its candidate rows, reading the condition AST ({@link Conditions}):
 * <ul>
 *   <li>equality or IN on the primary key: direct lookups;</li>
 *   <li>equality, IN or IS NULL on an indexed field: the index's postings;</li>
 *   <li>ranges, BETWEEN and literal prefixes (LIKE 'abc%', startsWith) on a SORTED index: a walk of the index
 *       between the bounds (restricted to the bound's type rank, since other types never match);</li>
 *   <li>AND: the usable conjunct with the fewest candidates (posting sizes are exact statistics);</li>
 *   <li>OR: the union of its branches, only when every branch is usable;</li>
 *   <li>NOT, Java predicates and anything else: no index.</li>
 * </ul>
 * When the best path would still visit more than half of the table, a full scan (cheaper per row) is used.
 * Whatever the plan, the caller re-checks the whole condition on every candidate.
 */
final class Planner {
    private Planner() {
    }

    /**
     * The access path for a condition.
     *
     * @param table the table state
     * @param where the condition, or null for every row
     * @return the path (a full scan when no index helps)
     */
    static AccessPath plan(TableState table, Condition where) {
        long scanCost = table.size();
        if (where == null || scanCost == 0) {
            return new AccessPath.FullScan(table);
        }
        AccessPath path = node(table, where, Math.max(16, scanCost / 2));
        return path != null ? path : new AccessPath.FullScan(table);
    }

    /**
     * The key a condition names when it is exactly an equality on the primary key ({@code Field.of(pk).eq(k)}),
     * the shape of every update or delete of one row by key: such a condition is answered by one lookup, the
     * {@link AccessPath.KeyLookup} the general plan would choose, without building a plan.
     *
     * @param table the table state
     * @param where the condition, or null
     * @return the key to look up, or null when the condition is anything else (or its value cannot be a key)
     */
    static Object singleKey(TableState table, Condition where) {
        if (where instanceof Conditions.Eq) {
            Conditions.Eq eq = (Conditions.Eq) where;
            Object key = eq.value;
            if (key != null && !(key instanceof List) && !(key instanceof java.util.Map)
                    && eq.field.equals(table.def().primaryKey())) {
                return key;
            }
        }
        return null;
    }

    /**
     * The part of a condition that still has to be checked on the rows a path delivers: nothing when the path
     * answers the whole condition, the other conjuncts when it answers one conjunct of an AND, else all of it.
     *
     * @param path  the chosen path
     * @param where the query's condition
     * @return the residual condition, or null when every delivered row matches
     */
    static Condition residual(AccessPath path, Condition where) {
        Condition answered = path.answers();
        if (where == null || answered == where) {
            return null;
        }
        if (answered != null && where instanceof Conditions.And) {
            List<Condition> rest = new ArrayList<>(((Conditions.And) where).parts);
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i) == answered) {
                    rest.remove(i);
                    return rest.size() == 1 ? rest.get(0) : Conditions.andOf(rest);
                }
            }
        }
        return where;
    }

    /** The best path for a node, or null when it cannot use an index or would exceed {@code cap} candidates. */
    private static AccessPath node(TableState table, Condition c, long cap) {
        String pk = table.def().primaryKey();
        if (c instanceof Conditions.Eq) {
            Conditions.Eq eq = (Conditions.Eq) c;
            if (eq.field.equals(pk)) {
                return AccessPath.KeyLookup.of(table, java.util.Collections.singletonList(eq.value)).answering(c);
            }
            return answering(equality(table.index(eq.field), List.of(wrap(eq.value)), cap), c);
        }
        if (c instanceof Conditions.In) {
            Conditions.In in = (Conditions.In) c;
            if (in.field.equals(pk)) {
                return AccessPath.KeyLookup.of(table, in.values).answering(c);
            }
            Set<ValueKey> distinct = new LinkedHashSet<>();
            for (Object v : in.values) {
                distinct.add(new ValueKey(v));
            }
            return answering(equality(table.index(in.field), new ArrayList<>(distinct), cap), c);
        }
        if (c instanceof Conditions.IsNull) {
            Conditions.IsNull isNull = (Conditions.IsNull) c;
            if (isNull.field.equals(pk)) {
                return new AccessPath.Nothing().answering(c);
            }
            return answering(equality(table.index(isNull.field), List.of(wrap(null)), cap), c);
        }
        if (c instanceof Conditions.Range) {
            Conditions.Range r = (Conditions.Range) c;
            SecondaryIndex index = sorted(table, r.field);
            if (index == null) {
                return null;
            }
            if (r.bound == null) {
                return new AccessPath.Nothing().answering(c);
            }
            return answering(rangeFrom(index, r, cap), c);
        }
        if (c instanceof Conditions.Between) {
            Conditions.Between b = (Conditions.Between) c;
            SecondaryIndex index = sorted(table, b.field);
            if (index == null) {
                return null;
            }
            if (!Values.comparable(b.low, b.high) || Values.compare(b.low, b.high) > 0) {
                return new AccessPath.Nothing().answering(c);
            }
            return answering(collect(index, "Range(" + b.field + ")", cap, visit -> index.postings().forEachFrom(b.low,
                    true, (value, posting) -> Values.compare(value, b.high) <= 0 && visit.visit(value, posting))), c);
        }
        if (c instanceof Conditions.Like || c instanceof Conditions.Text) {
            String prefix = literalPrefix(c);
            String field = ((Conditions.FieldTest) c).field;
            SecondaryIndex index = sorted(table, field);
            if (index == null || prefix.isEmpty()) {
                return null;
            }
            AccessPath path = collect(index, "Prefix(" + field + ")", cap,
                    visit -> index.postings().forEachFrom(prefix, true, (value, posting) ->
                            value instanceof String && ((String) value).startsWith(prefix)
                                    && visit.visit(value, posting)));
            boolean exact = c instanceof Conditions.Text || ((Conditions.Like) c).pattern.isPrefixOnly();
            return exact ? answering(path, c) : path;
        }
        if (c instanceof Conditions.And) {
            AccessPath best = null;
            long bound = cap;
            for (Condition part : ((Conditions.And) c).parts) {
                AccessPath p = node(table, part, bound);
                if (p != null && (best == null || p.estimate() < best.estimate())) {
                    best = p;
                    bound = p.estimate();
                }
            }
            return best;
        }
        if (c instanceof Conditions.Or) {
            List<AccessPath> branches = new ArrayList<>();
            long sum = 0;
            for (Condition part : ((Conditions.Or) c).parts) {
                AccessPath p = node(table, part, cap - sum);
                if (p == null) {
                    return null;
                }
                sum += p.estimate();
                if (sum > cap) {
                    return null;
                }
                branches.add(p);
            }
            AccessPath union = new AccessPath.Union(pk, branches);
            for (int i = 0; i < branches.size(); i++) {
                if (branches.get(i).answers() != ((Conditions.Or) c).parts.get(i)) {
                    return union;
                }
            }
            return union.answering(c);
        }
        return null;
    }

    private static AccessPath answering(AccessPath path, Condition c) {
        return path == null ? null : path.answering(c);
    }

    private static ValueKey wrap(Object value) {
        return new ValueKey(value);
    }

    private static SecondaryIndex sorted(TableState table, String field) {
        SecondaryIndex index = table.index(field);
        return index != null && index.type() == IndexType.SORTED ? index : null;
    }

    private static AccessPath equality(SecondaryIndex index, List<ValueKey> values, long cap) {
        if (index == null) {
            return null;
        }
        List<BTree> postings = new ArrayList<>(values.size());
        long sum = 0;
        for (ValueKey v : values) {
            BTree posting = index.posting(v.value());
            if (posting != null) {
                postings.add(posting);
                sum += posting.size();
            }
        }
        if (sum > cap) {
            return null;
        }
        return new AccessPath.Postings("Index(" + index.field() + " = " + values.size() + " value(s))", postings);
    }

    private static AccessPath rangeFrom(SecondaryIndex index, Conditions.Range r, long cap) {
        int rank = Values.rank(r.bound);
        boolean inclusive = r.op == Conditions.RangeOp.LTE || r.op == Conditions.RangeOp.GTE;
        boolean upward = r.op == Conditions.RangeOp.GT || r.op == Conditions.RangeOp.GTE;
        BTree postings = index.postings();
        return collect(index, "Range(" + r.field + ")", cap, visit -> {
            BTree.Visitor sameRank = (value, posting) -> Values.rank(value) == rank && visit.visit(value, posting);
            return upward ? postings.forEachFrom(r.bound, inclusive, sameRank)
                    : postings.forEachDescendingFrom(r.bound, inclusive, sameRank);
        });
    }

    /** Walks part of an index's postings. */
    @FunctionalInterface
    private interface PostingWalk {
        boolean walk(BTree.Visitor visitor);
    }

    private static AccessPath collect(SecondaryIndex index, String description, long cap, PostingWalk walk) {
        List<BTree> postings = new ArrayList<>();
        long[] sum = {0};
        boolean[] tooMany = {false};
        walk.walk((value, posting) -> {
            BTree p = (BTree) posting;
            sum[0] += p.size();
            if (sum[0] > cap) {
                tooMany[0] = true;
                return false;
            }
            postings.add(p);
            return true;
        });
        return tooMany[0] ? null : new AccessPath.Postings(description, postings);
    }

    private static String literalPrefix(Condition c) {
        if (c instanceof Conditions.Like) {
            return ((Conditions.Like) c).pattern.literalPrefix();
        }
        Conditions.Text t = (Conditions.Text) c;
        return t.op == Conditions.TextOp.STARTS_WITH ? t.text : "";
    }

    /**
     * Describes the plan of a condition (used by tests to check that an index is used).
     *
     * @param table the table state
     * @param where the condition
     * @return a short description of the access path
     */
    static String explain(TableState table, Condition where) {
        return plan(table, where).describe();
    }
}
