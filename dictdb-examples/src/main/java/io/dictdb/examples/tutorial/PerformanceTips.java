package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Section 10 of the production tutorial: the performance tips, each measured side by side with the way it
 * improves on: a HASH index for equality, a SORTED index for ranges, {@code copy(false)} for read-only results,
 * bulk inserts (with {@code batchSize}) instead of one insert per record, and {@code skipValidation} for trusted
 * data. Both ways always give the same result; only the time differs. Timings are printed for information: they
 * depend on the machine and vary from run to run.
 */
public final class PerformanceTips {
    /** Rows in the table of each measurement. */
    public static final int ROWS = 20_000;
    private static final int CUSTOMERS = 1_000;
    private static final int LOOKUPS = 200;
    private static final int RANGES = 100;
    private static final int FULL_READS = 10;
    private static final int WARM_UP = 3;
    private static final Schema SCHEMA = Schema.builder()
            .field("customer_id", FieldType.STRING)
            .field("amount", FieldType.DOUBLE)
            .field("category", FieldType.STRING)
            .build();

    /**
     * One tip, measured.
     *
     * @param tip        what is compared
     * @param without    the way without the tip
     * @param slower     its time
     * @param with       the way with the tip
     * @param faster     its time
     * @param sameResult whether both ways gave the same result
     * @param result     that result (rows found, read or inserted)
     */
    public record Comparison(String tip, String without, Duration slower, String with, Duration faster,
                             boolean sameResult, long result) {
        /**
         * Compares two measurements of the same work done two ways.
         *
         * @param tip     what is compared
         * @param without the way without the tip
         * @param slower  its measurement
         * @param with    the way with the tip
         * @param faster  its measurement
         * @return the comparison
         */
        public static Comparison of(String tip, String without, Timing.Timed<Long> slower, String with,
                                    Timing.Timed<Long> faster) {
            return new Comparison(tip, without, slower.elapsed(), with, faster.elapsed(),
                    slower.value().equals(faster.value()), faster.value());
        }
    }

    /**
     * What the section did.
     *
     * @param comparisons             each tip, measured
     * @param copyFalseRowsImmutable  whether modifying a row read with {@code copy(false)} was refused
     */
    public record Result(List<Comparison> comparisons, boolean copyFalseRowsImmutable) implements SectionOutcome {
        @Override
        public String summary() {
            List<String> ratios = new ArrayList<>();
            for (Comparison c : comparisons) {
                ratios.add(c.with() + " " + Timing.speedUp(c.slower(), c.faster()));
            }
            boolean same = comparisons.stream().allMatch(Comparison::sameResult);
            return ROWS + " rows, " + (same ? "same results both ways" : "RESULTS DIFFER") + "; " + ratios;
        }
    }

    private PerformanceTips() {
    }

    /**
     * Runs the section on its own.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("performance", (dir, report) -> run(report));
    }

    /**
     * Runs the section.
     *
     * @param report where to report
     * @return what happened
     */
    public static Result run(Report report) {
        report.section("10. Performance tips, measured side by side (" + String.format(Locale.ROOT, "%,d", ROWS)
                + " rows)");
        List<Map<String, Object>> records = transactions(ROWS);
        List<Comparison> comparisons = new ArrayList<>();
        boolean immutable;
        try (DictDB db = new DictDB()) {
            Table transactions = db.createTable("transactions", "id", SCHEMA);
            transactions.insertAll(records);
            Timing.Timed<Long> lookupsWithout = measure(() -> lookUpCustomers(transactions));
            Timing.Timed<Long> rangesWithout = measure(() -> selectAmountRanges(transactions));
            createIndexes(transactions);
            Timing.Timed<Long> lookupsWith = measure(() -> lookUpCustomers(transactions));
            Timing.Timed<Long> rangesWith = measure(() -> selectAmountRanges(transactions));
            comparisons.add(Comparison.of("equality: " + LOOKUPS + " customer_id lookups",
                    "no index", lookupsWithout, "HASH index", lookupsWith));
            comparisons.add(Comparison.of("range: " + RANGES + " amount ranges",
                    "no index", rangesWithout, "SORTED index", rangesWith));
            comparisons.add(Comparison.of("read-only results: " + FULL_READS + " reads of 10 000 rows",
                    "copy(true)", measure(() -> readWithCopies(transactions)),
                    "copy(false)", measure(() -> readWithoutCopies(transactions))));
            immutable = rowsReadWithoutCopyAreImmutable(transactions);
        }
        comparisons.add(Comparison.of("bulk insert of " + ROWS + " records",
                "insert() one by one", measure(() -> intoNewTable(table -> insertOneByOne(table, records))),
                "insertAll(batchSize 1000)", measure(() -> intoNewTable(table -> insertInBatches(table, records)))));
        comparisons.add(Comparison.of("trusted data",
                "insertAll, validated", measure(() -> intoNewTable(table -> table.insertAll(records))),
                "insertAll(skipValidation)", measure(() -> intoNewTable(table -> insertTrusted(table, records)))));

        List<List<String>> rows = new ArrayList<>();
        for (Comparison c : comparisons) {
            rows.add(List.of(c.tip(), c.without() + ": " + Timing.format(c.slower()),
                    c.with() + ": " + Timing.format(c.faster()), Timing.speedUp(c.slower(), c.faster()),
                    c.sameResult() ? "yes (" + c.result() + ")" : "NO"));
        }
        report.step("each way timed on the same data, after %d warm-up runs (figures vary with the machine):",
                WARM_UP);
        report.table(List.of("tip", "without", "with", "speed-up", "same result"), rows);
        report.step("a row read with copy(false) is immutable: %s",
                immutable ? "changing it throws UnsupportedOperationException" : "NO, it could be changed");
        return new Result(comparisons, immutable);
    }

