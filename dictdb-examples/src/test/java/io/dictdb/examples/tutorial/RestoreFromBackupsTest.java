package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RestoreFromBackupsTest {
    @TempDir
    Path dir;

    @Test
    void theRecipeAndTheVerifiedRestoreGiveTheLiveRowsAndADamagedDeltaIsNamed() {
        RestoreFromBackups.Result result = RestoreFromBackups.run(dir, Report.silent());

        assertThat(result.live().rows()).isEqualTo(5 * 35);
        assertThat(result.live().content()).hasSize(5 * 35)
                .allSatisfy(row -> assertThat(row.get("amount")).isInstanceOf(Double.class));
        assertThat(result.recipe()).isEqualTo(result.live());
        assertThat(result.verified()).isEqualTo(result.live());
        assertThat(BackupFiles.named(dir.resolve("backups"), BackupFiles.FULL_PREFIX))
                .hasSize(2).last().isEqualTo(result.recipeFullBackup());
        assertThat(result.recipeDeltas()).hasSize(2).allSatisfy(delta -> assertThat(delta).isRegularFile());
        assertThat(result.damageReport()).contains(result.damagedDelta().getFileName().toString(), "checksum");
        assertThat(result.rowsAtLastGoodPoint()).isEqualTo(result.rowsBeforeDamagedDelta()).isEqualTo(4 * 35);
    }
}
