package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCounterTest {
    @Test
    void incrementsInATransactionOrInOneUpdateAreExact() {
        SafeCounter.Result result = SafeCounter.run(Report.silent());

        assertThat(result.inTransaction().counter()).isEqualTo(1_000);
        assertThat(result.atomicUpdate().counter()).isEqualTo(1_000);
        // Without a transaction, increments may be lost: how many varies from run to run.
        assertThat(result.unsafe().counter()).isBetween(1L, 1_000L);
        assertThat(result.unsafe().lost()).isEqualTo(1_000 - result.unsafe().counter());
    }
}
