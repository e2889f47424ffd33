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

import java.util.concurrent.TimeUnit;

/**
 * W1, bulk insert: the whole data set into an empty table that has its primary key and no other index.
 * DictDB: {@code insertAll(maps)} (atomic); JDBC: one prepared {@code INSERT}, batches of 1000, one transaction;
 * CQEngine: {@code addAll} with its unique index on the id; floor: {@code ConcurrentHashMap.put} per row.
 * Single-shot: each measured call fills a fresh store created outside the measurement, and the store's content
 * is checked after every call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {PeerJvm.HEAP_MIN, PeerJvm.HEAP_MAX, PeerJvm.PRE_TOUCH})
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 8, batchSize = 1)
public class W1BulkInsert {

    @State(Scope.Benchmark)
    public static class EmptyStore {
        @Param({"dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm"})
        public String store;

        @Param({"10000", "1000000"})
        public int rows;

        PeerData data;
        Store target;

        @Setup(Level.Trial)
        public void data() {
            data = PeerData.of(rows);
            LoadedState.report("W1 bulk insert", store, rows, "rows inserted per op=" + rows);
        }

        @Setup(Level.Invocation)
        public void open() {
            target = Stores.open(store);
        }

        @TearDown(Level.Invocation)
        public void checkAndClose() {
            try {
                data.checkContent(target);
            } finally {
                target.close();
                target = null;
            }
        }
    }

    @Benchmark
    public Store bulkInsert(EmptyStore s) {
        s.target.insertAll(s.data);
        return s.target;
    }
}
