package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.Row;
import io.dictdb.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Section 6 of the production tutorial: a counter incremented by 10 threads, 100 times each. Read-then-update in a
 * {@code transaction} loses nothing: the counter ends at exactly 1 000. The tutorial's version, the same read and
 * update without a transaction, loses increments; it runs here too, to show how many.
 */
public final class SafeCounter {
    private static final int THREADS = 10;
    private static final int INCREMENTS_PER_THREAD = 100;

    /**
     * The counter after one way of incrementing it.
     *
     * @param way       how it was incremented
     * @param expected  how many increments were made
     * @param counter   the counter's final value
     * @param elapsed   how long the increments took
     */
    public record Run(String way, long expected, long counter, Duration elapsed) {
        /** @return how many increments were lost */
        public long lost() {
            return expected - counter;
        }
    }

    /**
     * What the section did.
     *
     * @param inTransaction   read-then-update in a transaction
     * @param atomicUpdate    one atomic read-modify-write update
     * @param unsafe          the tutorial's read-then-update without a transaction
     */
    public record Result(Run inTransaction, Run atomicUpdate, Run unsafe) implements SectionOutcome {
        @Override
        public String summary() {
            return "transaction " + inTransaction.counter() + "/" + inTransaction.expected()
                    + ", atomic update " + atomicUpdate.counter() + "/" + atomicUpdate.expected()
                    + ", no transaction " + unsafe.counter() + "/" + unsafe.expected() + " (" + unsafe.lost()
                    + " lost)";
        }
    }

    private SafeCounter() {
    }

    /**
     * Runs the section on its own.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("safe-counter", (dir, report) -> run(report));
    }

    /**
     * Runs the section.
     *
     * @param report where to report
     * @return what happened
     */
    public static Result run(Report report) {
        report.section("6. Concurrent writes: a counter that loses nothing");
        Run inTransaction = count("read-then-update in db.transaction(...)", SafeCounter::incrementInTransaction);
        Run atomicUpdate = count("update(where, row -> value + 1)", SafeCounter::incrementAtomically);
        Run unsafe = count("read-then-update without a transaction (the tutorial's)", SafeCounter::incrementUnsafely);
        report.step("%d threads x %d increments each:", THREADS, INCREMENTS_PER_THREAD);
        report.table(List.of("way", "counter", "lost", "time"), List.of(
                row(inTransaction), row(atomicUpdate), row(unsafe)));
        report.detail("(the losses without a transaction vary from run to run; they can even be 0)");
        return new Result(inTransaction, atomicUpdate, unsafe);
    }

    // tag::transaction[]
    /** Reads the counter, then writes it back plus one, as one serializable transaction. */
    static void incrementInTransaction(DictDB db) {
        db.transaction(tx -> {
            Table counters = tx.getTable("counters");
            long current = counters.get("visits").orElseThrow().getLong("value");
            counters.update(Map.of("value", current + 1), counters.field("name").eq("visits"));
        });
    }
    // end::transaction[]

    // tag::atomic[]
    /** The same in one statement: the function reads the row and computes its change inside the update. */
    static void incrementAtomically(DictDB db) {
        Table counters = db.getTable("counters");
        counters.update(counters.field("name").eq("visits"), row -> Map.of("value", row.getLong("value") + 1));
    }
    // end::atomic[]

    // tag::unsafe[]
    /**
     * The tutorial's {@code incrementer_compteur_safe}, which is not safe:
     * <pre>
     * current = table.select(where=table.name == "visites", copy=True)
     * if current:
     *     new_value = current[0]["value"] + 1
     *     table.update({"value": new_value}, where=table.name == "visites")
     * </pre>
     * The select and the update are each atomic, but not the pair: two threads can both read 41, both write 42,
     * and one increment is lost. Copying the rows ({@code copy=True}) protects the rows read, not the counter.
     */
    static void incrementUnsafely(DictDB db) {
        Table counters = db.getTable("counters");
        Optional<Row> current = counters.select().where(counters.field("name").eq("visits")).first();
        if (current.isPresent()) {
            long newValue = current.get().getLong("value") + 1;
            // Another thread may have written the counter since it was read: its increment is overwritten.
            counters.update(Map.of("value", newValue), counters.field("name").eq("visits"));
        }
    }
    // end::unsafe[]

    /** Runs the increments (each adds 1 to the counter {@code visits}) from all threads at once, on a new counter. */
    private static Run count(String way, Consumer<DictDB> increment) {
        try (DictDB db = new DictDB()) {
            db.createTable("counters", "name").insert(Map.of("name", "visits", "value", 0));
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        increment.accept(db);
                    }
                }, "counter-" + t);
                thread.start();
                threads.add(thread);
            }
            Duration elapsed = Timing.time(() -> {
                start.countDown();
                threads.forEach(SafeCounter::joinQuietly);
            });
            long value = db.getTable("counters").get("visits").orElseThrow().getLong("value");
            return new Run(way, (long) THREADS * INCREMENTS_PER_THREAD, value, elapsed);
        }
    }

    private static List<String> row(Run run) {
        return List.of(run.way(), run.counter() + " / " + run.expected(), String.valueOf(run.lost()),
                Timing.format(run.elapsed()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
