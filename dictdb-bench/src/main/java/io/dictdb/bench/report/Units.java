package io.dictdb.bench.report;

import java.util.List;
import java.util.Locale;

/** Formatting of JMH scores in readable units, and of row counts. */
final class Units {

    /** JMH's time units, each 1000 times the one before: the exponent of 1000 is the position. */
    private static final List<String> TIME_UNITS = List.of("ns/op", "us/op", "ms/op", "s/op");
    /** JMH's throughput units, each 1000 times the one before: the exponent of 1000 is the position. */
    private static final List<String> THROUGHPUT_UNITS = List.of("ops/s", "ops/ms", "ops/us", "ops/ns");
    /** The powers of 1000 a position stands for. */
    private static final double[] THOUSANDS = {1, 1e3, 1e6, 1e9};

    /** How time is shown, smallest first. */
    private static final String[] TIME_NAMES = {"ns", "µs", "ms", "s"};
    /** How throughput is shown, smallest first. */
    private static final String[] THROUGHPUT_NAMES = {"ops/s", "k ops/s", "M ops/s", "G ops/s"};

    private Units() {
    }

    /** Nanoseconds per operation of a time score ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}). */
    static double toNanos(double value, String unit) {
        return value * THOUSANDS[position(TIME_UNITS, unit, "time")];
    }

    /** Operations per second of a throughput score ({@code ops/s}, {@code ops/ms}, {@code ops/us}, {@code ops/ns}). */
    static double toOpsPerSecond(double value, String unit) {
        return value * THOUSANDS[position(THROUGHPUT_UNITS, unit, "throughput")];
    }

    private static int position(List<String> units, String unit, String kind) {
        int position = units.indexOf(unit);
        if (position < 0) {
            throw new IllegalArgumentException("Not a " + kind + " unit: " + unit);
        }
        return position;
    }

    /** "12.3 ± 0.4 µs", "1.23 ± 0.05 M ops/s"; the error is left out when unknown. */
    static String score(double value, double error, String unit) {
        if (unit.startsWith("ops/")) {
            double e = Double.isNaN(error) ? Double.NaN : toOpsPerSecond(error, unit);
            return inLargestName(toOpsPerSecond(value, unit), e, THROUGHPUT_NAMES);
        }
        double e = Double.isNaN(error) ? Double.NaN : toNanos(error, unit);
        return inLargestName(toNanos(value, unit), e, TIME_NAMES);
    }

    /** The value and its error in the largest of the names (each 1000 times the one before) that keeps v ≥ 1. */
    private static String inLargestName(double v, double e, String[] names) {
        int k = 0;
        while (k < names.length - 1 && v >= 1000) {
            v /= 1000;
            e /= 1000;
            k++;
        }
        return withError(v, e) + " " + names[k];
    }

    private static String withError(double v, double e) {
        String value = threeDigits(v);
        if (Double.isNaN(e)) {
            return value;
        }
        int decimals = decimals(v);
        return value + " ± " + String.format(Locale.ROOT, "%." + decimals + "f", e);
    }

    private static String threeDigits(double v) {
        return String.format(Locale.ROOT, "%." + decimals(v) + "f", v);
    }

    private static int decimals(double v) {
        double a = Math.abs(v);
        return a >= 100 ? 0 : a >= 10 ? 1 : 2;
    }

    /** 1000000 → "1 000 000". */
    static String rows(int rows) {
        return String.format(Locale.ROOT, "%,d", rows).replace(',', ' ');
    }
}
