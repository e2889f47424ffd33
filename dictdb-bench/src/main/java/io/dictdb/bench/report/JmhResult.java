package io.dictdb.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark result of a JMH JSON file ({@code -rf json}): the benchmark, its parameters, the primary score
 * with its error (JMH's 99.9 % half-interval; NaN with a single iteration) and the secondary scores.
 */
record JmhResult(String benchmark, Map<String, String> params, String mode, int threads, double score, double error,
                 String unit, Map<String, Metric> secondary, String jdkVersion, String vmName, String vmVersion,
                 List<String> jvmArgs, String jmhVersion, int warmupIterations, String warmupTime,
                 int measurementIterations, String measurementTime) {

    /** A secondary score. */
    record Metric(double score, double error, String unit) {
    }

    /** {@code SimpleClassName.method} of the benchmark. */
    String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    String param(String name) {
        return params.get(name);
    }

    /** True when a larger score is better (throughput modes). */
    boolean higherIsBetter() {
        return mode.equals("thrpt");
    }

    /** The results of a JMH JSON file; an empty list when the file does not exist. */
    static List<JmhResult> read(Path file) {
        if (!file.toFile().exists()) {
            return List.of();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<JmhResult> results = new ArrayList<>();
            for (JsonNode n : root) {
                Map<String, String> params = new LinkedHashMap<>();
                n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                Map<String, Metric> secondary = new LinkedHashMap<>();
                n.path("secondaryMetrics").fields().forEachRemaining(e -> secondary.put(e.getKey(),
                        new Metric(number(e.getValue().path("score")), number(e.getValue().path("scoreError")),
                                e.getValue().path("scoreUnit").asText())));
                List<String> jvmArgs = new ArrayList<>();
                n.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
                JsonNode primary = n.path("primaryMetric");
                results.add(new JmhResult(n.path("benchmark").asText(), Collections.unmodifiableMap(params),
                        n.path("mode").asText(), n.path("threads").asInt(1), number(primary.path("score")),
                        number(primary.path("scoreError")), primary.path("scoreUnit").asText(),
                        Collections.unmodifiableMap(secondary), n.path("jdkVersion").asText(),
                        n.path("vmName").asText(), n.path("vmVersion").asText(), List.copyOf(jvmArgs),
                        n.path("jmhVersion").asText(), n.path("warmupIterations").asInt(),
                        n.path("warmupTime").asText(), n.path("measurementIterations").asInt(),
                        n.path("measurementTime").asText()));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JMH results " + file, e);
        }
    }

    /** JMH writes NaN (and infinities) as strings. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
