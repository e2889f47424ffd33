package io.dictdb.bench;

import io.dictdb.Row;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark method once, on a tiny table, outside JMH: catches benchmarks that no longer compile
 * against the API, fail in setup or return wrong results. No timing is asserted.
 */
class EngineBenchmarkSmokeTest {

    private static final int ROWS = 1000;

    // ---------------------------------------------------------------------------------------------------------
    // Every @Benchmark method, found by reflection, run the way JMH would (setups, one call, teardowns).
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyBenchmarkMethodRunsOnceOnATinyTable() throws Exception {
        List<Method> benchmarks = JmhLifecycle.benchmarkMethods(EngineBenchmark.class);
        assertThat(benchmarks).extracting(Method::getName).contains(
                "pkGetDictDB", "pkGetConcurrentHashMap",
                "hashIndexEqNoCopy", "hashIndexEqCopy",
                "sortedIndexRangeNoCopy", "unindexedScanNoCopy",
                "insertAllNoIndexes");

        EngineBenchmark bench = new EngineBenchmark();
        for (Method method : benchmarks) {
            Object result = runOnce(bench, method);
            assertThat(result).as(method.getName()).isNotNull();
            if (result instanceof Optional) {
                assertThat((Optional<?>) result).as(method.getName()).isPresent();
            } else if (result instanceof Collection) {
                assertThat((Collection<?>) result).as(method.getName()).isNotEmpty();
            } else if (result instanceof Map) {
                assertThat((Map<?, ?>) result).as(method.getName()).isNotEmpty();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Result sanity of each benchmark, on the states used directly.
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void primaryKeyLookupsReturnTheSameRowAsTheMap() {
        EngineBenchmark bench = new EngineBenchmark();
        EngineBenchmark.PkLookupState s = new EngineBenchmark.PkLookupState();
        s.rows = ROWS;
        s.setup();
        try {
            for (int i = 0; i < 100; i++) {
                int cursor = s.cursor;
                Long expectedKey = s.keys[cursor & EngineBenchmark.PkLookupState.KEY_MASK];
                Optional<Row> row = bench.pkGetDictDB(s);
                s.cursor = cursor;
                Map<String, Object> mapRow = bench.pkGetConcurrentHashMap(s);
                assertThat(s.cursor).isEqualTo(cursor + 1);
                assertThat(expectedKey).isBetween(1L, (long) ROWS);
                assertThat(row).isPresent();
                assertThat(row.get().getLong("id")).isEqualTo(expectedKey);
                assertThat(mapRow.get("id")).isEqualTo(expectedKey);
                assertThat(row.get()).containsAllEntriesOf(mapRow);
            }
        } finally {
            s.tearDown();
        }
    }

    @Test
    void hashIndexEqualityReturnsTheRowsOfAge30WithAndWithoutCopy() {
        EngineBenchmark bench = new EngineBenchmark();
        EngineBenchmark.HashIndexState s = new EngineBenchmark.HashIndexState();
        s.rows = ROWS;
        s.setup();
        try {
            assertThat(s.table.hasIndex("age")).isTrue();
            long expected = s.data.countAgeBetween(30, 30);
            assertThat(expected).isBetween(ROWS / 41L / 2, ROWS / 41L * 2);

            EngineBenchmark.ReturnedRows counter = new EngineBenchmark.ReturnedRows();
            counter.reset();
            List<Row> noCopy = bench.hashIndexEqNoCopy(s, counter);
            List<Row> copy = bench.hashIndexEqCopy(s, counter);
            assertThat(noCopy).hasSize((int) expected).allSatisfy(r -> assertThat(r.getLong("age")).isEqualTo(30L));
            assertThat(copy).isEqualTo(noCopy);
            assertThat(counter.rowsReturned).isEqualTo(2 * expected);
        } finally {
            s.tearDown();
        }
    }

    @Test
    void sortedIndexRangeReturnsAges30To32() {
        EngineBenchmark bench = new EngineBenchmark();
        EngineBenchmark.SortedIndexState s = new EngineBenchmark.SortedIndexState();
        s.rows = ROWS;
        s.setup();
        try {
            assertThat(s.table.hasIndex("age")).isTrue();
            EngineBenchmark.ReturnedRows counter = new EngineBenchmark.ReturnedRows();
            List<Row> rows = bench.sortedIndexRangeNoCopy(s, counter);
            assertThat(rows).hasSize((int) s.data.countAgeBetween(30, 32))
                    .allSatisfy(r -> assertThat(r.getLong("age")).isBetween(30L, 32L));
            assertThat(rows).extracting(r -> r.getLong("id")).isSorted();
            assertThat(counter.rowsReturned).isEqualTo(rows.size());
        } finally {
            s.tearDown();
        }
    }

    @Test
    void unindexedScanSelectsOnePercent() {
        EngineBenchmark bench = new EngineBenchmark();
        EngineBenchmark.ScanState s = new EngineBenchmark.ScanState();
        s.rows = ROWS;
        s.setup();
        try {
            assertThat(s.table.indexedFields()).isEmpty();
            EngineBenchmark.ScannedRows counter = new EngineBenchmark.ScannedRows();
            List<Row> rows = bench.unindexedScanNoCopy(s, counter);
            assertThat(rows).hasSize(ROWS / 100)
                    .allSatisfy(r -> assertThat(r.getDouble("salary")).isGreaterThan(s.salaryThreshold));
            assertThat(counter.rowsScanned).isEqualTo(ROWS);
            assertThat(counter.rowsReturned).isEqualTo(ROWS / 100);
        } finally {
            s.tearDown();
        }
    }

    @Test
    void insertAllFillsAFreshTableEveryInvocation() {
        EngineBenchmark bench = new EngineBenchmark();
        EngineBenchmark.InsertState s = new EngineBenchmark.InsertState();
        s.rows = ROWS;
        s.setupTrial();
        try {
            for (int round = 0; round < 2; round++) {
                s.freshTable();
                assertThat(s.table.count()).isZero();
                List<Object> keys = bench.insertAllNoIndexes(s);
                assertThat(keys).hasSize(ROWS).startsWith(1L).endsWith((long) ROWS);
                assertThat(s.table.indexedFields()).isEmpty();
                s.dropTable();
            }
        } finally {
            s.tearDownTrial();
        }
    }

    @Test
    void dataSetIsDeterministicAndWithinRanges() {
        BenchData a = BenchData.generate(ROWS);
        BenchData b = BenchData.generate(ROWS);
        assertThat(a.rows()).isEqualTo(b.rows()).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> row = a.rows().get(i);
            assertThat(row).containsOnlyKeys("id", "name", "age", "dept", "salary");
            assertThat(row.get("id")).isEqualTo((long) i + 1);
            assertThat(row.get("name")).isEqualTo("name-" + (i + 1));
            assertThat((Long) row.get("age")).isBetween(20L, 60L);
            assertThat((String) row.get("dept")).matches("dept[0-9]");
            assertThat((Double) row.get("salary")).isBetween(30_000.0, 130_000.0);
        }
        assertThat(a.rows().stream().map(r -> r.get("age")).distinct().count()).isEqualTo(41);
        assertThat(a.rows().stream().map(r -> r.get("dept")).distinct().count()).isEqualTo(10);
        assertThat(a.countSalaryAbove(a.salaryThresholdForFraction(0.01))).isEqualTo(ROWS / 100);
        assertThat(Arrays.stream(a.randomKeys(1000, 7)).allMatch(k -> k >= 1 && k <= ROWS)).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------
    // A minimal stand-in for the JMH life cycle.
    // ---------------------------------------------------------------------------------------------------------

    /** Creates the states of {@code method}, runs their setups, the method once, then the teardowns. */
    private static Object runOnce(Object bench, Method method) throws Exception {
        Map<Class<?>, Object> states = new LinkedHashMap<>();
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == Blackhole.class) {
                args[i] = new Blackhole(
                        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
                continue;
            }
            assertThat(type.isAnnotationPresent(State.class))
                    .as("parameter %s of %s is a @State", type.getSimpleName(), method.getName()).isTrue();
            Object state = states.get(type);
            if (state == null) {
                state = type.getDeclaredConstructor().newInstance();
                setParams(state);
                states.put(type, state);
            }
            args[i] = state;
        }
        for (Level level : Level.values()) {
            JmhLifecycle.setUp(states.values(), level);
        }
        try {
            return JmhLifecycle.invoke(method, bench, args);
        } finally {
            List<Level> levels = new ArrayList<>(Arrays.asList(Level.values()));
            Collections.reverse(levels);
            for (Level level : levels) {
                JmhLifecycle.tearDown(states.values(), level);
            }
        }
    }

    /** Sets every {@code @Param} field named {@code rows} to {@link #ROWS}; other parameters keep their first value. */
    private static void setParams(Object state) throws IllegalAccessException {
        for (java.lang.reflect.Field field : state.getClass().getFields()) {
            Param param = field.getAnnotation(Param.class);
            if (param == null) {
                continue;
            }
            String value = field.getName().equals("rows") ? String.valueOf(ROWS) : param.value()[0];
            Class<?> t = field.getType();
            if (t == int.class) {
                field.setInt(state, Integer.parseInt(value));
            } else if (t == long.class) {
                field.setLong(state, Long.parseLong(value));
            } else if (t == boolean.class) {
                field.setBoolean(state, Boolean.parseBoolean(value));
            } else if (t == String.class) {
                field.set(state, value);
            } else {
                throw new IllegalStateException("Unsupported @Param type " + t + " in " + state.getClass());
            }
        }
    }
}
