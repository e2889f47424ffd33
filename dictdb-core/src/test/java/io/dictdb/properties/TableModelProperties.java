package io.dictdb.properties;

import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.OnConflict;
import io.dictdb.Row;
import io.dictdb.Select;
import io.dictdb.Table;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Model-based test of one table: random chains of writes, index changes, queries and transactions run against a
 * DictDB table and against {@link TableModel}; after every step the results, the exceptions, the table contents
 * in key order, the counts, the columns and the index list must be identical.
 */
class TableModelProperties {
    private static final String TABLE = "t";
    private static final List<String> FIELDS = List.of("name", "age", "score", "tag", "when");
    private static final List<String> QUERY_FIELDS = List.of("name", "age", "score", "tag", "when", "id");
    private static final List<String> STRINGS = List.of(
            "", "a", "ab", "abc", "b", "B", "ba", "a%b", "a_b", "axb", "x\ny", "Zed", "z");
    private static final List<LocalDate> DATES = List.of(
            LocalDate.of(2020, 1, 1), LocalDate.of(2021, 6, 15), LocalDate.of(2024, 2, 29));
    private static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    @Property(tries = 120)
    void tableWithoutSchemaBehavesLikeTheModel(@ForAll("plainChains") ActionChain<Sut> chain) {
        chain.withInvariant("table equals model", Sut::checkAgainstModel).run();
    }

    @Property(tries = 120)
    void tableWithSchemaBehavesLikeTheModel(@ForAll("schemaChains") ActionChain<Sut> chain) {
        chain.withInvariant("table equals model", Sut::checkAgainstModel).run();
    }

    @Provide
    Arbitrary<ActionChain<Sut>> plainChains() {
        return chains(false);
    }

    @Provide
    Arbitrary<ActionChain<Sut>> schemaChains() {
        return chains(true);
    }

