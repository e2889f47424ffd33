package io.dictdb.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link LoggingOverheadReport} on results made up so that the answer is known: iterations are told apart by the
 * OFF, INFO, INFO, OFF schedule, each block gives one paired figure, and the interval and the verdict follow.
 */
class LoggingOverheadReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JMH result of {@code method} whose forks measured the given iteration scores. */
    private static JsonNode results(String method, double[]... forks) {
        ArrayNode results = JSON.createArrayNode();
        ObjectNode result = results.addObject();
        result.put("benchmark", "io.dictdb.bench.LoggingOverheadBenchmark." + method);
        ObjectNode metric = result.putObject("primaryMetric");
        metric.put("scoreUnit", "ns/op");
        ArrayNode raw = metric.putArray("rawData");
        for (double[] fork : forks) {
            ArrayNode iterations = raw.addArray();
            for (double score : fork) {
                iterations.add(score);
            }
        }
        ObjectNode other = results.addObject();
        other.put("benchmark", "io.dictdb.bench.EngineBenchmark.scan");
        return results;
    }

    @Test
    void infoIterationsTenPercentSlowerGiveTenPercentAndFailTheLimit() {
        double[] fork = {100, 110, 110, 100, 200, 220, 220, 200};

        List<LoggingOverheadReport.Comparison> result =
                LoggingOverheadReport.compare(List.of(results("pkGet", fork, fork)));

        assertThat(result).hasSize(1);
        LoggingOverheadReport.Comparison c = result.get(0);
        assertThat(c.operation()).isEqualTo("primary-key `get`");
        assertThat(c.blocks()).isEqualTo(4);
        assertThat(c.relativeCost()).isCloseTo(0.10, within(1e-12));
        assertThat(c.halfInterval()).isCloseTo(0.0, within(1e-12));
        assertThat(c.offMean()).isEqualTo(150.0);
        assertThat(c.infoMean()).isEqualTo(165.0);
        assertThat(c.withinLimit()).isFalse();
    }

    @Test
    void aDriftWithinEachBlockCancelsOutAndTheIntervalComesFromTheSpreadOfBlocks() {
        // Each block drifts upwards by 4 per iteration at equal cost: OFF and INFO average the same.
        double[] first = {100, 104, 108, 112, 100, 104, 108, 112};
        // Blocks costing +2 % and -2 %.
        double[] second = {100, 102, 102, 100, 100, 98, 98, 100};

        LoggingOverheadReport.Comparison c =
                LoggingOverheadReport.compare(List.of(results("insertOne", first, second))).get(0);

        assertThat(c.blocks()).isEqualTo(4);
        assertThat(c.relativeCost()).isCloseTo(0.0, within(1e-12));
        double sd = Math.sqrt((0.02 * 0.02 * 2) / 3);
        assertThat(c.halfInterval()).isCloseTo(3.182 * sd / 2, within(1e-9));
        assertThat(c.withinLimit()).isTrue();
        assertThat(LoggingOverheadReport.markdown(List.of(c)))
                .contains("| single-row insert | 103.0 ns/op | 103.0 ns/op | ")
                .contains("0.0 % ± 2.6 % | 4 | yes |");
    }

    @Test
    void aForkThatIsNotAWholeNumberOfBlocksIsRejected() {
        JsonNode sixIterations = results("pkGet", new double[]{1, 2, 3, 4, 5, 6});

        assertThatThrownBy(() -> LoggingOverheadReport.compare(List.of(sixIterations)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 iterations");
    }

    @Test
    void forksOfTheSameBenchmarkInSeveralFilesArePooledAndTheControlIsLabelled() {
        double[] tenPercent = {100, 110, 110, 100};
        double[] equal = {100, 100, 100, 100};
        JsonNode control = results("insertOne", equal);
        ((ObjectNode) control.get(0)).putObject("params").put("setups", "off-off");

        List<LoggingOverheadReport.Comparison> pooled = LoggingOverheadReport.compare(
                List.of(results("insertOne", tenPercent), results("insertOne", equal), control));

        assertThat(pooled).hasSize(2);
        assertThat(pooled.get(0).operation()).isEqualTo("single-row insert");
        assertThat(pooled.get(0).blocks()).isEqualTo(2);
        assertThat(pooled.get(0).relativeCost()).isCloseTo(0.05, within(1e-12));
        assertThat(pooled.get(1).operation()).isEqualTo("single-row insert — control, OFF in every iteration");
        assertThat(pooled.get(1).blocks()).isEqualTo(1);
        assertThat(pooled.get(1).halfInterval()).isNaN();
    }
}
