package io.dictdb.bench.report;

import java.util.Locale;

/** Formatting of JMH scores in readable units, and of row counts. */
final class Units {

    private Units() {
    }

    /** Nanoseconds per operation of a time score ({@code ns/op}, {@code us/op}, {@code ms/op}, {@code s/op}). */
    static double toNanos(double value, String unit) {
        switch (unit) {
            case "ns/op":
                return value;
            case "us/op":
                return value * 1e3;
            case "ms/op":
                return value * 1e6;
            case "s/op":
                return value * 1e9;
            default:
                throw new IllegalArgumentException("Not a time unit: " + unit);
        }
    }

    /** Operations per second of a throughput score ({@code ops/s}, {@code ops/ms}, {@code ops/us}, {@code ops/ns}). */
    static double toOpsPerSecond(double value, String unit) {
        switch (unit) {
            case "ops/s":
                return value;
            case "ops/ms":
                return value * 1e3;
            case "ops/us":
                return value * 1e6;
            case "ops/ns":
                return value * 1e9;
            default:
                throw new IllegalArgumentException("Not a throughput unit: " + unit);
        }
    }

    /** "12.3 ± 0.4 µs", "1.23 ± 0.05 M ops/s"; the error is left out when unknown. */
    static String score(double value, double error, String unit) {
        if (unit.startsWith("ops/")) {
            double v = toOpsPerSecond(value, unit);
            double e = Double.isNaN(error) ? Double.NaN : toOpsPerSecond(error, unit);
            String[] names = {"ops/s", "k ops/s", "M ops/s", "G ops/s"};
            int k = 0;
            while (k < names.length - 1 && v >= 1000) {
                v /= 1000;
                e /= 1000;
                k++;
            }
            return withError(v, e) + " " + names[k];
        }
        double v = toNanos(value, unit);
        double e = Double.isNaN(error) ? Double.NaN : toNanos(error, unit);
        String[] names = {"ns", "µs", "ms", "s"};
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
