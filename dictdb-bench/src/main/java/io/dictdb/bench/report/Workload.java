package io.dictdb.bench.report;

/** The workloads of the peer comparison, in report order, with the benchmark method that measures each. */
enum Workload {
    W1("W1", "W1 insert", "W1 — bulk insert", "W1BulkInsert.bulkInsert",
            "The whole data set into an empty table with its primary key only. DictDB `insertAll(maps)` (atomic); "
                    + "JDBC one prepared `INSERT`, batches of 1 000, one transaction; CQEngine `addAll` with a "
                    + "`UniqueIndex` on id; floor `ConcurrentHashMap.put` per row. Single shot per measurement, "
                    + "each into a fresh store."),
    W2("W2", "W2 get by key", "W2 — primary-key lookup", "W2PrimaryKeyLookup.getById",
            "A uniformly random existing key (pre-generated, boxed). DictDB `table.get(key)`; JDBC prepared "
                    + "`SELECT … WHERE id = ?` read into an object; CQEngine `retrieve(equal(ID, key))` on its "
                    + "`UniqueIndex`; floor `ConcurrentHashMap.get`."),
    W3_NONE("W3none", "W3 eq, no index", "W3 — equality `age = 30`, no index", "W3AgeEquality.eqNoIndex",
            "About N/41 whole rows, no index on age (a full scan everywhere). DictDB "
                    + "`select().where(Field.of(\"age\").eq(30)).copy(false).list()`; JDBC prepared "
                    + "`SELECT … WHERE age = ?`; CQEngine `retrieve(equal(AGE, 30))` into a list. The floor has no "
                    + "scan (n/a)."),
    W3_HASH("W3hash", "W3 eq, hash idx", "W3 — equality `age = 30`, hash index", "W3AgeEquality.eqHashIndex",
            "Same query with a hash index on age: DictDB `IndexType.HASH`, H2 `CREATE HASH INDEX`, HSQLDB and "
                    + "SQLite `CREATE INDEX` (they have no hash index), CQEngine `HashIndex`, floor a copy of the "
                    + "`HashMap<age, List>` entry."),
    W3_SORTED("W3sorted", "W3 eq, sorted idx", "W3 — equality `age = 30`, sorted index",
            "W3AgeEquality.eqSortedIndex",
            "Same query with a sorted index on age: DictDB `IndexType.SORTED`, JDBC `CREATE INDEX` (B-tree; AVL "
                    + "tree in HSQLDB), CQEngine `NavigableIndex`, floor a copy of the `TreeMap<age, List>` entry."),
    W4("W4", "W4 range+top10", "W4 — range, order by salary desc, limit 10", "W4RangeOrderLimit.rangeTop10",
            "`age between 30 and 32` (about 3N/41 rows), sorted index on age, 10 highest salaries. DictDB "
                    + "`select().where(Field.of(\"age\").between(30, 32)).orderBy(\"-salary\").limit(10)"
                    + ".copy(false).list()`; JDBC `… WHERE age BETWEEN ? AND ? ORDER BY salary DESC LIMIT 10`; "
                    + "CQEngine `retrieve(between(AGE, 30, 32), orderBy(descending(SALARY)))`, first 10; floor "
                    + "`TreeMap.subMap` through a 10-element heap."),
    W5("W5", "W5 group avg", "W5 — group by dept, average salary", "W5GroupByAvg.avgSalaryByDept",
            "Whole table, 10 groups, no index. DictDB `aggregate().groupBy(\"dept\").agg(\"avg\", "
                    + "Aggregate.avg(\"salary\")).list()`; JDBC `SELECT dept, AVG(salary) FROM people GROUP BY "
                    + "dept`. CQEngine has no aggregation and a map no grouping (n/a)."),
    W6("W6", "W6 update by key", "W6 — single-row update by key", "W6UpdateByKey.updateSalary",
            "Salary of one random existing row, each update its own atomic write. DictDB "
                    + "`update(Map.of(\"salary\", x), Field.of(\"id\").eq(key))`; JDBC prepared "
                    + "`UPDATE people SET salary = ? WHERE id = ?` in auto-commit; CQEngine lookup then "
                    + "`update(old, new)`; floor `ConcurrentHashMap.computeIfPresent`."),
    W7("W7", "W7 mixed 2 thr", "W7 — mixed reads/writes, 2 threads (90 % W2, 10 % W6)",
            "W7MixedReadWrite.mixed90Read10Write",
            "Two threads, each a fixed shuffled sequence of 90 % primary-key lookups and 10 % updates by key; "
                    + "throughput of both together. H2 and HSQLDB: one connection per thread; SQLite: one "
                    + "connection shared one statement at a time (an in-memory database belongs to its "
                    + "connection); CQEngine as a `TransactionalIndexedCollection` (MVCC; its id index a `HashIndex`).");

    final String key;
    final String label;
    final String title;
    final String benchmark;
    final String description;

    Workload(String key, String label, String title, String benchmark, String description) {
        this.key = key;
        this.label = label;
        this.title = title;
        this.benchmark = benchmark;
        this.description = description;
    }

    static Workload byKey(String key) {
        for (Workload w : values()) {
            if (w.key.equalsIgnoreCase(key)) {
                return w;
            }
        }
        throw new IllegalArgumentException("Unknown workload '" + key + "'");
    }
}
