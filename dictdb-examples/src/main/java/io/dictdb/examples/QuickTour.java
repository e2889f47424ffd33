package io.dictdb.examples;

import io.dictdb.Aggregate;
import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.DuplicateKeyException;
import io.dictdb.FieldType;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.Table;
import io.dictdb.UpsertResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tour of DictDB for Java on the embedded default: tables with a schema, bulk inserts, hash and sorted indexes,
 * queries, aggregations, upserts, updates, deletes and a transaction. It prints each step with its outcome and
 * timing, and returns the figures it printed so that a test can check them.
 *
 * <p>Run it with {@code mvn -q install -DskipTests && mvn -q -pl dictdb-examples exec:java
 * -Dexec.mainClass=io.dictdb.examples.QuickTour}.
 */
public final class QuickTour {
    private static final String[] DEPARTMENTS = {"Engineering", "Sales", "Support", "Finance", "Legal"};

    /** What the tour found, step by step (the printed figures). */
    public static final class Report {
        /** Step name to outcome. */
        public final Map<String, Object> outcomes = new LinkedHashMap<>();
    }

    private QuickTour() {
    }

    /**
     * Runs the tour and prints it.
     *
     * @param args optional: the number of employees (default 100 000)
     */
    public static void main(String[] args) {
        int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        run(employees, System.out);
    }

    /**
     * Runs the tour.
     *
     * @param employees how many employee rows to create
     * @param out       where to print
     * @return the outcomes
     */
    public static Report run(int employees, PrintStream out) {
        Report report = new Report();
        try (DictDB db = new DictDB()) {
            out.println("DictDB for Java - quick tour (" + employees + " employees)");
            out.println();

            Schema schema = Schema.builder()
                    .field("name", FieldType.STRING)
                    .field("age", FieldType.LONG)
                    .field("dept", FieldType.STRING)
                    .field("salary", FieldType.DOUBLE)
                    .optionalField("email", FieldType.STRING)
                    .field("status", FieldType.STRING, "active")
                    .build();
            Table staff = db.createTable("employees", "id", schema);
            Table accounts = db.createTable("accounts", "owner");
            step(out, report, "tables", db.listTables(), 0);

            long start = System.nanoTime();
            Random random = new Random(42);
            List<Map<String, Object>> rows = new ArrayList<>(employees);
            for (int i = 1; i <= employees; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", "Employee " + i);
                row.put("age", 20 + random.nextInt(41));
                row.put("dept", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
                row.put("salary", 30_000 + random.nextInt(90_000));
                if (i % 3 == 0) {
                    row.put("email", "employee" + i + "@example.com");
                }
                rows.add(row);
            }
            List<Object> keys = staff.insertAll(rows, InsertOptions.builder().batchSize(10_000).build());
            step(out, report, "inserted", keys.size(), start);

            start = System.nanoTime();
            staff.createIndex("dept", IndexType.HASH);
            staff.createIndex("age", IndexType.SORTED);
            step(out, report, "indexes", staff.indexedFields(), start);

            start = System.nanoTime();
            Row first = staff.get(1L).orElseThrow();
            step(out, report, "get(1)", first.getString("name") + ", status=" + first.getString("status"), start);

            start = System.nanoTime();
            long sales = staff.select().where(staff.field("dept").eq("Sales")).count();
            step(out, report, "count dept = Sales (hash index)", sales, start);

            start = System.nanoTime();
            List<Row> best = staff.select()
                    .columns("name", "age", "salary")
                    .where(staff.field("age").between(30, 32))
                    .orderBy("-salary", "name")
                    .limit(3)
                    .list();
            step(out, report, "top 3 salaries, age 30-32 (sorted index)", best, start);

            start = System.nanoTime();
            List<Row> byDept = staff.aggregate()
                    .groupBy("dept")
                    .agg("employees", Aggregate.count())
                    .agg("avg_salary", Aggregate.avg("salary"))
                    .agg("youngest", Aggregate.min("age"))
                    .list();
            step(out, report, "employees per department", byDept.size() + " groups", start);
            for (Row group : byDept) {
                out.printf("      %-12s %6d employees, average salary %,.0f, youngest %d%n", group.getString("dept"),
                        group.getLong("employees"), group.getDouble("avg_salary"), group.getLong("youngest"));
            }

            start = System.nanoTime();
            int raised = staff.update(Condition.and(staff.field("dept").eq("Legal"), staff.field("age").gte(55)),
                    row -> Map.of("salary", row.getDouble("salary") * 1.05));
            step(out, report, "raises for senior Legal staff", raised, start);

            start = System.nanoTime();
            UpsertResult upsert = staff.upsert(Map.of("id", 1L, "email", "first@example.com"));
            step(out, report, "upsert id=1", upsert.action(), start);

            start = System.nanoTime();
            String duplicate;
            try {
                staff.insert(Map.of("id", 2L, "name", "Dup", "age", 30, "dept", "Sales", "salary", 1.0));
                duplicate = "accepted";
            } catch (DuplicateKeyException e) {
                duplicate = e.getMessage();
            }
            step(out, report, "insert an existing key", duplicate, start);

            start = System.nanoTime();
            int removed = staff.delete(staff.field("email").isNull().and(staff.field("age").gt(58)));
            step(out, report, "deleted (no email, older than 58)", removed, start);

            accounts.insertAll(List.of(Map.of("owner", "alice", "balance", 100), Map.of("owner", "bob", "balance", 0)));
            start = System.nanoTime();
            db.transaction(tx -> {
                Table acc = tx.getTable("accounts");
                long alice = acc.get("alice").orElseThrow().getLong("balance");
                acc.update(Map.of("balance", alice - 40), acc.field("owner").eq("alice"));
                long bob = acc.get("bob").orElseThrow().getLong("balance");
                acc.update(Map.of("balance", bob + 40), acc.field("owner").eq("bob"));
            });
            Row total = accounts.aggregate().agg("total", Aggregate.sum("balance")).one();
            step(out, report, "transfer of 40 in a transaction, total balance", total.getLong("total"), start);

            step(out, report, "final employee count", staff.count(), 0);
        }
        return report;
    }

    private static void step(PrintStream out, Report report, String name, Object outcome, long startNanos) {
        report.outcomes.put(name, outcome);
        String timing = startNanos == 0 ? "" : String.format(" (%.2f ms)", (System.nanoTime() - startNanos) / 1e6);
        out.println("  - " + name + ": " + outcome + timing);
    }
}
