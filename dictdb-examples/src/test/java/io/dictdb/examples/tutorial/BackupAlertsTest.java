package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BackupAlertsTest {
    @TempDir
    Path dir;

    @Test
    void realFailuresRaiseAlertsAt1And3And5AndLaterThenASuccessResetsTheCount() {
        BackupAlerts.Result result = BackupAlerts.run(dir, Report.silent());

        assertThat(result.failuresSeen()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(result.alerts())
                .extracting(EscalatingBackupAlerts.Alert::consecutiveFailures, EscalatingBackupAlerts.Alert::level)
                .containsExactly(tuple(1, AlertLevel.WARNING), tuple(3, AlertLevel.ERROR),
                        tuple(5, AlertLevel.CRITICAL), tuple(6, AlertLevel.CRITICAL));
        assertThat(result.alerts()).allSatisfy(alert -> assertThat(alert.error()).isNotNull());
        assertThat(result.failuresAfterRecovery()).isZero();
        // The rows written while backups failed are in the first backup that succeeds.
        assertThat(result.backupAfterRecovery()).isRegularFile();
        try (DictDB recovered = DictDB.load(result.backupAfterRecovery(), FileFormat.JSON)) {
            assertThat(recovered.getTable("critical_data").count()).isEqualTo(7);
        }
    }

    @Test
    void theEscalationRuleAlertsAtThe1st3rdAnd5thAndLaterFailures() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 50)).map(AlertLevel::forConsecutiveFailures).containsExactly(
                Optional.of(AlertLevel.WARNING), Optional.empty(), Optional.of(AlertLevel.ERROR), Optional.empty(),
                Optional.of(AlertLevel.CRITICAL), Optional.of(AlertLevel.CRITICAL), Optional.of(AlertLevel.CRITICAL));
    }
}
