package io.dictdb.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared, deterministic data set of the benchmarks.
 *
 * <p>Row {@code i} (1-based, {@code i = 1..N}) is
 * <pre>
 * { "id":     (Long) i,
 *   "name":   "name-" + i,
 *   "age":    (Long) uniform in 20..60 inclusive (41 values),
 *   "dept":   "dept0" .. "dept9" (uniform),
 *   "salary": (Double) uniform in [30 000, 130 000) }
 * </pre>
 * drawn from a {@link Random} seeded with {@link #SEED}, so every run (and every fork) sees the same rows.
 * Consequently {@code age == 30} selects about N/41 rows and {@code age between 30 and 32} about 3N/41 rows.
 *
 * <p>The maps are plain {@link LinkedHashMap}s holding already-normalised values ({@code Long}, {@code Double},
 * {@code String}); the engine copies them on insert, so one data set can be inserted many times.
 */
public final class BenchData {

    /** The seed of every generated data set. */
    public static final long SEED = 42L;

    /** Smallest generated age. */
    public static final int MIN_AGE = 20;

    /** Largest generated age (inclusive). */
    public static final int MAX_AGE = 60;

    /** Number of distinct departments. */
    public static final int DEPARTMENTS = 10;

    /** Smallest generated salary. */
    public static final double MIN_SALARY = 30_000.0;

    /** Width of the salary range. */
    public static final double SALARY_RANGE = 100_000.0;

    private final List<Map<String, Object>> rows;

    private BenchData(List<Map<String, Object>> rows) {
        this.rows = rows;
    }

    /** Generates {@code n} rows with the default {@link #SEED}. */
    public static BenchData generate(int n) {
        return generate(n, SEED);
    }

    /** Generates {@code n} rows from the given seed. */
    public static BenchData generate(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Random random = new Random(seed);
        String[] depts = new String[DEPARTMENTS];
        for (int d = 0; d < DEPARTMENTS; d++) {
            depts[d] = "dept" + d;
        }
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Map<String, Object> row = new LinkedHashMap<>(8);
            row.put("id", (long) i);
            row.put("name", "name-" + i);
            row.put("age", (long) (MIN_AGE + random.nextInt(MAX_AGE - MIN_AGE + 1)));
            row.put("dept", depts[random.nextInt(DEPARTMENTS)]);
            row.put("salary", MIN_SALARY + random.nextDouble() * SALARY_RANGE);
            rows.add(row);
        }
        return new BenchData(Collections.unmodifiableList(rows));
    }

    /** The rows, in id order (unmodifiable list; do not modify the maps). */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** The same rows keyed by id, in a {@link ConcurrentHashMap} (the baseline of the primary-key lookup). */
    public ConcurrentHashMap<Long, Map<String, Object>> toConcurrentHashMap() {
        ConcurrentHashMap<Long, Map<String, Object>> map = new ConcurrentHashMap<>(rows.size() * 2);
        for (Map<String, Object> row : rows) {
            map.put((Long) row.get("id"), row);
        }
        return map;
    }

    /**
     * {@code count} keys drawn uniformly from the existing ids {@code 1..N}, generated in advance so that the
     * random generation is not part of what is measured.
     */
    public long[] randomKeys(int count, long seed) {
        Random random = new Random(seed);
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = 1L + random.nextInt(rows.size());
        }
        return keys;
    }

    /**
     * The salary {@code x} such that about {@code fraction} of the rows have {@code salary > x} (computed on the
     * actual data, so the selectivity is exact up to ties).
     */
    public double salaryThresholdForFraction(double fraction) {
        if (!(fraction > 0.0 && fraction < 1.0)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        double[] salaries = new double[rows.size()];
        for (int i = 0; i < salaries.length; i++) {
            salaries[i] = (Double) rows.get(i).get("salary");
        }
        Arrays.sort(salaries);
        int selected = Math.max(1, (int) Math.round(salaries.length * fraction));
        // salaries[length - selected] is the smallest selected value; the threshold sits just below it.
        int index = salaries.length - selected - 1;
        return index < 0 ? salaries[0] - 1.0 : salaries[index];
    }

    /** Number of rows with {@code low <= age <= high} (for checks and for reporting rows per operation). */
    public long countAgeBetween(long low, long high) {
        long count = 0;
        for (Map<String, Object> row : rows) {
            long age = (Long) row.get("age");
            if (age >= low && age <= high) {
                count++;
            }
        }
        return count;
    }

    /** Number of rows with {@code salary > threshold}. */
    public long countSalaryAbove(double threshold) {
        long count = 0;
        for (Map<String, Object> row : rows) {
            if ((Double) row.get("salary") > threshold) {
                count++;
            }
        }
        return count;
    }
}
