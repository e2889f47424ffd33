package io.dictdb.examples.tutorial;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** Measuring and printing how long something took. */
public final class Timing {
    private Timing() {
    }

    /**
     * A value and the time it took to compute it.
     *
     * @param value   the value
     * @param elapsed the time
     * @param <T>     the value's type
     */
    public record Timed<T>(T value, Duration elapsed) {
    }

    /**
     * Runs some work and measures it.
     *
     * @param work the work
     * @param <T>  its result's type
     * @return its result and how long it took
     */
    public static <T> Timed<T> time(Supplier<T> work) {
        long start = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Runs some work and measures it.
     *
     * @param work the work
     * @return how long it took
     */
    public static Duration time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The time elapsed since a {@link System#nanoTime()} reading.
     *
     * @param startNanos the reading
     * @return the time since then
     */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * A duration for people: {@code 0.42 ms}, {@code 12.3 ms}, {@code 1.52 s}.
     *
     * @param duration the duration
     * @return the text
     */
    public static String format(Duration duration) {
        double millis = duration.toNanos() / 1e6;
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
    }

    /**
     * How many times faster the second duration is than the first: {@code 12.5x}.
     *
     * @param slower the reference duration
     * @param faster the duration compared with it
     * @return the ratio as text
     */
    public static String speedUp(Duration slower, Duration faster) {
        double ratio = (double) slower.toNanos() / Math.max(1, faster.toNanos());
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0fx" : "%.1fx", ratio);
    }
}
