package io.dictdb.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuickTourTest {

    @Test
    void theTourRunsAndReportsConsistentFigures() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        QuickTour.Report report = QuickTour.run(5_000, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(report.outcomes.get("tables")).isEqualTo(List.of("employees", "accounts"));
        assertThat(report.outcomes.get("inserted")).isEqualTo(5_000);
        assertThat(report.outcomes.get("indexes")).isEqualTo(List.of("dept", "age"));
        assertThat((String) report.outcomes.get("get(1)")).startsWith("Employee 1, status=active");
        assertThat((Long) report.outcomes.get("count dept = Sales (hash index)")).isBetween(800L, 1_200L);
        assertThat((List<?>) report.outcomes.get("top 3 salaries, age 30-32 (sorted index)")).hasSize(3);
        assertThat(report.outcomes.get("employees per department")).isEqualTo("5 groups");
        assertThat(report.outcomes.get("upsert id=1").toString()).isEqualTo("UPDATED");
        assertThat((String) report.outcomes.get("insert an existing key"))
                .isEqualTo("Record with key '2' already exists in table 'employees'.");
        assertThat(report.outcomes.get("transfer of 40 in a transaction, total balance")).isEqualTo(100L);
        int removed = (Integer) report.outcomes.get("deleted (no email, older than 58)");
        assertThat(removed).isPositive();
        assertThat(report.outcomes.get("final employee count")).isEqualTo(5_000L - removed);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("quick tour", "Engineering");
    }
}
