package io.dictdb.bench;

/**
 * Which logging set-up each iteration of {@link LoggingOverheadBenchmark} measures, shared by the benchmark (which
 * switches to it before the iteration) and by the report that reads the iterations back
 * ({@code io.dictdb.bench.report.LoggingOverheadReport}).
 *
 * <p>The measured iterations follow the pattern OFF, INFO, INFO, OFF, repeated: each block of four measures both
 * set-ups twice, in mirrored order, so that a drift of the machine during the block (a slow neighbour, a
 * collection) weighs on both set-ups alike. Warm-up iterations alternate, so that both set-ups are warm.
 */
public final class LoggingSchedule {
    /** Measured iterations per fork: a whole number of blocks. */
    public static final int MEASURED_ITERATIONS = 24;
    /** Iterations in one block (OFF, INFO, INFO, OFF). */
    public static final int BLOCK = 4;

    private LoggingSchedule() {
    }

    /**
     * The set-up of a measured iteration.
     *
     * @param measured the iteration's index among the fork's measured iterations, from 0
     * @return true for logging configured at INFO, false for the {@code io.dictdb} loggers OFF
     */
    public static boolean infoAt(int measured) {
        int inBlock = measured % BLOCK;
        return inBlock == 1 || inBlock == 2;
    }

    /**
     * The set-up of a warm-up iteration.
     *
     * @param warmup the iteration's index among the fork's warm-up iterations, from 0
     * @return true for logging configured at INFO
     */
    public static boolean infoAtWarmup(int warmup) {
        return warmup % 2 == 1;
    }
}
