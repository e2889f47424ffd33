package io.dictdb.bench.peers;

import io.dictdb.bench.BenchData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data set of the peer benchmarks in the two forms the systems take ({@link BenchData}'s maps for DictDB,
 * {@link Person} objects for the others; converting is never measured), and the expected answers of every
 * query, computed here by plain loops over the data (the oracle every store is checked against).
 */
public final class PeerData {

    /** The equality target of W3. */
    public static final long AGE_EQ = 30;
    /** The inclusive age range of W4. */
    public static final long AGE_LOW = 30;
    public static final long AGE_HIGH = 32;
    /** The LIMIT of W4. */
    public static final int TOP = 10;
    /** Relative tolerance of the averages of W5 (summation order differs between systems). */
    public static final double AVG_TOLERANCE = 1e-9;

    private static PeerData last;

    private final BenchData data;
    private final List<Person> people;
    private final long[] ageEqIds;
    private final long[] rangeTop10Ids;
    private final Map<String, Double> avgByDept;

    private PeerData(BenchData data) {
        this.data = data;
        List<Person> list = new ArrayList<>(data.size());
        for (Map<String, Object> row : data.rows()) {
            list.add(Person.fromMap(row));
        }
        this.people = Collections.unmodifiableList(list);
        this.ageEqIds = people.stream().filter(p -> p.age() == AGE_EQ).mapToLong(Person::id).toArray();
        this.rangeTop10Ids = people.stream()
                .filter(p -> p.age() >= AGE_LOW && p.age() <= AGE_HIGH)
                .sorted(Comparator.comparingDouble(Person::salary).reversed().thenComparingLong(Person::id))
                .limit(TOP)
                .mapToLong(Person::id)
                .toArray();
        Map<String, double[]> sums = new TreeMap<>();
        for (Person p : people) {
            double[] s = sums.computeIfAbsent(p.dept(), d -> new double[2]);
            s[0] += p.salary();
            s[1]++;
        }
        Map<String, Double> avg = new TreeMap<>();
        sums.forEach((dept, s) -> avg.put(dept, s[0] / s[1]));
        this.avgByDept = Collections.unmodifiableMap(avg);
    }

    /** The data set of {@code rows} rows (the last one built is kept, so states of one run share it). */
    public static synchronized PeerData of(int rows) {
        if (last == null || last.size() != rows) {
            last = null; // let the previous one be collected first
            last = new PeerData(BenchData.generate(rows));
        }
        return last;
    }

    public BenchData data() {
        return data;
    }

    /** The rows as {@link BenchData} maps, in id order. */
    public List<Map<String, Object>> maps() {
        return data.rows();
    }

    /** The rows as {@link Person}s, in id order. */
    public List<Person> people() {
        return people;
    }

    public int size() {
        return people.size();
    }

    /** The row with id {@code id} (ids are 1..N). */
    public Person person(long id) {
        return people.get((int) (id - 1));
    }

    /** Ids of the rows with {@code age == AGE_EQ}, ascending. */
    public long[] ageEqIds() {
        return ageEqIds.clone();
    }

    /** Ids of the W4 answer, in answer order. */
    public long[] rangeTop10Ids() {
        return rangeTop10Ids.clone();
    }

    /** Average salary per department, by department. */
    public Map<String, Double> avgByDept() {
        return avgByDept;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checks: each store must give the oracle's answer, or the benchmark fails before measuring anything.
    // ---------------------------------------------------------------------------------------------------------

    /** Fails unless the store holds exactly the data set's rows (count, and a sample compared field by field). */
    public void checkContent(Store store) {
        checkContent(store, true);
    }

    /**
     * Fails unless the store holds the data set's rows: the count, and a sample of rows compared field by field
     * (the salary only when {@code salaries}; after random updates it is anyone's).
     */
    public void checkContent(Store store, boolean salaries) {
        check(store, "row count", store.count(), (long) size());
        long step = Math.max(1, size() / 97);
        for (long id = 1; id <= size(); id += step) {
            checkRow(store, id, salaries ? person(id).salary() : Double.NaN);
        }
        checkRow(store, size(), salaries ? person(size()).salary() : Double.NaN);
    }

    /** Fails unless {@code getById(id)} returns the data set's row with the given salary (NaN: any salary). */
    public void checkRow(Store store, long id, double salary) {
        Object row = store.getById(id);
        if (row == null) {
            throw mismatch(store, "getById(" + id + ")", "null", person(id));
        }
        Person expected = person(id).withSalary(salary);
        Person actual = Results.person(row);
        if (actual.id() != expected.id() || !actual.name().equals(expected.name()) || actual.age() != expected.age()
                || !actual.dept().equals(expected.dept())
                || (!Double.isNaN(salary) && actual.salary() != expected.salary())) {
            throw mismatch(store, "getById(" + id + ")", actual, expected);
        }
    }

    /** Fails unless {@code selectAgeEq(AGE_EQ)} returns exactly the expected rows. */
    public void checkAgeEq(Store store) {
        List<?> rows = store.selectAgeEq(AGE_EQ);
        long[] ids = Results.ids(rows);
        Arrays.sort(ids);
        if (!Arrays.equals(ids, ageEqIds)) {
            throw mismatch(store, "age == " + AGE_EQ, ids.length + " rows " + abbreviate(ids),
                    ageEqIds.length + " rows " + abbreviate(ageEqIds));
        }
        for (Object row : rows) {
            if (Results.person(row).age() != AGE_EQ) {
                throw mismatch(store, "age == " + AGE_EQ, row, "age " + AGE_EQ);
            }
        }
    }

    /** Fails unless {@code selectRangeTop10} returns the expected ids in the expected order. */
    public void checkRangeTop10(Store store) {
        long[] ids = Results.ids(store.selectRangeTop10(AGE_LOW, AGE_HIGH));
        if (!Arrays.equals(ids, rangeTop10Ids)) {
            throw mismatch(store, "top " + TOP + " by salary with age between " + AGE_LOW + " and " + AGE_HIGH,
                    Arrays.toString(ids), Arrays.toString(rangeTop10Ids));
        }
    }

    /** Fails unless {@code avgSalaryByDept} returns every department with its average (relative 1e-9). */
    public void checkAvgByDept(Store store) {
        Map<String, Double> actual = Results.averages(store.avgSalaryByDept());
        if (!actual.keySet().equals(avgByDept.keySet())) {
            throw mismatch(store, "groups of avg(salary) by dept", actual.keySet(), avgByDept.keySet());
        }
        for (Map.Entry<String, Double> e : avgByDept.entrySet()) {
            double a = actual.get(e.getKey());
            double x = e.getValue();
            if (!(Math.abs(a - x) <= AVG_TOLERANCE * Math.abs(x))) {
                throw mismatch(store, "avg(salary) of " + e.getKey(), a, x);
            }
        }
    }

    private static void check(Store store, String what, long actual, long expected) {
        if (actual != expected) {
            throw mismatch(store, what, actual, expected);
        }
    }

    private static IllegalStateException mismatch(Store store, String what, Object actual, Object expected) {
        return new IllegalStateException("Store '" + store.name() + "' gives a different answer for " + what
                + ": got " + actual + ", expected " + expected);
    }

    private static String abbreviate(long[] ids) {
        return ids.length <= 8 ? Arrays.toString(ids)
                : Arrays.toString(Arrays.copyOf(ids, 8)).replace("]", ", ...]");
    }
}