    private Arbitrary<ActionChain<Sut>> chains(boolean schema) {
        Arbitrary<Op> simple = simpleOps(schema);
        Arbitrary<Op> txn = Combinators.combine(simple.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
                .as(Txn::new);
        Arbitrary<Op> any = Arbitraries.frequencyOf(Tuple.of(10, simple), Tuple.of(1, txn));
        return ActionChain.startWith(() -> new Sut(schema))
                .withAction(new OpAction(any))
                .withMaxTransformations(40);
    }

    /** One jqwik action drawing any generated operation. */
    private static final class OpAction implements Action.Independent<Sut> {
        private final Arbitrary<Op> ops;

        OpAction(Arbitrary<Op> ops) {
            this.ops = ops;
        }

        @Override
        public Arbitrary<Transformer<Sut>> transformer() {
            return ops.map(op -> Transformer.mutate(op.toString(), op::apply));
        }
    }

    // ================================================================== system under test + model

    /** A DictDB table and its model, changed in lockstep. */
    static final class Sut {
        final DictDB db = new DictDB();
        final Table table;
        TableModel model;

        Sut(boolean schema) {
            table = schema ? db.createTable(TABLE, TableModel.PK, TableModel.schema()) : db.createTable(TABLE);
            model = new TableModel(TABLE, schema);
        }

        void checkAgainstModel() {
            check(table, model);
        }

        static void check(Table t, TableModel m) {
            List<Map<String, Object>> expected = m.all();
            List<Row> actual = t.all();
            if (!actual.equals(expected)) {
                throw new AssertionError("table contents differ\n expected: " + expected + "\n actual:   " + actual);
            }
            if (!new ArrayList<>(t.copy().keySet()).equals(m.keys())) {
                throw new AssertionError("copy() keys differ: expected " + m.keys() + " got " + t.copy().keySet());
            }
            if (t.count() != expected.size() || t.size() != expected.size()
                    || t.select().count() != expected.size()) {
                throw new AssertionError("count " + t.count() + " / select().count() " + t.select().count()
                        + " but the model has " + expected.size() + " rows");
            }
            if (!t.indexedFields().equals(new ArrayList<>(m.indexes.keySet()))) {
                throw new AssertionError("indexedFields " + t.indexedFields() + " expected " + m.indexes.keySet());
            }
            for (Map.Entry<String, IndexType> e : m.indexes.entrySet()) {
                if (!t.hasIndex(e.getKey()) || !t.indexType(e.getKey()).equals(Optional.of(e.getValue()))) {
                    throw new AssertionError("index of " + e.getKey() + " should be " + e.getValue());
                }
            }
            if (!t.columns().equals(m.columns())) {
                throw new AssertionError("columns " + t.columns() + " expected " + m.columns());
            }
        }
    }

    /** One generated operation. */
    interface Op {
        void run(Table t, TableModel m);

        default void apply(Sut s) {
            run(s.table, s.model);
        }
    }

    /** A fresh mutable copy of a record spec; after the call it must be unchanged, then it is scribbled over. */
    private static void withCallerMap(Map<String, Object> spec, Function<Map<String, Object>, Object> call) {
        Map<String, Object> mine = new LinkedHashMap<>(spec);
        call.apply(mine);
        if (!mine.equals(spec)) {
            throw new AssertionError("the caller's map was modified: " + spec + " became " + mine);
        }
        mine.put("name", "scribbled");
        mine.remove(TableModel.PK);
    }

    record Insert(Map<String, Object> record) implements Op {
        public void run(Table t, TableModel m) {
            Expect e = m.insert(record);
            withCallerMap(record, r -> e.verify(this.toString(), () -> t.insert(r)));
        }

        public String toString() {
            return "insert(" + show(record) + ")";
        }
    }

    record InsertAll(List<Map<String, Object>> records, Integer batchSize, boolean skipValidation) implements Op {
        public void run(Table t, TableModel m) {
            Expect e = m.insertAll(records, skipValidation);
            List<Map<String, Object>> mine = new ArrayList<>();
            for (Map<String, Object> r : records) {
                mine.add(new LinkedHashMap<>(r));
            }
            e.verify(toString(), () -> batchSize == null && !skipValidation ? t.insertAll(mine)
                    : t.insertAll(mine, InsertOptions.builder().batchSize(batchSize == null ? 1000 : batchSize)
                    .skipValidation(skipValidation).build()));
            if (!mine.equals(records)) {
                throw new AssertionError("insertAll modified the caller's maps");
            }
            mine.forEach(r -> r.put("name", "scribbled"));
        }

        public String toString() {
            List<String> shown = new ArrayList<>();
            records.forEach(r -> shown.add(show(r)));
            return "insertAll(" + shown + (batchSize == null ? "" : ", batchSize " + batchSize)
                    + (skipValidation ? ", skipValidation" : "") + ")";
        }
    }

    /** insertAll of many auto-key rows (enough to split the B-trees of rows and index postings). */
    record Bulk(int n, long seed, boolean schema) implements Op {
        public void run(Table t, TableModel m) {
            List<Map<String, Object>> records = bulkRecords(n, seed, schema);
            m.insertAll(records).verify(toString(), () -> t.insertAll(records));
        }

        public String toString() {
            return "bulk(" + n + " rows, seed " + seed + ")";
        }
    }

    record Upsert(Map<String, Object> record, OnConflict onConflict) implements Op {
        public void run(Table t, TableModel m) {
            Expect e = m.upsert(record, onConflict == null ? OnConflict.UPDATE : onConflict);
            withCallerMap(record, r -> e.verify(toString(),
                    () -> onConflict == null ? t.upsert(r) : t.upsert(r, onConflict)));
        }

        public String toString() {
            return "upsert(" + show(record) + (onConflict == null ? "" : ", " + onConflict) + ")";
        }
    }

    record Update(Map<String, Object> changes, NaiveCondition where) implements Op {
        public void run(Table t, TableModel m) {
            Expect e = m.update(changes, where);
            withCallerMap(changes, c -> e.verify(toString(),
                    () -> where == null ? t.update(c) : t.update(c, where.toCondition())));
        }

        public String toString() {
            return "update(" + show(changes) + (where == null ? "" : ", " + where) + ")";
        }
    }

    /** Read-modify-write updates: {@code update(where, row -> changes)}. */
    enum RowFunction implements Function<Map<String, ?>, Map<String, ?>> {
        INCREMENT_AGE {
            public Map<String, ?> apply(Map<String, ?> row) {
                Object age = row.get("age");
                return age instanceof Long ? Map.of("age", (Long) age + 1) : null;
            }
        },
        TAG_FROM_NAME {
            public Map<String, ?> apply(Map<String, ?> row) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("tag", row.get("name"));
                return out;
            }
        },
        HIGH_SCORE_AS_TEXT {
            public Map<String, ?> apply(Map<String, ?> row) {
                Object s = row.get("score");
                return s instanceof Double && (Double) s > 1 ? Map.of("score", "high") : Map.of();
            }
        }
    }

