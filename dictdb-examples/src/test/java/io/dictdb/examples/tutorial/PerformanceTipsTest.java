package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceTipsTest {
    @Test
    void eachTipGivesTheSameResultAsTheWayItImprovesOn() {
        PerformanceTips.Result result = PerformanceTips.run(Report.silent());

        // Timings are informative only: they are not asserted.
        assertThat(result.comparisons()).hasSize(5)
                .allSatisfy(c -> assertThat(c.sameResult()).as(c.tip()).isTrue());
        assertThat(result.comparisons()).extracting(PerformanceTips.Comparison::with).containsExactly(
                "HASH index", "SORTED index", "copy(false)", "insertAll(batchSize 1000)", "insertAll(skipValidation)");
        assertThat(result.comparisons().get(0).result()).isPositive();
        assertThat(result.comparisons().get(1).result()).isPositive();
        assertThat(result.comparisons().get(2).result()).isEqualTo(10 * 10_000);
        assertThat(result.comparisons().get(3).result()).isEqualTo(PerformanceTips.ROWS);
        assertThat(result.comparisons().get(4).result()).isEqualTo(PerformanceTips.ROWS);
        assertThat(result.copyFalseRowsImmutable()).isTrue();
    }
}
