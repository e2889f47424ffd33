package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingTest {
    @TempDir
    Path dir;

    @Test
    void everyExceptionTypeIsProvokedAndHandled() {
        ErrorHandling.Result result = ErrorHandling.run(dir, Report.silent());

        assertThat(result.cases()).extracting(ErrorHandling.Case::exception).containsExactly(
                "TableNotFoundException", "DuplicateKeyException", "SchemaValidationException",
                "RecordNotFoundException", "DuplicateTableException", "DictDBException", "CorruptFileException",
                "UncheckedIOException", "BackupChainException", "IllegalArgumentException");
        assertThat(result.cases()).filteredOn(c -> c.exception().equals("RecordNotFoundException"))
                .singleElement().extracting(ErrorHandling.Case::outcome).isEqualTo("returned 0");
        assertThat(result.cases()).filteredOn(c -> !c.exception().equals("RecordNotFoundException"))
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo("rethrown"));
        assertThat(result.cases()).allSatisfy(c -> assertThat(c.handlerSaid()).isNotBlank());
        assertThat(result.cases().get(0).handlerSaid()).isEqualTo("Error: Table 'customers' does not exist.");
    }
}
