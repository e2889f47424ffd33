package io.dictdb.examples.tutorial;

import io.dictdb.Aggregate;
import io.dictdb.DictDB;
import io.dictdb.Row;
import io.dictdb.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Section 5 of the production tutorial: 10 threads read the same table at the same time, without blocking each
 * other. Meanwhile a writer moves stock between products in transactions; every reader always sees the same total
 * stock, because each query runs on a consistent snapshot (never half of a transaction).
 */
public final class ConcurrentReads {
    private static final int PRODUCTS = 1_000;
    private static final int READERS = 10;
    private static final int READS_PER_THREAD = 50;
    private static final int STOCK_TRANSFERS = 500;

    /**
     * What one reader thread saw.
     *
     * @param thread          the reader's number
     * @param expensiveFound  how many products each of its queries returned (the 10 most expensive above 500)
     * @param stockTotalsSeen the distinct total stocks it read
     */
    public record ReaderResult(int thread, List<Integer> expensiveFound, List<Long> stockTotalsSeen) {
    }

    /**
     * What the section did.
     *
     * @param readers            each reader's result
     * @param initialStockTotal  the total stock before the transfers (and after: they move stock, never create it)
     * @param transfersCommitted how many transfers the writer committed while the readers read
     * @param elapsed            how long the readers took
     */
    public record Result(List<ReaderResult> readers, long initialStockTotal, int transfersCommitted,
                         Duration elapsed) implements SectionOutcome {
        @Override
        public String summary() {
            return readers.size() + " threads x " + READS_PER_THREAD + " reads, all saw total stock "
                    + initialStockTotal + " during " + transfersCommitted + " transfers";
        }
    }

    private ConcurrentReads() {
    }

    /**
     * Runs the section on its own.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("concurrent-reads", (dir, report) -> run(report));
    }

    /**
     * Runs the section.
     *
     * @param report where to report
     * @return what happened
     */
    public static Result run(Report report) {
        report.section("5. Concurrent reads from " + READERS + " threads");
        try (DictDB db = new DictDB()) {
            Table products = db.createTable("products");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                rows.add(Map.of("name", "Product " + i, "price", i * 9.99, "stock", i % 100));
            }
            products.insertAll(rows);
            long initialTotal = totalStock(products);
            report.step("%d products, total stock %d", products.count(), initialTotal);

            ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ReaderResult>> readers = new ArrayList<>();
                for (int thread = 0; thread < READERS; thread++) {
                    readers.add(pool.submit(reader(products, thread, start)));
                }
                Future<Integer> writer = pool.submit(stockMover(db, start));
                long startNanos = System.nanoTime();
                start.countDown();
                List<ReaderResult> results = new ArrayList<>();
                for (Future<ReaderResult> reader : readers) {
                    results.add(await(reader));
                }
                Duration elapsed = Timing.since(startNanos);
                int transfers = await(writer);
                report.step("%d reader threads x %d reads in %s, while a writer committed %d stock transfers:",
                        READERS, READS_PER_THREAD, Timing.format(elapsed), transfers);
                for (ReaderResult result : results) {
                    report.detail("thread %d: found %s expensive products each time, total stock seen %s",
                            result.thread(), distinct(result.expensiveFound()), result.stockTotalsSeen());
                }
                report.step("total stock after the transfers: %d", totalStock(products));
                return new Result(results, initialTotal, transfers, elapsed);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // tag::reader[]
    /** The tutorial's {@code lecteur_thread}: the 10 most expensive products above 500, and the total stock. */
    private static Callable<ReaderResult> reader(Table products, int thread, CountDownLatch start) {
        return () -> {
            start.await();
            List<Integer> found = new ArrayList<>();
            List<Long> totals = new ArrayList<>();
            for (int i = 0; i < READS_PER_THREAD; i++) {
                List<Row> expensive = products.select()
                        .where(products.field("price").gt(500))
                        .orderBy("-price")
                        .limit(10)
                        .list();
                found.add(expensive.size());
                long total = totalStock(products);   // one consistent snapshot per query
                if (!totals.contains(total)) {
                    totals.add(total);
                }
            }
            return new ReaderResult(thread, found, totals);
        };
    }
    // end::reader[]

    /** Moves one unit of stock from a product to another in each transaction: the total never changes. */
    private static Callable<Integer> stockMover(DictDB db, CountDownLatch start) {
        return () -> {
            start.await();
            for (int i = 0; i < STOCK_TRANSFERS; i++) {
                long from = 1 + (i * 7L) % PRODUCTS;
                long to = 1 + (i * 13L + 500) % PRODUCTS;
                db.transaction(tx -> {
                    Table products = tx.getTable("products");
                    long stock = products.get(from).orElseThrow().getLong("stock");
                    if (stock > 0 && from != to) {
                        products.update(Map.of("stock", stock - 1), products.field("id").eq(from));
                        long target = products.get(to).orElseThrow().getLong("stock");
                        products.update(Map.of("stock", target + 1), products.field("id").eq(to));
                    }
                });
            }
            return STOCK_TRANSFERS;
        };
    }

    private static long totalStock(Table products) {
        return products.aggregate().agg("stock", Aggregate.sum("stock")).one().getLong("stock");
    }

    private static List<Integer> distinct(List<Integer> values) {
        return values.stream().distinct().toList();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A thread failed", e.getCause());
        }
    }
}
