package io.dictdb.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dictdb.bench.LoggingSchedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON results of {@code LoggingOverheadBenchmark} and prints, as a Markdown table, what logging at INFO
 * costs against the loggers OFF for each operation.
 *
 * <p>Each fork measured both set-ups, iteration by iteration, in blocks of four following {@link LoggingSchedule}
 * (OFF, INFO, INFO, OFF). JMH's score mixes them, so this report goes back to the iterations ({@code rawData}):
 * each block gives one paired figure, the mean of its two INFO iterations over the mean of its two OFF iterations,
 * minus one. The table shows the mean of those figures over every block of every fork with its 95 % Student
 * interval, and the mean time of each set-up. The cost is within 5 % when the interval's upper end is at most
 * +5 %. A control run ({@code -p setups=off-off}, the loggers OFF in every iteration) is labelled as such: it shows
 * what the schedule measures when the two set-ups do not differ.
 *
 * <pre>
 * java -cp dictdb-bench/target/benchmarks.jar io.dictdb.bench.report.LoggingOverheadReport \
 *     dictdb-bench/results/logging.json [more results files, pooled]
 * </pre>
 */
public final class LoggingOverheadReport {
    /** The requirement: INFO may cost at most this much more than OFF. */
    static final double LIMIT = 0.05;

    private static final Map<String, String> OPERATIONS = Map.of(
            "pkGet", "primary-key `get`",
            "indexedEqNoCopy", "indexed equality, `copy(false)`",
            "insertOne", "single-row insert");

    /** Two-sided 95 % quantiles of Student's t for 1 to 30 degrees of freedom. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    private LoggingOverheadReport() {
    }

    /** One operation's comparison. */
    record Comparison(String operation, double offMean, double infoMean, double relativeCost, double halfInterval,
                      int blocks, String unit) {
        /** Whether the upper end of the interval stays within the limit. */
        boolean withinLimit() {
            return relativeCost + halfInterval <= LIMIT;
        }
    }

    /**
     * Prints the table for one or more results files; the forks of the same benchmark (and set-ups) in several
     * files are pooled.
     *
     * @param args the JSON results files
     * @throws IOException when one cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: LoggingOverheadReport <logging.json> [more results to pool...]");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> documents = new ArrayList<>();
        for (String file : args) {
            documents.add(json.readTree(Path.of(file).toFile()));
        }
        System.out.print(markdown(compare(documents)));
    }

    /**
     * The comparison of every {@code LoggingOverheadBenchmark} result in several JMH JSON documents, the forks of
     * the same benchmark method and set-ups pooled.
     *
     * @param documents the JSON arrays JMH wrote
     * @return one comparison per benchmark method (and set-ups), in order of first appearance
     * @throws IllegalArgumentException when a fork's iteration count is not a whole number of blocks
     */
    static List<Comparison> compare(List<JsonNode> documents) {
        Map<String, List<JsonNode>> forksByOperation = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (JsonNode results : documents) {
            for (JsonNode result : results) {
                String benchmark = result.path("benchmark").asText();
                if (!benchmark.contains("LoggingOverheadBenchmark.")) {
                    continue;
                }
                String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                String operation = OPERATIONS.getOrDefault(method, method);
                if ("off-off".equals(result.path("params").path("setups").asText())) {
                    operation += " — control, OFF in every iteration";
                }
                JsonNode metric = result.path("primaryMetric");
                metric.path("rawData").forEach(forksByOperation.computeIfAbsent(operation, k -> new ArrayList<>())::add);
                units.putIfAbsent(operation, metric.path("scoreUnit").asText());
            }
        }
        List<Comparison> out = new ArrayList<>();
        forksByOperation.forEach((operation, forks) -> out.add(compare(operation, forks, units.get(operation))));
        return out;
    }

    private static Comparison compare(String operation, List<JsonNode> forks, String unit) {
        List<Double> costs = new ArrayList<>();
        double offSum = 0;
        double infoSum = 0;
        int offCount = 0;
        int infoCount = 0;
        for (JsonNode fork : forks) {
            if (fork.size() % LoggingSchedule.BLOCK != 0) {
                throw new IllegalArgumentException(operation + ": a fork has " + fork.size()
                        + " iterations, not a whole number of blocks of " + LoggingSchedule.BLOCK);
            }
            for (int start = 0; start < fork.size(); start += LoggingSchedule.BLOCK) {
                double off = 0;
                double info = 0;
                for (int i = start; i < start + LoggingSchedule.BLOCK; i++) {
                    double score = fork.get(i).asDouble();
                    if (LoggingSchedule.infoAt(i)) {
                        info += score;
                        infoSum += score;
                        infoCount++;
                    } else {
                        off += score;
                        offSum += score;
                        offCount++;
                    }
                }
                costs.add(info / off - 1);
            }
        }
        int n = costs.size();
        double mean = costs.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = costs.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum();
        double half = n < 2 ? Double.NaN : tQuantile(n - 1) * Math.sqrt(squares / (n - 1) / n);
        return new Comparison(operation, offSum / offCount, infoSum / infoCount, mean, half, n, unit);
    }

    /** The two-sided 95 % quantile of Student's t (normal beyond 30 degrees of freedom, slightly above it). */
    static double tQuantile(int degreesOfFreedom) {
        return degreesOfFreedom <= T_975.length ? T_975[degreesOfFreedom - 1] : 1.96 + 2.4 / degreesOfFreedom;
    }

    /**
     * The Markdown table of comparisons.
     *
     * @param comparisons the comparisons
     * @return the table, one row per operation
     */
    static String markdown(List<Comparison> comparisons) {
        StringBuilder b = new StringBuilder();
        b.append("| operation | loggers OFF | `DictDBLogging` at INFO (JSON file) | INFO vs OFF, 95 % interval"
                + " | blocks | cost ≤ 5 % |\n");
        b.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Comparison c : comparisons) {
            b.append(String.format(Locale.ROOT, "| %s | %.1f %s | %.1f %s | %+.1f %% ± %.1f %% | %d | %s |%n",
                    c.operation(), c.offMean(), c.unit(), c.infoMean(), c.unit(), 100 * c.relativeCost(),
                    100 * c.halfInterval(), c.blocks(), c.withinLimit() ? "yes" : "no"));
        }
        return b.toString();
    }
}