    // tag::indexes[]
    private static void createIndexes(Table transactions) {
        transactions.createIndex("customer_id", IndexType.HASH);   // equality and isIn: one hash lookup
        transactions.createIndex("amount", IndexType.SORTED);      // ranges, prefixes, ORDER BY ... LIMIT
    }
    // end::indexes[]

    private static long lookUpCustomers(Table transactions) {
        long found = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            String customer = customerId(i * 37 % CUSTOMERS);
            found += transactions.select().where(transactions.field("customer_id").eq(customer)).count();
        }
        return found;
    }

    private static long selectAmountRanges(Table transactions) {
        long found = 0;
        for (int i = 0; i < RANGES; i++) {
            double low = i * 97 % 10_000;
            found += transactions.select().where(transactions.field("amount").between(low, low + 20)).count();
        }
        return found;
    }

    private static long readWithCopies(Table logs) {
        long read = 0;
        for (int i = 0; i < FULL_READS; i++) {
            List<Row> rows = logs.select().limit(10_000).list();   // the default: deep, mutable copies
            read += rows.size();
        }
        return read;
    }

    private static long readWithoutCopies(Table logs) {
        long read = 0;
        for (int i = 0; i < FULL_READS; i++) {
            // tag::copy[]
            List<Row> rows = logs.select().limit(10_000).copy(false).list();   // the stored rows: read only
            // end::copy[]
            read += rows.size();
        }
        return read;
    }

    private static boolean rowsReadWithoutCopyAreImmutable(Table logs) {
        Row row = logs.select().limit(1).copy(false).first().orElseThrow();
        try {
            row.put("amount", -1.0);
            return false;
        } catch (UnsupportedOperationException expected) {
            return true;
        }
    }

    private static void insertOneByOne(Table events, List<Map<String, Object>> records) {
        for (Map<String, Object> record : records) {
            events.insert(record);   // one atomic write per record
        }
    }

    // tag::batch[]
    private static void insertInBatches(Table events, List<Map<String, Object>> records) {
        events.insertAll(records, InsertOptions.builder().batchSize(1_000).build());   // one atomic write
    }
    // end::batch[]

    // tag::skipValidation[]
    private static void insertTrusted(Table events, List<Map<String, Object>> records) {
        // Only for data already validated elsewhere: the schema's rules are not checked.
        events.insertAll(records, InsertOptions.builder().skipValidation(true).build());
    }
    // end::skipValidation[]

    /** Inserts into a new table with the schema, and counts the rows that got there. */
    private static long intoNewTable(Consumer<Table> insert) {
        try (DictDB db = new DictDB()) {
            Table events = db.createTable("events", "id", SCHEMA);
            insert.accept(events);
            return events.count();
        }
    }

    /** Runs a measurement a few times to warm up, then once more, timed. */
    private static Timing.Timed<Long> measure(LongSupplier work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.getAsLong();
        }
        return Timing.time(work::getAsLong);
    }

    private static List<Map<String, Object>> transactions(int count) {
        Random random = new Random(7);
        List<Map<String, Object>> transactions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            transactions.add(Map.of(
                    "customer_id", customerId(random.nextInt(CUSTOMERS)),
                    "amount", Math.round(random.nextDouble() * 1_000_000) / 100.0,
                    "category", i % 3 == 0 ? "refund" : "purchase"));
        }
        return transactions;
    }

    private static String customerId(int n) {
        return String.format(Locale.ROOT, "C%04d", n);
    }
}
