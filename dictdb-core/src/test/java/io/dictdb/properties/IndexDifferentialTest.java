package io.dictdb.properties;

import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.OnConflict;
import io.dictdb.Row;
import io.dictdb.Select;
import io.dictdb.Table;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded differential test of the query planner: three tables hold the same thousands of rows (ints, doubles,
 * strings, booleans, dates, equal numbers of different types beyond 2^53, lists, maps, nulls, missing fields,
 * mixed types in one field), one without indexes and two with HASH and SORTED indexes on several fields (the two
 * swap the index types). Thousands of random conditions (eq, ne, ranges, between, isIn, like, startsWith and the
 * other string tests, contains, isNull, nested and/or/not, {@code Condition.of}) must give the same rows on all
 * three, and the same rows as a linear scan of the naive rules of API.md ({@link NaiveCondition}); so must ordered
 * and limited queries, projections with {@code distinct()}, and the counts of updates and deletes.
 *
 * <p>Everything derives from {@link #SEED}: a failure names the step and the condition, and reruns identically.
 */
class IndexDifferentialTest {
    private static final long SEED = 0x5EED_D1C7DBL;
    private static final int ROWS = 2500;
    private static final int CONDITIONS = 2000;
    private static final int MUTATIONS = 300;

    private static final List<String> FIELDS =
            List.of("i", "d", "s", "m", "b", "dt", "cat", "n", "w", "big", "tags", "meta");
    /** Fields with a documented order (lists and maps have none among themselves). */
    private static final List<String> ORDERABLE = List.of("i", "d", "s", "m", "b", "dt", "cat", "n", "w", "big");
    /** Numbers that are equal across Long, Double and BigDecimal, in clusters, some beyond 2^53. */
    private static final List<Object> BIG = List.of(
            1_000_000_000_000_000_000L, 1e18, new BigDecimal("1E+18"), new BigDecimal("1000000000000000000.00"),
            9_007_199_254_740_992L, 9_007_199_254_740_993L, 9.007199254740992E15, new BigDecimal("9007199254740993"),
            4_611_686_018_427_387_904L, new BigDecimal("4611686018427387904"),
            12L, 12.0, new BigDecimal("12.00"), 0.5, new BigDecimal("0.50"), new BigDecimal("0.1"), 0.1);
    private static final List<Object> TAG_ITEMS = List.of("red", "blue", "x", 1L, 2.0, 2L, new BigDecimal("1.0"));
    private static final List<String> CATEGORIES = List.of("red", "green", "blue", "Red", "");
    private static final List<String> WORDS = List.of("alpha", "beta", "Gamma", "delta", "a%b", "a_b", "x\ny");
    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);
    private static final String ALPHABET = "aabbAB_%\nz";

    /** The three tables and the model, built from one seed. */
    private static final class Fixture {
        final DictDB db = new DictDB();
        final Table plain = db.createTable("plain");
        final Table hashAndSorted = db.createTable("indexed_a");
        final Table sortedAndHash = db.createTable("indexed_b");
        final List<Table> tables = List.of(plain, hashAndSorted, sortedAndHash);
        final TableModel model = new TableModel("plain", false);
        final Random random;
        int explicitKeys;

        Fixture(long seed) {
            random = new Random(seed);
            List<Map<String, Object>> first = rows(ROWS / 2);
            List<Map<String, Object>> second = rows(ROWS - ROWS / 2);
            insertEverywhere(first);
            // Indexes built over existing rows, then maintained by the second bulk insert.
            for (String f : List.of("i", "d", "s", "m", "dt", "n", "big", "meta")) {
                hashAndSorted.createIndex(f, IndexType.SORTED);
                sortedAndHash.createIndex(f, IndexType.HASH);
            }
            for (String f : List.of("cat", "b", "w", "tags")) {
                hashAndSorted.createIndex(f, IndexType.HASH);
                sortedAndHash.createIndex(f, IndexType.SORTED);
            }
            insertEverywhere(second);
            sortedAndHash.createIndex("id", IndexType.SORTED);
            assertThat(plain.count()).isEqualTo(ROWS);
            assertSameContents("after building");
        }

        void insertEverywhere(List<Map<String, Object>> records) {
            Expect expected = model.insertAll(records);
            Object keys = expected.verify("insertAll into plain", () -> plain.insertAll(records));
            assertThat(hashAndSorted.insertAll(records)).isEqualTo(keys);
            assertThat(sortedAndHash.insertAll(records)).isEqualTo(keys);
        }

        void assertSameContents(String when) {
            List<Map<String, Object>> expected = model.all();
            for (Table t : tables) {
                assertRows(t.all(), expected, "contents of " + t.name() + " " + when);
                assertThat(t.count()).as("count of %s %s", t.name(), when).isEqualTo(expected.size());
            }
        }

        // -------------------------------------------------------------- random data

        List<Map<String, Object>> rows(int n) {
            List<Map<String, Object>> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                Map<String, Object> r = new LinkedHashMap<>();
                for (String f : FIELDS) {
                    int roll = random.nextInt(100);
                    if (roll < 8) {
                        continue; // missing
                    }
                    r.put(f, roll < 14 ? null : value(f));
                }
                int keyRoll = random.nextInt(100);
                if (keyRoll < 8) {
                    r.put("id", "k" + (explicitKeys++));
                } else if (keyRoll < 12) {
                    r.put("id", 100_000.5 + explicitKeys++);
                }
                out.add(r);
            }
            return out;
        }

        /** A non-null value typical of a field. */
        Object value(String f) {
            switch (f) {
                case "i": return (long) random.nextInt(101) - 50;
                case "d": return (random.nextInt(81) - 40) * 0.5;
                case "s": return text(random.nextInt(5));
                case "m": return mixed();
                case "b": return random.nextBoolean();
                case "dt": return DAY0.plusDays(random.nextInt(60));
                case "cat": return CATEGORIES.get(random.nextInt(CATEGORIES.size()));
                case "n": return (long) random.nextInt(100_000);
                case "w": return WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
                case "big": return BIG.get(random.nextInt(BIG.size()));
                case "tags": {
                    List<Object> tags = new ArrayList<>();
                    for (int k = random.nextInt(4); k > 0; k--) {
                        tags.add(TAG_ITEMS.get(random.nextInt(TAG_ITEMS.size())));
                    }
                    return tags;
                }
                case "meta": {
                    Map<String, Object> meta = new LinkedHashMap<>();
                    for (int k = random.nextInt(3); k > 0; k--) {
                        meta.put("k" + random.nextInt(4), (long) random.nextInt(3));
                    }
                    return meta;
                }
                case "id": return key();
                default: throw new IllegalArgumentException(f);
            }
        }

        Object mixed() {
            switch (random.nextInt(6)) {
                case 0: return (long) random.nextInt(11) - 5;
                case 1: return (random.nextInt(21) - 10) * 0.5;
                case 2: return text(random.nextInt(4));
                case 3: return random.nextBoolean();
                case 4: return DAY0.plusDays(random.nextInt(10));
                default: return random.nextInt(7) - 3; // an Integer, stored as a Long
            }
        }

        Object key() {
            switch (random.nextInt(5)) {
                case 0: return explicitKeys == 0 ? "k0" : "k" + random.nextInt(explicitKeys);
                case 1: return 100_000.5 + random.nextInt(Math.max(1, explicitKeys));
                case 2: return random.nextInt(ROWS + 50) * 1.0;
                default: return (long) random.nextInt(ROWS + 50);
            }
        }

        String text(int length) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < length; k++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return sb.toString();
        }

        /** A query operand: mostly of the field's own kind, sometimes of another type, sometimes null. */
        Object operand(String f) {
            int roll = random.nextInt(100);
            if (roll < 5) {
                return null;
            }
            if (roll < 20 || f.equals("tags") || f.equals("meta")) {
                return scalar(ORDERABLE.get(random.nextInt(ORDERABLE.size())));
            }
            return value(f);
        }

        /** A value of a field, or an element / key for the list and map fields: never a list or a map. */
        Object scalar(String f) {
            if (f.equals("tags")) {
                return TAG_ITEMS.get(random.nextInt(TAG_ITEMS.size()));
            }
            if (f.equals("meta")) {
                return "k" + random.nextInt(4);
            }
            return value(f);
        }

        Object nonNullOperand(String f) {
            Object v = operand(f);
            return v == null ? scalar(f) : v;
        }

        // -------------------------------------------------------------- random conditions

        NaiveCondition condition(int depth) {
            int roll = random.nextInt(depth == 0 ? 80 : 100);
            if (roll < 80) {
                return leaf();
            }
            switch (roll % 6) {
                case 0: return new NaiveCondition.And(children(depth));
                case 1: return new NaiveCondition.Or(children(depth));
                case 2: return new NaiveCondition.Not(condition(depth - 1), random.nextBoolean());
                case 3: return new NaiveCondition.Chained(condition(depth - 1), condition(depth - 1),
                        random.nextBoolean());
                case 4: return new NaiveCondition.Opaque(condition(depth - 1));
                default: return new NaiveCondition.Or(children(depth));
            }
        }

        private List<NaiveCondition> children(int depth) {
            List<NaiveCondition> parts = new ArrayList<>();
            int n = 2 + random.nextInt(2);
            for (int k = 0; k < n; k++) {
                parts.add(condition(depth - 1));
            }
            return parts;
        }

        NaiveCondition leaf() {
            String f = random.nextInt(12) == 0 ? "id" : FIELDS.get(random.nextInt(FIELDS.size()));
            switch (random.nextInt(15)) {
                case 14: {
                    String on = random.nextInt(3) == 0 ? f : List.of("tags", "meta", "s", "w").get(random.nextInt(4));
                    Object item = on.equals("s") || on.equals("w") ? textOperand(on) : scalar(on);
                    return new NaiveCondition.ContainsItem(on, random.nextInt(10) == 0 ? (Object) 1 : item);
                }
                case 0:
                case 1:
                    return new NaiveCondition.Eq(f, operand(f));
                case 2:
                    return new NaiveCondition.Ne(f, operand(f));
                case 3:
                case 4:
                case 5:
                    return new NaiveCondition.Cmp(f, NaiveCondition.Op.values()[random.nextInt(4)],
                            nonNullOperand(f));
                case 6:
                case 7: {
                    Object a = nonNullOperand(f);
                    Object b = random.nextInt(5) == 0 ? nonNullOperand(f) : scalar(f);
                    return new NaiveCondition.Between(f, a, b);
                }
                case 8: {
                    int n = random.nextInt(4) == 0 ? 8 + random.nextInt(5) : random.nextInt(5);
                    List<Object> values = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        values.add(operand(f));
                    }
                    return new NaiveCondition.In(f, values);
                }
                case 9:
                case 10:
                    return like(f);
                case 11:
                    return new NaiveCondition.Text(f,
                            NaiveCondition.TextOp.values()[random.nextInt(NaiveCondition.TextOp.values().length)],
                            textOperand(f));
                case 12:
                    return new NaiveCondition.IsNull(f, random.nextBoolean());
                default:
                    return random.nextInt(4) == 0 ? new NaiveCondition.All()
                            : new NaiveCondition.Text(f, NaiveCondition.TextOp.STARTS_WITH, textOperand(f));
            }
        }

        String textOperand(String f) {
            Object v = scalar(f);
            String s = v instanceof String ? (String) v : text(random.nextInt(3));
            return s.substring(0, random.nextInt(s.length() + 1));
        }

        NaiveCondition like(String f) {
            String base = textOperand(f);
            Character escape = null;
            String pattern;
            switch (random.nextInt(6)) {
                case 0:
                    pattern = base + "%";
                    break;
                case 1:
                    pattern = "%" + base;
                    break;
                case 2:
                    pattern = "%" + base + "%";
                    break;
                case 3: {
                    // Escape every wildcard of the literal, then end with a real %: a literal prefix with % and _.
                    escape = '!';
                    pattern = base.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
                    break;
                }
                case 4: {
                    StringBuilder sb = new StringBuilder();
                    for (char c : base.toCharArray()) {
                        sb.append(random.nextInt(3) == 0 ? '_' : c);
                    }
                    pattern = sb + (random.nextBoolean() ? "%" : "");
                    break;
                }
                default:
                    pattern = base;
            }
            return new NaiveCondition.Like(f, pattern, escape, random.nextInt(4) == 0);
        }

        List<String> orderBy() {
            List<String> specs = new ArrayList<>();
            int n = 1 + random.nextInt(2);
            for (int k = 0; k < n; k++) {
                String f = random.nextInt(10) == 0 ? "id" : ORDERABLE.get(random.nextInt(ORDERABLE.size()));
                specs.add(random.nextBoolean() ? "-" + f : f);
            }
            return specs;
        }
    }

    // ================================================================== tests

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomConditionsGiveTheSameRowsWithAndWithoutIndexes() {
        Fixture fx = new Fixture(SEED);
        // Every step is checked even after a mismatch, so that one report shows every kind of divergence.
        List<String> mismatches = new ArrayList<>();
        for (int step = 0; step < CONDITIONS; step++) {
            NaiveCondition c = fx.condition(3);
            String what = "step " + step + ": where " + c;
            List<Map<String, Object>> expected = fx.model.matching(c);
            for (Table t : fx.tables) {
                boolean copy = step % 4 == 0;
                boolean count = step % 2 == 1;
                collect(mismatches, () -> {
                    assertRows(t.select().where(c.toCondition()).copy(copy).list(), expected, what + " on " + t.name());
                    if (count) {
                        assertThat(t.select().where(c.toCondition()).count())
                                .as("count, %s on %s", what, t.name()).isEqualTo(expected.size());
                    }
                });
            }
            if (step % 5 == 1) {
                List<String> projection = new ArrayList<>();
                projection.add(ORDERABLE.get(fx.random.nextInt(ORDERABLE.size())));
                String second = fx.random.nextBoolean() ? "big" : "b";
                if (fx.random.nextBoolean() && !projection.contains(second)) {
                    projection.add(second);
                }
                List<Map<String, Object>> distinct = fx.model.select(c, List.of(), 0, null, projection, true);
                for (Table t : fx.tables) {
                    collect(mismatches, () -> assertDistinct(t.select().where(c.toCondition())
                                    .columns(projection.toArray(new String[0])).distinct().list(), distinct,
                            what + ", distinct " + projection + " on " + t.name()));
                }
            }
            if (step % 3 == 0) {
                List<String> order = fx.orderBy();
                int limit = fx.random.nextInt(25);
                int offset = fx.random.nextInt(4) == 0 ? fx.random.nextInt(10) : 0;
                List<Map<String, Object>> ordered = fx.model.select(c, order, offset, limit, null, false);
                for (Table t : fx.tables) {
                    collect(mismatches, () -> assertRows(t.select().where(c.toCondition())
                                    .orderBy(order.toArray(new String[0])).offset(offset).limit(limit).list(), ordered,
                            what + " order by " + order + " offset " + offset + " limit " + limit + " on " + t.name()));
                }
            }
        }
        assertNoMismatch(mismatches, CONDITIONS + " random conditions");
    }

    private static void collect(List<String> mismatches, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            mismatches.add(e.getMessage());
        }
    }

    private static void assertNoMismatch(List<String> mismatches, String what) {
        if (mismatches.isEmpty()) {
            return;
        }
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (String m : mismatches) {
            String kind = m.contains(", distinct [") ? "distinct" : m.contains(" order by ") ? "order by + limit"
                    : m.startsWith("[count,") ? "count()" : m.startsWith("[first()") ? "first()" : "rows";
            kinds.merge(kind, 1, Integer::sum);
        }
        StringBuilder report = new StringBuilder(mismatches.size() + " mismatches in " + what + " " + kinds
                + "; the first ones:");
        for (String m : mismatches.subList(0, Math.min(4, mismatches.size()))) {
            report.append("\n\n").append(m.length() <= 700 ? m : m.substring(0, 700) + " ...");
        }
        throw new AssertionError(report.toString());
    }

    /**
     * API.md: numbers are equal by value across Long, Double and BigDecimal; {@code isIn}, {@code distinct()} and
     * indexes must agree with that whatever path they take. The groups below are equal values of the three types,
     * some beyond 10^18 (where a value-consistent hash is easy to get wrong) and one small.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void numbersEqualAcrossTypesAreOneValueOnEveryPath() {
        Object[][] groups = {
                {1_000_000_000_000_000_000L, 1e18, new BigDecimal("1E+18")},
                {4_611_686_018_427_387_904L, 4.611686018427387904E18, new BigDecimal("4611686018427387904")},
                {12L, 12.0, new BigDecimal("12.00")}};
        try (DictDB db = new DictDB()) {
            SoftAssertions softly = new SoftAssertions();
            for (Object[] group : groups) {
                Table t = db.createTable("t" + db.listTables().size());
                for (Object v : group) {
                    t.insert(Map.of("v", v));
                }
                String values = Arrays.stream(group).map(NaiveCondition::show).toList().toString();
                softly.assertThat(t.select().columns("v").distinct().list())
                        .as("distinct over %s", values).hasSize(1);
                for (Object v : group) {
                    List<Object> eight = new ArrayList<>(List.of(v, -1L, -2L, -3L, -4L, -5L, -6L, -7L));
                    softly.assertThat(t.select().where(Field.of("v").isIn(v)).count())
                            .as("isIn(%s) over %s", v, values).isEqualTo(3);
                    softly.assertThat(t.select().where(Field.of("v").isIn(eight)).count())
                            .as("isIn(%s and seven other values) over %s", v, values).isEqualTo(3);
                    softly.assertThat(t.select().where(Field.of("v").eq(v)).count())
                            .as("eq(%s) over %s", v, values).isEqualTo(3);
                }
                for (IndexType type : IndexType.values()) {
                    t.createIndex("v", type);
                    softly.assertThat(t.select().where(Field.of("v").isIn(group)).list())
                            .extracting(r -> r.get("id")).as("isIn(all three) with a %s index over %s", type, values)
                            .containsExactly(1L, 2L, 3L);
                    softly.assertThat(t.select().where(Field.of("v").eq(group[0])).count())
                            .as("eq with a %s index over %s", type, values).isEqualTo(3);
                    t.dropIndex("v");
                }
            }
            softly.assertAll();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void orderByWithLimitOnSortedIndexedFieldsIgnoresTheIndex() {
        Fixture fx = new Fixture(SEED + 1);
        List<String> sortedInA = List.of("i", "d", "s", "m", "dt", "n", "big");
        List<String> sortedInB = List.of("cat", "b", "w", "id");
        List<String> all = new ArrayList<>(sortedInA);
        all.addAll(sortedInB);
        List<String> mismatches = new ArrayList<>();
        int checks = 0;
        for (String f : all) {
            for (boolean desc : new boolean[]{false, true}) {
                for (int limit : new int[]{0, 1, 7, 50, ROWS + 10}) {
                    for (int offset : limit == 50 ? new int[]{0, 3, 1000} : new int[]{0, 3}) {
                        for (int variant = 0; variant < 4; variant++) {
                            List<String> order = new ArrayList<>();
                            order.add(desc ? "-" + f : f);
                            if (variant >= 2) {
                                order.add(fx.random.nextBoolean() ? "n" : "-s");
                            }
                            NaiveCondition where = variant % 2 == 0 ? null : fx.condition(1);
                            List<Map<String, Object>> expected =
                                    fx.model.select(where, order, offset, limit, null, false);
                            for (Table t : fx.tables) {
                                Select s = t.select().orderBy(order.toArray(new String[0])).limit(limit);
                                if (offset > 0) {
                                    s.offset(offset);
                                }
                                if (where != null) {
                                    s.where(where.toCondition());
                                }
                                collect(mismatches, () -> assertRows(s.list(), expected, "order by " + order
                                        + " offset " + offset + " limit " + limit + " where " + where + " on "
                                        + t.name()));
                                checks++;
                            }
                            List<Map<String, Object>> head = fx.model.select(where, order, 0, 1, null, false);
                            for (Table t : fx.tables) {
                                Select first = t.select().orderBy(order.toArray(new String[0]));
                                if (where != null) {
                                    first.where(where.toCondition());
                                }
                                collect(mismatches, () -> assertThat(first.first())
                                        .as("first() by %s where %s on %s", order, where, t.name())
                                        .isEqualTo(head.isEmpty() ? Optional.empty() : Optional.of(head.get(0))));
                            }
                        }
                    }
                }
            }
        }
        assertThat(checks).isGreaterThan(1000);
        assertNoMismatch(mismatches, checks + " ordered queries");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void updatesAndDeletesCountTheSameRowsWithAndWithoutIndexes() {
        Fixture fx = new Fixture(SEED + 2);
        int changedRows = 0;
        for (int step = 0; step < MUTATIONS; step++) {
            NaiveCondition c = fx.condition(2);
            String what = "mutation " + step;
            int kind = fx.random.nextInt(10);
            if (kind < 4) {
                Map<String, Object> changes = new LinkedHashMap<>();
                int n = 1 + fx.random.nextInt(2);
                for (int k = 0; k < n; k++) {
                    String f = FIELDS.get(fx.random.nextInt(FIELDS.size()));
                    changes.put(f, fx.random.nextInt(8) == 0 ? null : fx.value(f));
                }
                what += ": update(" + changes + ", " + c + ")";
                Object count = sameEverywhere(fx, what, fx.model.update(changes, c),
                        t -> t.update(changes, c.toCondition()));
                changedRows += count == null ? 0 : (Integer) count;
            } else if (kind < 6) {
                what += ": update(" + c + ", i -> i + 1)";
                Function<Map<String, ?>, Map<String, ?>> bump = row -> row.get("i") instanceof Long
                        ? Map.of("i", (Long) row.get("i") + 1, "s", "bumped") : null;
                Object count = sameEverywhere(fx, what, fx.model.updateEach(c, bump::apply),
                        t -> t.update(c.toCondition(), bump::apply));
                changedRows += count == null ? 0 : (Integer) count;
            } else if (kind < 8) {
                what += ": delete(" + c + ")";
                Object count = sameEverywhere(fx, what, fx.model.delete(c), t -> t.delete(c.toCondition()));
                if (count != null) {
                    changedRows += (Integer) count;
                    fx.insertEverywhere(fx.rows((Integer) count));
                }
            } else {
                Map<String, Object> record = fx.rows(1).get(0);
                record.put("id", fx.key());
                OnConflict mode = OnConflict.values()[fx.random.nextInt(3)];
                what += ": upsert(" + record + ", " + mode + ")";
                Expect expected = fx.model.upsert(record, mode);
                sameEverywhere(fx, what, expected, t -> t.upsert(record, mode));
            }
            // A few queries after every change, so that index maintenance is checked where it matters.
            for (int q = 0; q < 2; q++) {
                NaiveCondition probe = fx.condition(2);
                List<Map<String, Object>> expected = fx.model.matching(probe);
                for (Table t : fx.tables) {
                    assertRows(t.select().where(probe.toCondition()).copy(false).list(), expected,
                            "after " + what + ", where " + probe + " on " + t.name());
                }
            }
            if (step % 50 == 49) {
                fx.assertSameContents("after " + what);
            }
        }
        fx.assertSameContents("at the end");
        assertThat(changedRows).as("the mutations must actually change rows").isGreaterThan(MUTATIONS);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void deleteAndUpdateCountsInsideRolledBackTransactionsMatchTheScan() {
        Fixture fx = new Fixture(SEED + 3);
        for (int step = 0; step < 100; step++) {
            NaiveCondition c = fx.condition(2);
            long expected = fx.model.matching(c).size();
            for (Table t : fx.tables) {
                for (boolean delete : new boolean[]{true, false}) {
                    long[] seen = {-1};
                    RuntimeException rollback = new RuntimeException("rollback");
                    try {
                        fx.db.transaction(tx -> {
                            Table inTx = tx.getTable(t.name());
                            try {
                                seen[0] = delete ? inTx.delete(c.toCondition())
                                        : inTx.update(Map.of("cat", "changed", "i", 0L), c.toCondition());
                                if (delete) {
                                    assertThat(inTx.select().where(c.toCondition()).count()).isZero();
                                }
                            } catch (io.dictdb.RecordNotFoundException none) {
                                seen[0] = 0;
                            }
                            throw rollback;
                        });
                    } catch (RuntimeException e) {
                        assertThat(e).isSameAs(rollback);
                    }
                    assertThat(seen[0]).as("step %d: %s of %s on %s", step, delete ? "delete" : "update", c,
                            t.name()).isEqualTo(expected);
                }
            }
            if (step % 50 == 49) {
                fx.assertSameContents("after rolled-back transactions");
            }
        }
    }

    /** Runs a write on the three tables: the model's outcome on the first, the first's outcome on the others. */
    private static Object sameEverywhere(Fixture fx, String what, Expect expected, Function<Table, Object> write) {
        String[] plainOutcome = new String[1];
        Object result = expected.verify(what + " on plain", () -> {
            try {
                Object v = write.apply(fx.plain);
                plainOutcome[0] = "returned " + v;
                return v;
            } catch (RuntimeException e) {
                plainOutcome[0] = "threw " + e.getClass().getName() + ": " + e.getMessage();
                throw e;
            }
        });
        for (Table t : List.of(fx.hashAndSorted, fx.sortedAndHash)) {
            assertThat(outcome(() -> write.apply(t))).as("%s on %s", what, t.name())
                    .isEqualTo(plainOutcome[0].replace("'plain'", "'" + t.name() + "'"));
        }
        return expected.isOk() ? result : null;
    }

    private static String outcome(Callable<?> call) {
        try {
            return "returned " + call.call();
        } catch (Exception e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Compares result rows, reporting a mismatch by keys and first differing row rather than by whole lists. */
    static void assertRows(List<Row> actual, List<Map<String, Object>> expected, String description) {
        if (actual.equals(expected)) {
            return;
        }
        List<Object> actualKeys = actual.stream().map(r -> r.get("id")).toList();
        List<Object> expectedKeys = expected.stream().map(r -> r.get("id")).toList();
        String detail = "";
        for (int k = 0; k < Math.min(actual.size(), expected.size()); k++) {
            if (!actual.get(k).equals(expected.get(k))) {
                detail = "\n first difference at " + k + ": expected " + expected.get(k) + "\n but got " + actual.get(k);
                break;
            }
        }
        throw new AssertionError(description + ": expected " + expected.size() + " rows " + abbreviate(expectedKeys)
                + "\n but got " + actual.size() + " rows " + abbreviate(actualKeys) + detail);
    }

    /** Compares the rows of a distinct projection, reporting only the rows that differ. */
    static void assertDistinct(List<Row> actual, List<Map<String, Object>> expected, String description) {
        if (actual.equals(expected)) {
            return;
        }
        List<Map<String, ?>> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        List<Map<String, ?>> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        throw new AssertionError(description + ": expected " + expected.size() + " distinct rows but got "
                + actual.size() + "; rows returned though equal (by value) to an earlier row, or otherwise unexpected: "
                + extra + "; rows missing: " + missing);
    }

    private static String abbreviate(List<Object> keys) {
        return keys.size() <= 60 ? keys.toString() : keys.subList(0, 60) + "...";
    }
}
