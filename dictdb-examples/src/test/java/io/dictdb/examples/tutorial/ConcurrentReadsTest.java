package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentReadsTest {
    @Test
    void tenReadersAllFindTheTenMostExpensiveProductsAndAlwaysTheSameTotalStock() {
        ConcurrentReads.Result result = ConcurrentReads.run(Report.silent());

        assertThat(result.initialStockTotal()).isEqualTo(49_500);
        assertThat(result.transfersCommitted()).isPositive();
        assertThat(result.readers()).hasSize(10).allSatisfy(reader -> {
            assertThat(reader.expensiveFound()).hasSize(50).containsOnly(10);
            assertThat(reader.stockTotalsSeen()).containsExactly(49_500L);
        });
    }
}
