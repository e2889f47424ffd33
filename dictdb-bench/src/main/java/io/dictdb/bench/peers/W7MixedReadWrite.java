package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Threads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W7, two threads each running a mix of 90 % primary-key lookups (W2) and 10 % single-row salary updates by key
 * (W6), in a fixed shuffled order, on the same table. Throughput of both threads together. Each thread uses a
 * session of the store: the store itself where it is thread-safe (DictDB, CQEngine as a
 * {@code TransactionalIndexedCollection}, the floor), its own connection to the same in-memory database for H2 and
 * HSQLDB, and the one connection, one statement at a time, for SQLite (whose in-memory database belongs to a
 * connection). Every read must find its row: a store whose update is not atomic for readers fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {PeerJvm.HEAP_MIN, PeerJvm.HEAP_MAX, PeerJvm.PRE_TOUCH})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Threads(2)
public class W7MixedReadWrite {

    /** Length of each thread's operation sequence; a tenth of it are writes. */
    static final int OPS = 10_000;

    /** Every store, loaded for concurrent writers without index on {@code age}, shared by the threads. */
    @State(Scope.Benchmark)
    public static class Shared extends EveryStoreState {
        final AtomicInteger threads = new AtomicInteger();

        @Override
        boolean concurrentWriters() {
            return true;
        }

        @Override
        void prepare() {
            report("W7 mixed 90 % reads / 10 % writes, 2 threads", store, rows, "rows per op=1");
        }

        /** Salaries have changed, nothing else may. */
        @Override
        void checkBeforeClose() {
            data.checkContent(target, false);
        }
    }

    /** One thread's session of the store and its pre-generated operation sequence. */
    @State(Scope.Thread)
    public static class PerThread {
        Store session;
        Long[] keys;
        double[] salaries;
        boolean[] writes;
        int cursor;
        /** Passes over the sequence so far: added to the salaries, so an update always changes the row. */
        int pass;

        /** The salary the current pass writes at position {@code i}. */
        double salaryAt(int i) {
            return salaries[i] + pass;
        }

        void init(Shared shared) {
            int thread = shared.threads.getAndIncrement();
            session = shared.target.session();
            keys = Keys.boxed(shared.data, OPS, 100 + thread);
            salaries = Keys.salaries(OPS, 200 + thread);
            List<Boolean> pattern = new ArrayList<>(OPS);
            for (int i = 0; i < OPS; i++) {
                pattern.add(i < OPS / 10);
            }
            Collections.shuffle(pattern, new Random(300 + thread));
            writes = new boolean[OPS];
            for (int i = 0; i < OPS; i++) {
                writes[i] = pattern.get(i);
            }
        }
    }

    /** The next operation of this thread's sequence: a lookup, or an update (then {@code null}). */
    @Benchmark
    public Object mixed90Read10Write(Shared shared, PerThread t) {
        if (t.session == null) {
            t.init(shared);
        }
        int i = t.cursor;
        if (i + 1 == OPS) {
            t.cursor = 0;
            t.pass++;
        } else {
            t.cursor = i + 1;
        }
        if (t.writes[i]) {
            t.session.updateSalaryById(t.keys[i], t.salaryAt(i));
            return null;
        }
        Object row = t.session.getById(t.keys[i]);
        if (row == null) {
            throw new IllegalStateException(shared.store + ": row " + t.keys[i] + " not found during a concurrent update");
        }
        return row;
    }
}
