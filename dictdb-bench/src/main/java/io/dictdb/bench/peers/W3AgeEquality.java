package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * W3, equality {@code age == 30} (about N/41 rows) returning whole rows, without an index on {@code age}, with a
 * hash index and with a sorted index (the benchmark of the Python DictDB). DictDB:
 * {@code select().where(Field.of("age").eq(30)).copy(false).list()}; JDBC: prepared {@code SELECT ... WHERE age = ?}
 * read into {@link Person}s; CQEngine: {@code retrieve(equal(AGE, 30))} copied into a list; floor: a copy of the
 * list the {@code HashMap}/{@code TreeMap} holds for 30 (n/a without index). See {@link AgeIndex} for the
 * index each system builds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class W3AgeEquality {

    abstract static class IndexedState extends LoadedState {
        void setup(AgeIndex kind) {
            load(kind, false);
            data.checkAgeEq(target);
            report("W3 age == " + PeerData.AGE_EQ + ", index " + kind, storeName(), rowCount(),
                    "rows returned per op=" + data.ageEqIds().length);
        }
    }

    /** No index on age (the floor has no scan: not listed). */
    @State(Scope.Benchmark)
    public static class NoIndex extends IndexedState {
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine"})
        public String store;

        @Param({"10000", "1000000"})
        public int rows;

        @Override
        String storeName() {
            return store;
        }

        @Override
        int rowCount() {
            return rows;
        }

        @Setup(Level.Trial)
        public void setup() {
            setup(AgeIndex.NONE);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    /** A hash index on age. */
    @State(Scope.Benchmark)
    public static class HashIndex extends IndexedState {
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm"})
        public String store;

        @Param({"10000", "1000000"})
        public int rows;

        @Override
        String storeName() {
            return store;
        }

        @Override
        int rowCount() {
            return rows;
        }

        @Setup(Level.Trial)
        public void setup() {
            setup(AgeIndex.HASH);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    /** A sorted index on age. */
    @State(Scope.Benchmark)
    public static class SortedIndex extends IndexedState {
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm"})
        public String store;

        @Param({"10000", "1000000"})
        public int rows;

        @Override
        String storeName() {
            return store;
        }

        @Override
        int rowCount() {
            return rows;
        }

        @Setup(Level.Trial)
        public void setup() {
            setup(AgeIndex.SORTED);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    @Benchmark
    public List<?> eqNoIndex(NoIndex s) {
        return s.target.selectAgeEq(PeerData.AGE_EQ);
    }

    @Benchmark
    public List<?> eqHashIndex(HashIndex s) {
        return s.target.selectAgeEq(PeerData.AGE_EQ);
    }

    @Benchmark
    public List<?> eqSortedIndex(SortedIndex s) {
        return s.target.selectAgeEq(PeerData.AGE_EQ);
    }
}
