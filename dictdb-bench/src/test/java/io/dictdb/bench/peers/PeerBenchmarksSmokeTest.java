package io.dictdb.bench.peers;

import io.dictdb.bench.JmhLifecycle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.State;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs every peer benchmark method once for every store of its {@code store} parameter, on a tiny data set, the
 * way JMH would (setups, calls, teardowns, which check the stores against the oracle), and checks the results.
 * No timing is asserted.
 */
class PeerBenchmarksSmokeTest {

    private static final int ROWS = 1000;

    private static final List<Class<?>> WORKLOADS = List.of(W1BulkInsert.class, W2PrimaryKeyLookup.class,
            W3AgeEquality.class, W4RangeOrderLimit.class, W5GroupByAvg.class, W6UpdateByKey.class,
            W7MixedReadWrite.class);

    @TestFactory
    Stream<DynamicTest> everyBenchmarkMethodRunsForEveryStore() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> workload : WORKLOADS) {
            for (Method method : JmhLifecycle.benchmarkMethods(workload)) {
                for (String store : storesOf(method)) {
                    tests.add(DynamicTest.dynamicTest(workload.getSimpleName() + "." + method.getName() + "[" + store
                            + "]", () -> runAndCheck(workload, method, store)));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyWorkloadHasItsBenchmarksAndStores() {
        Map<String, Set<String>> stores = new LinkedHashMap<>();
        for (Class<?> workload : WORKLOADS) {
            for (Method method : JmhLifecycle.benchmarkMethods(workload)) {
                stores.put(method.getName(), storesOf(method));
            }
        }
        List<String> all = Stores.ALL;
        assertThat(stores).containsOnlyKeys("bulkInsert", "getById", "eqNoIndex", "eqHashIndex", "eqSortedIndex",
                "rangeTop10", "avgSalaryByDept", "updateSalary", "mixed90Read10Write");
        stores.forEach((method, names) -> assertThat(all).as(method).containsAll(names));
        assertThat(stores.get("eqNoIndex")).containsExactly("dictdb", "h2", "hsqldb", "sqlite", "cqengine");
        assertThat(stores.get("avgSalaryByDept")).containsExactly("dictdb", "h2", "hsqldb", "sqlite");
        for (String full : List.of("bulkInsert", "getById", "eqHashIndex", "eqSortedIndex", "rangeTop10",
                "updateSalary", "mixed90Read10Write")) {
            assertThat(stores.get(full)).as(full).containsExactlyElementsOf(all);
        }
    }

    /**
     * W7 on two real threads for every store: an update must be atomic for readers (a reader that finds no row
     * fails the benchmark), and two writers of the same row must not corrupt the store.
     */
    @TestFactory
    Stream<DynamicTest> mixedWorkloadOnTwoThreadsNeverMissesARow() {
        return Stores.ALL.stream().map(store -> DynamicTest.dynamicTest("W7 on 2 threads [" + store + "]", () -> {
            W7MixedReadWrite bench = new W7MixedReadWrite();
            W7MixedReadWrite.Shared shared = new W7MixedReadWrite.Shared();
            shared.store = store;
            shared.rows = 200; // few rows: the two threads often meet on the same row
            shared.setup();
            try {
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
                    for (int t = 0; t < 2; t++) {
                        done.add(pool.submit(() -> {
                            W7MixedReadWrite.PerThread mine = new W7MixedReadWrite.PerThread();
                            int reads = 0;
                            for (int i = 0; i < 25_000; i++) { // 2.5 passes over the sequence
                                if (bench.mixed90Read10Write(shared, mine) != null) {
                                    reads++;
                                }
                            }
                            return reads;
                        }));
                    }
                    for (java.util.concurrent.Future<Integer> f : done) {
                        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isBetween(22_000, 23_000);
                    }
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                shared.tearDown(); // checks the count and every field but the salary of sampled rows
            }
        }));
    }

    @Test
    void combinationsLeftOutAreNotAvailableInTheStores() {
        PeerData data = PeerData.of(ROWS);
        try (Store chm = Stores.loaded("chm", data, AgeIndex.NONE, false);
             Store cqengine = Stores.loaded("cqengine", data, AgeIndex.NONE, false)) {
            assertThatThrownBy(() -> chm.selectAgeEq(30)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(chm::avgSalaryByDept).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(cqengine::avgSalaryByDept).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aStoreGivingAnotherAnswerFailsTheChecks() {
        PeerData data = PeerData.of(ROWS);
        try (Store dictdb = Stores.loaded("dictdb", data, AgeIndex.SORTED, false)) {
            data.checkRangeTop10(dictdb);
            long id = data.ageEqIds()[0];
            dictdb.updateSalaryById(id, 1e9); // now the best paid of the range
            assertThatThrownBy(() -> data.checkRangeTop10(dictdb)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Store 'dictdb' gives a different answer for top 10");
            assertThatThrownBy(() -> data.checkRow(dictdb, id, data.person(id).salary()))
                    .hasMessageContaining("getById(" + id + ")");
            data.checkAgeEq(dictdb);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // One benchmark call and the check of its result.
    // ---------------------------------------------------------------------------------------------------------

    private static void runAndCheck(Class<?> workload, Method method, String store) throws Exception {
        Object bench = workload.getDeclaredConstructor().newInstance();
        Map<Class<?>, Object> states = new LinkedHashMap<>();
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            assertThat(types[i].isAnnotationPresent(State.class)).as("parameter %d of %s", i, method).isTrue();
            Object state = states.computeIfAbsent(types[i], PeerBenchmarksSmokeTest::newState);
            setParams(state, store);
            args[i] = state;
        }
        JmhLifecycle.setUp(states.values(), Level.Trial);
        JmhLifecycle.setUp(states.values(), Level.Iteration);
        try {
            switch (method.getName()) {
                case "bulkInsert":
                    assertThat(once(bench, method, args, states)).isInstanceOf(Store.class);
                    break;
                case "getById": {
                    W2PrimaryKeyLookup.Loaded s = (W2PrimaryKeyLookup.Loaded) args[0];
                    Long key = s.keys[0];
                    Person row = Results.person(once(bench, method, args, states));
                    assertThat(row.id()).isEqualTo(key);
                    assertThat(row.name()).isEqualTo("name-" + key);
                    assertThat(s.cursor).isEqualTo(1);
                    break;
                }
                case "eqNoIndex":
                case "eqHashIndex":
                case "eqSortedIndex": {
                    LoadedState s = (LoadedState) args[0];
                    List<?> rows = (List<?>) once(bench, method, args, states);
                    long[] ids = Results.ids(rows);
                    Arrays.sort(ids);
                    assertThat(ids).isNotEmpty().containsExactly(s.data.ageEqIds());
                    assertThat(rows).allSatisfy(r -> assertThat(Results.person(r).age()).isEqualTo(30L));
                    break;
                }
                case "rangeTop10": {
                    LoadedState s = (LoadedState) args[0];
                    List<?> rows = (List<?>) once(bench, method, args, states);
                    assertThat(Results.ids(rows)).hasSize(10).containsExactly(s.data.rangeTop10Ids());
                    assertThat(rows).extracting(r -> Results.person(r).salary())
                            .isSortedAccordingTo(Comparator.reverseOrder());
                    assertThat(rows).allSatisfy(r -> assertThat(Results.person(r).age()).isBetween(30L, 32L));
                    break;
                }
                case "avgSalaryByDept": {
                    LoadedState s = (LoadedState) args[0];
                    Map<String, Double> avg = Results.averages((List<?>) once(bench, method, args, states));
                    assertThat(avg).hasSize(10).containsOnlyKeys(s.data.avgByDept().keySet());
                    s.data.avgByDept().forEach((dept, x) -> assertThat(avg.get(dept)).isCloseTo(x, within(1e-6)));
                    break;
                }
                case "updateSalary": {
                    W6UpdateByKey.Loaded s = (W6UpdateByKey.Loaded) args[0];
                    once(bench, method, args, states);
                    assertThat(Results.person(s.target.getById(s.keys[0])).salary()).isEqualTo(s.salaryOf(0));
                    break;
                }
                case "mixed90Read10Write": {
                    W7MixedReadWrite.PerThread t = null;
                    int reads = 0;
                    int writes = 0;
                    for (int i = 0; i < 100; i++) {
                        Object result = once(bench, method, args, states);
                        t = (W7MixedReadWrite.PerThread) states.get(W7MixedReadWrite.PerThread.class);
                        if (t.writes[i]) {
                            writes++;
                            assertThat(result).isNull();
                            assertThat(Results.person(t.session.getById(t.keys[i])).salary())
                                    .isEqualTo(t.salaryAt(i));
                        } else {
                            reads++;
                            assertThat(Results.person(result).id()).isEqualTo(t.keys[i]);
                        }
                    }
                    assertThat(writes).isBetween(1, 30);
                    assertThat(reads).isEqualTo(100 - writes);
                    break;
                }
                default:
                    throw new AssertionError("No check for benchmark " + method.getName());
            }
        } finally {
            JmhLifecycle.tearDown(states.values(), Level.Iteration);
            JmhLifecycle.tearDown(states.values(), Level.Trial);
        }
    }

    /** One call of the benchmark with the invocation-level helpers around it. */
    private static Object once(Object bench, Method method, Object[] args, Map<Class<?>, Object> states)
            throws Exception {
        JmhLifecycle.setUp(states.values(), Level.Invocation);
        try {
            return JmhLifecycle.invoke(method, bench, args);
        } finally {
            JmhLifecycle.tearDown(states.values(), Level.Invocation);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The states and their parameters.
    // ---------------------------------------------------------------------------------------------------------

    /** The values of the {@code store} parameter of the method's states. */
    private static Set<String> storesOf(Method method) {
        Set<String> stores = new LinkedHashSet<>();
        for (Class<?> type : method.getParameterTypes()) {
            for (java.lang.reflect.Field field : type.getFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param != null && field.getName().equals("store")) {
                    stores.addAll(Arrays.asList(param.value()));
                }
            }
        }
        assertThat(stores).as("stores of %s", method).isNotEmpty();
        return stores;
    }

    private static Object newState(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code store} to the given store, {@code rows} to {@link #ROWS}; no other parameter exists. */
    private static void setParams(Object state, String store) throws IllegalAccessException {
        for (java.lang.reflect.Field field : state.getClass().getFields()) {
            if (!field.isAnnotationPresent(Param.class)) {
                continue;
            }
            switch (field.getName()) {
                case "store":
                    field.set(state, store);
                    break;
                case "rows":
                    field.setInt(state, ROWS);
                    break;
                default:
                    throw new IllegalStateException("Unexpected @Param " + field);
            }
        }
    }
}