    record UpdateEach(NaiveCondition where, RowFunction function) implements Op {
        public void run(Table t, TableModel m) {
            Expect e = m.updateEach(where, function::apply);
            Condition c = where == null ? Condition.all() : where.toCondition();
            e.verify(toString(), () -> t.update(c, row -> function.apply(row)));
        }

        public String toString() {
            return "update(" + (where == null ? "all()" : where) + ", " + function + ")";
        }
    }

    record Delete(NaiveCondition where) implements Op {
        public void run(Table t, TableModel m) {
            m.delete(where).verify(toString(), () -> where == null ? t.delete() : t.delete(where.toCondition()));
        }

        public String toString() {
            return "delete(" + (where == null ? "" : where) + ")";
        }
    }

    record CreateIndex(String field, IndexType type) implements Op {
        public void run(Table t, TableModel m) {
            m.createIndex(field, type).verify(toString(), () -> {
                if (type == IndexType.HASH && field.hashCode() % 2 == 0) {
                    t.createIndex(field);
                } else {
                    t.createIndex(field, type);
                }
                return null;
            });
        }

        public String toString() {
            return "createIndex(" + field + ", " + type + ")";
        }
    }

    record DropIndex(String field) implements Op {
        public void run(Table t, TableModel m) {
            m.dropIndex(field).verify(toString(), () -> {
                t.dropIndex(field);
                return null;
            });
        }

        public String toString() {
            return "dropIndex(" + field + ")";
        }
    }

    record Query(NaiveCondition where, List<String> orderBy, int offset, Integer limit, List<String> projection,
                 boolean distinct) implements Op {
        public void run(Table t, TableModel m) {
            List<Map<String, Object>> expected = m.select(where, orderBy, offset, limit, projection, distinct);
            Expect.ok(expected).verify(toString(), () -> build(t).list());
            Expect.ok((long) expected.size()).verify(toString() + ".count()", () -> build(t).count());
            Expect.ok(expected.isEmpty() ? Optional.empty() : Optional.of(expected.get(0)))
                    .verify(toString() + ".first()", () -> build(t).first());
            Expect.ok(expected).verify(toString() + " with copy(false)", () -> build(t).copy(false).list());
            if (where != null && orderBy.isEmpty() && offset == 0 && limit == null && projection == null
                    && !distinct) {
                Expect.ok(expected).verify("select(" + where + ")", () -> t.select(where.toCondition()));
            }
        }

        private Select build(Table t) {
            Select s = t.select();
            if (where != null) {
                s.where(where.toCondition());
            }
            if (!orderBy.isEmpty()) {
                s.orderBy(orderBy.toArray(new String[0]));
            }
            if (offset > 0) {
                s.offset(offset);
            }
            if (limit != null) {
                s.limit(limit);
            }
            if (projection != null) {
                s.columns(projection.toArray(new String[0]));
            }
            if (distinct) {
                s.distinct();
            }
            return s;
        }

        public String toString() {
            return "select()" + (where == null ? "" : ".where(" + where + ")")
                    + (orderBy.isEmpty() ? "" : ".orderBy(" + orderBy + ")")
                    + (offset == 0 ? "" : ".offset(" + offset + ")")
                    + (limit == null ? "" : ".limit(" + limit + ")")
                    + (projection == null ? "" : ".columns(" + projection + ")")
                    + (distinct ? ".distinct()" : "");
        }
    }

    record Get(Object key) implements Op {
        public void run(Table t, TableModel m) {
            Expect.ok(m.get(key)).verify(toString(), () -> t.get(key));
        }

        public String toString() {
            return "get(" + NaiveCondition.show(key) + ")";
        }
    }

    /** Several operations in one transaction, through the transaction's table; optionally aborted at the end. */
    record Txn(List<Op> ops, boolean abort) implements Op {
        public void run(Table t, TableModel m) {
            throw new UnsupportedOperationException("a transaction runs on the whole Sut");
        }

