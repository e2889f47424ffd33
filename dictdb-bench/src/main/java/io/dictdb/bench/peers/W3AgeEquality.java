package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * W3, equality {@code age == 30} (about N/41 rows) returning whole rows, without an index on {@code age}, with a
 * hash index and with a sorted index (the benchmark of the Python DictDB). DictDB:
 * {@code select().where(Field.of("age").eq(30)).copy(false).list()}; JDBC: prepared {@code SELECT ... WHERE age = ?}
 * read into {@link Person}s; CQEngine: {@code retrieve(equal(AGE, 30))} copied into a list; floor: a copy of the
 * list the {@code HashMap}/{@code TreeMap} holds for 30 (n/a without index). See {@link AgeIndex} for the
 * index each system builds.
 */
public class W3AgeEquality extends AverageTimeWorkload {

    /** No index on age (the floor has no scan: not listed). */
    @State(Scope.Benchmark)
    public static class NoIndex extends LoadedState {
        /** The systems that filter without an index: every one but the floor. */
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine"})
        public String store;

        @Override
        String storeName() {
            return store;
        }

        @Override
        void prepare() {
            checkAndReport(this);
        }
    }

    /** Every store with an index on age; the subclass says which kind. */
    abstract static class IndexedState extends EveryStoreState {
        @Override
        void prepare() {
            checkAndReport(this);
        }
    }

    /** A hash index on age. */
    @State(Scope.Benchmark)
    public static class HashIndex extends IndexedState {
        @Override
        AgeIndex ageIndex() {
            return AgeIndex.HASH;
        }
    }

    /** A sorted index on age. */
    @State(Scope.Benchmark)
    public static class SortedIndex extends IndexedState {
        @Override
        AgeIndex ageIndex() {
            return AgeIndex.SORTED;
        }
    }

    /** Checks the store's answer and prints the set-up report of one of the three states. */
    static void checkAndReport(LoadedState s) {
        s.data.checkAgeEq(s.target);
        LoadedState.report("W3 age == " + PeerData.AGE_EQ + ", index " + s.ageIndex(), s.storeName(), s.rows,
                "rows returned per op=" + s.data.ageEqIds().length);
    }

    /** {@code age == 30} without an index on age. */
    @Benchmark
    public List<?> eqNoIndex(NoIndex s) {
        return s.target.selectAgeEq(PeerData.AGE_EQ);
    }

    /** {@code age == 30} through the hash index on age. */
    @Benchmark
    public List<?> eqHashIndex(HashIndex s) {
        return s.target.selectAgeEq(PeerData.AGE_EQ);
    }

    /** {@code age == 30} through the sorted index on age. */
    @Benchmark
    public List<?> eqSortedIndex(SortedIndex s) {
        return s.target.selectAgeEq(PeerData.AGE_EQ);
    }
}