        @Override
        public void apply(Sut s) {
            TableModel before = s.model.copy();
            RuntimeException abortSignal = new IllegalStateException("abort requested by the test");
            try {
                s.db.transaction(tx -> {
                    Table t = tx.getTable(TABLE);
                    for (Op op : ops) {
                        op.run(t, s.model);
                    }
                    Sut.check(t, s.model);
                    if (abort) {
                        throw abortSignal;
                    }
                });
            } catch (IllegalStateException e) {
                if (e != abortSignal) {
                    throw new AssertionError("the transaction did not rethrow its exception unchanged", e);
                }
                s.model = before;
                return;
            }
            if (abort) {
                throw new AssertionError("the aborted transaction did not rethrow");
            }
        }

        public String toString() {
            return "transaction" + (abort ? "-then-throw" : "") + ops;
        }
    }

    // ================================================================== generators

    private Arbitrary<Op> simpleOps(boolean schema) {
        Arbitrary<Map<String, Object>> record = schema ? schemaRecord(50) : plainRecord(50);
        Arbitrary<Map<String, Object>> upsertRecord = schema ? schemaRecord(80) : plainRecord(80);
        Arbitrary<NaiveCondition> where = condition(2);
        Arbitrary<NaiveCondition> whereOrAll = Arbitraries.frequencyOf(
                Tuple.of(12, where), Tuple.of(1, Arbitraries.just((NaiveCondition) null)));
        Arbitrary<String> indexField = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(FIELDS)), Tuple.of(1, Arbitraries.just(TableModel.PK)));

        Arbitrary<Op> insert = record.map(Insert::new);
        Arbitrary<Op> insertAll = Combinators.combine(
                        record.list().ofMinSize(0).ofMaxSize(5),
                        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((Integer) null)),
                                Tuple.of(1, Arbitraries.integers().between(1, 3).map(i -> (Integer) i))),
                        Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))))
                .as(InsertAll::new);
        Arbitrary<Op> bulk = Combinators.combine(Arbitraries.integers().between(65, 160), Arbitraries.longs())
                .as((n, seed) -> new Bulk(n, seed, schema));
        Arbitrary<Op> upsert = Combinators.combine(upsertRecord,
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((OnConflict) null)),
                                Tuple.of(3, Arbitraries.of(OnConflict.class))))
                .as(Upsert::new);
        Arbitrary<Op> update = Combinators.combine(changes(schema), whereOrAll).as(Update::new);
        Arbitrary<Op> updateEach = Combinators.combine(whereOrAll, Arbitraries.of(RowFunction.class))
                .as(UpdateEach::new);
        Arbitrary<Op> delete = whereOrAll.map(Delete::new);
        Arbitrary<Op> createIndex = Combinators.combine(indexField, Arbitraries.of(IndexType.class))
                .as(CreateIndex::new);
        Arbitrary<Op> dropIndex = indexField.map(DropIndex::new);
        Arbitrary<String> orderSpec = Combinators.combine(Arbitraries.of(QUERY_FIELDS), Arbitraries.of(true, false))
                .as((f, desc) -> desc ? "-" + f : f);
        Arbitrary<Op> query = Combinators.combine(
                        Arbitraries.frequencyOf(Tuple.of(6, where), Tuple.of(1, Arbitraries.just((NaiveCondition) null))),
                        orderSpec.list().ofMaxSize(2),
                        Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)),
                                Tuple.of(1, Arbitraries.integers().between(1, 4))),
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((Integer) null)),
                                Tuple.of(1, Arbitraries.integers().between(0, 8).map(i -> (Integer) i))),
                        Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just((List<String>) null)),
                                Tuple.of(1, Arbitraries.of(QUERY_FIELDS).list().uniqueElements()
                                        .ofMinSize(1).ofMaxSize(3))),
                        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(false)),
                                Tuple.of(1, Arbitraries.just(true))))
                .as(Query::new);
        Arbitrary<Op> get = key(schema, true).map(Get::new);

        return Arbitraries.frequencyOf(
                Tuple.of(8, insert),
                Tuple.of(4, insertAll),
                Tuple.of(1, bulk),
                Tuple.of(5, upsert),
                Tuple.of(4, update),
                Tuple.of(2, updateEach),
                Tuple.of(3, delete),
                Tuple.of(3, createIndex),
                Tuple.of(2, dropIndex),
                Tuple.of(8, query),
                Tuple.of(2, get));
    }

    /** A value of any generated type: mostly normalised, sometimes an Integer or a Float to be normalised. */
    static Arbitrary<Object> anyValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(-3, 12).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.integers().between(-3, 12).map(i -> (Object) i)),
                Tuple.of(2, Arbitraries.of(0.5, 1.0, 2.5, -1.5, 3.0, 7.25, 12.0).map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.of(0.25f, 0.1f, 2f).map(f -> (Object) f)),
                Tuple.of(1, Arbitraries.of(new BigDecimal("2.50"), new BigDecimal("1E+1"), new BigDecimal("0.5"),
                        1_000_000_000_000_000_000L, 1e18, new BigDecimal("1E+18")).map(o -> (Object) o)),
                Tuple.of(4, Arbitraries.of(STRINGS).map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.of(DATES).map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    private static Arbitrary<Object> presentOrAbsent(Arbitrary<?> value, int absentWeight) {
        return Arbitraries.frequencyOf(Tuple.of(absentWeight, Arbitraries.just(ABSENT)),
                Tuple.of(10 - absentWeight, value.asGeneric()));
    }

    /** An explicit primary key; for a schema table mostly valid LONG keys. */
    private static Arbitrary<Object> key(boolean schema, boolean forLookup) {
        Arbitrary<Object> longs = Arbitraries.longs().between(1, 30).map(l -> (Object) l);
        Arbitrary<Object> ints = Arbitraries.integers().between(1, 30).map(i -> (Object) i);
        Arbitrary<Object> far = Arbitraries.of(1L << 40, (1L << 62) + 5, -5L, 0L).map(l -> (Object) l);
        if (schema && !forLookup) {
            return Arbitraries.frequencyOf(Tuple.of(12, longs), Tuple.of(2, ints), Tuple.of(1, far),
                    Tuple.of(1, Arbitraries.of("k1", 3.0, 7.5).map(o -> (Object) o)),
                    Tuple.of(1, Arbitraries.just(null)));
        }
        return Arbitraries.frequencyOf(Tuple.of(8, longs), Tuple.of(2, ints), Tuple.of(1, far),
                Tuple.of(2, Arbitraries.of(2.0, 3.5, 10.0, 0.5, 1e15, -2.5).map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.of(new BigDecimal("3.0"), new BigDecimal("4.5")).map(d -> (Object) d)),
                Tuple.of(3, Arbitraries.of("k1", "k2", "k3", "a").map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.of(DATES).map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    private static Map<String, Object> build(List<String> names, List<Object> values) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (values.get(i) != ABSENT) {
                m.put(names.get(i), values.get(i));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** Records of a table without schema: mixed types, nulls, missing fields, sometimes an unsupported value. */
    private static Arbitrary<Map<String, Object>> plainRecord(int keyPercent) {
        Arbitrary<Object> value = presentOrAbsent(anyValue(), 3);
        Arbitrary<Object> unsupported = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.just(new StringBuilder("sb"))));
        Arbitrary<Object> keyOrAbsent = Arbitraries.frequencyOf(Tuple.of(100 - keyPercent, Arbitraries.just(ABSENT)),
                Tuple.of(keyPercent, key(false, false)));
        return Combinators.combine(List.of(value, value, value, value, value, unsupported, keyOrAbsent))
                .as(values -> build(List.of("name", "age", "score", "tag", "when", "extra", TableModel.PK), values));
    }

    /** Records of the schema table: valid ones, and ones with exactly one violation of the schema. */
    private static Arbitrary<Map<String, Object>> schemaRecord(int keyPercent) {
        Arbitrary<Object> name = Arbitraries.of(STRINGS).map(s -> (Object) s);
        Arbitrary<Object> age = presentOrAbsent(Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(-3, 12).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.integers().between(0, 5).map(i -> (Object) i)),
                Tuple.of(1, Arbitraries.just(null))), 3);
        Arbitrary<Object> score = presentOrAbsent(Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0.5, 1.0, 2.5, 7.25).map(d -> (Object) d)),
                Tuple.of(2, Arbitraries.longs().between(0, 4).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.of(0.25f, 0.1f).map(f -> (Object) f))), 4);
        Arbitrary<Object> tag = presentOrAbsent(anyValue(), 5);
        Arbitrary<Object> when = presentOrAbsent(Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(DATES).map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.just(null))), 5);
        Arbitrary<Object> keyOrAbsent = Arbitraries.frequencyOf(Tuple.of(100 - keyPercent, Arbitraries.just(ABSENT)),
                Tuple.of(keyPercent, key(true, false)));
        Arbitrary<Object> violation = Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.of(Violation.class).map(v -> (Object) v)));
        return Combinators.combine(List.of(name, age, score, tag, when, keyOrAbsent, violation)).as(values -> {
            Map<String, Object> valid = build(List.of("name", "age", "score", "tag", "when", TableModel.PK),
                    values.subList(0, 6));
            if (values.get(6) == ABSENT) {
                return valid;
            }
            LinkedHashMap<String, Object> broken = new LinkedHashMap<>(valid);
            ((Violation) values.get(6)).apply(broken);
            return Collections.unmodifiableMap(broken);
        });
    }

    /** One way of breaking the schema. */
    enum Violation {
        NO_NAME { void apply(Map<String, Object> r) { r.remove("name"); } },
        NULL_NAME { void apply(Map<String, Object> r) { r.put("name", null); } },
        NAME_NOT_STRING { void apply(Map<String, Object> r) { r.put("name", 5L); } },
        AGE_TEXT { void apply(Map<String, Object> r) { r.put("age", "old"); } },
        AGE_FRACTION { void apply(Map<String, Object> r) { r.put("age", 2.5); } },
        SCORE_TEXT { void apply(Map<String, Object> r) { r.put("score", "hi"); } },
        SCORE_NULL { void apply(Map<String, Object> r) { r.put("score", null); } },
        WHEN_TEXT { void apply(Map<String, Object> r) { r.put("when", "2024-01-01"); } },
        UNKNOWN_FIELD { void apply(Map<String, Object> r) { r.put("extra", 1L); } },
        UNSUPPORTED { void apply(Map<String, Object> r) { r.put("name", new StringBuilder("sb")); } };

        abstract void apply(Map<String, Object> record);
    }

    /** Changes for update(): a few fields, sometimes touching the key, sometimes breaking the schema. */
    private static Arbitrary<Map<String, Object>> changes(boolean schema) {
        Arbitrary<Object> value = presentOrAbsent(anyValue(), 6);
        Arbitrary<Object> keyChange = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.longs().between(1, 30).map(l -> (Object) l)));
        if (!schema) {
            return Combinators.combine(List.of(value, value, value, value, value, keyChange))
                    .as(values -> build(List.of("name", "age", "score", "tag", "when", TableModel.PK), values));
        }
        Arbitrary<Object> name = presentOrAbsent(Arbitraries.of(STRINGS), 6);
        Arbitrary<Object> age = presentOrAbsent(Arbitraries.longs().between(0, 9), 6);
        Arbitrary<Object> score = presentOrAbsent(Arbitraries.of(1.5, 3L, 0.75), 7);
        Arbitrary<Object> tag = presentOrAbsent(anyValue(), 6);
        Arbitrary<Object> violation = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(ABSENT)),
                Tuple.of(1, Arbitraries.of(Violation.NULL_NAME, Violation.AGE_TEXT, Violation.SCORE_NULL,
                        Violation.WHEN_TEXT, Violation.UNKNOWN_FIELD).map(v -> (Object) v)));
        return Combinators.combine(List.of(name, age, score, tag, keyChange, violation)).as(values -> {
            Map<String, Object> valid = build(List.of("name", "age", "score", "tag", TableModel.PK),
                    values.subList(0, 5));
            if (values.get(5) == ABSENT || valid.containsKey(TableModel.PK)) {
                return valid;
            }
            LinkedHashMap<String, Object> broken = new LinkedHashMap<>(valid);
            ((Violation) values.get(5)).apply(broken);
            return Collections.unmodifiableMap(broken);
        });
    }

    /** Many valid auto-key records, built from a seed so that an operation is a small value. */
    static List<Map<String, Object>> bulkRecords(int n, long seed, boolean schema) {
        Random random = new Random(seed);
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", STRINGS.get(random.nextInt(STRINGS.size())));
            if (random.nextInt(4) > 0) {
                r.put("age", (long) random.nextInt(15) - 3);
            }
            if (random.nextInt(3) > 0) {
                r.put("score", random.nextInt(16) * 0.5);
            }
            if (random.nextInt(3) == 0) {
                r.put("tag", schema || random.nextBoolean() ? (Object) ("t" + random.nextInt(5))
                        : (Object) (long) random.nextInt(5));
            }
            if (random.nextInt(4) == 0) {
                r.put("when", DATES.get(random.nextInt(DATES.size())));
            }
            out.add(r);
        }
        return out;
    }

    // ------------------------------------------------------------------ conditions

    /** Random conditions over the generated fields, nested to the given depth. */
    static Arbitrary<NaiveCondition> condition(int depth) {
        if (depth == 0) {
            return leafCondition();
        }
        Arbitrary<NaiveCondition> inner = condition(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(8, leafCondition()),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(NaiveCondition.And::new)),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(NaiveCondition.Or::new)),
                Tuple.of(1, Combinators.combine(inner, inner, Arbitraries.of(true, false))
                        .as(NaiveCondition.Chained::new)),
                Tuple.of(1, Combinators.combine(inner, Arbitraries.of(true, false)).as(NaiveCondition.Not::new)),
                Tuple.of(1, inner.map(NaiveCondition.Opaque::new)));
    }

    private static Arbitrary<NaiveCondition> leafCondition() {
        Arbitrary<String> field = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(FIELDS)), Tuple.of(1, Arbitraries.just(TableModel.PK)));
        Arbitrary<Object> value = anyValue();
        Arbitrary<Object> nonNull = value.filter(v -> v != null);
        Arbitrary<Object> number = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().between(-3, 15).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.of(0.5, 2.5, 3.0, 7.25, 10.5).map(d -> (Object) d)));
        Arbitrary<NaiveCondition> eq = Combinators.combine(field, value).as(NaiveCondition.Eq::new);
        Arbitrary<NaiveCondition> ne = Combinators.combine(field, value).as(NaiveCondition.Ne::new);
        Arbitrary<NaiveCondition> cmp = Combinators.combine(field, Arbitraries.of(NaiveCondition.Op.class),
                Arbitraries.frequencyOf(Tuple.of(2, number), Tuple.of(1, nonNull))).as(NaiveCondition.Cmp::new);
        Arbitrary<NaiveCondition> between = Combinators.combine(field,
                Arbitraries.frequencyOf(Tuple.of(3, number), Tuple.of(1, nonNull)),
                Arbitraries.frequencyOf(Tuple.of(3, number), Tuple.of(1, nonNull))).as(NaiveCondition.Between::new);
        Arbitrary<NaiveCondition> in = Combinators.combine(field, value.list().ofMaxSize(4))
                .as(NaiveCondition.In::new);
        Arbitrary<NaiveCondition> like = Combinators.combine(field,
                Arbitraries.of("a%", "ab%", "%b", "%a%", "a_b", "a%b", "_", "%", "", "x%y", "A%", "z%", "B%",
                        "a!%b", "a!_b", "%!%%"),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((f, p, esc, ci) -> new NaiveCondition.Like(f, p, p.contains("!") || esc ? '!' : null, ci));
        Arbitrary<NaiveCondition> text = Combinators.combine(field, Arbitraries.of(NaiveCondition.TextOp.class),
                Arbitraries.of("", "a", "ab", "B", "b", "%", "z", "\n")).as(NaiveCondition.Text::new);
        Arbitrary<NaiveCondition> isNull = Combinators.combine(field, Arbitraries.of(true, false))
                .as(NaiveCondition.IsNull::new);
        return Arbitraries.frequencyOf(
                Tuple.of(5, eq), Tuple.of(2, ne), Tuple.of(5, cmp), Tuple.of(3, between), Tuple.of(3, in),
                Tuple.of(3, like), Tuple.of(2, text), Tuple.of(2, isNull),
                Tuple.of(1, Arbitraries.just(new NaiveCondition.All())));
    }

    static String show(Map<String, ?> record) {
        StringBuilder sb = new StringBuilder("{");
        record.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v instanceof StringBuilder ? "StringBuilder" : NaiveCondition.show(v));
        });
        return sb.append('}').toString();
    }
}
