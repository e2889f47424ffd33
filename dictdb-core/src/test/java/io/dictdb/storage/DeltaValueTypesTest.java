package io.dictdb.storage;

import io.dictdb.DictDB;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;
import io.dictdb.backup.Backups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.dictdb.storage.StorageFixtures.everyType;
import static io.dictdb.storage.StorageFixtures.image;
import static io.dictdb.storage.StorageFixtures.nextKeys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value type of the API survives a delta backup exactly (class, scale, nesting), both for rows changed in an
 * existing table and for a table created after the full backup.
 */
class DeltaValueTypesTest {
    @TempDir
    Path dir;

    @Test
    void everyValueTypeRoundTripsThroughADelta() throws Exception {
        DictDB live = new DictDB();
        live.createTable("seed").insert(java.util.Map.of("n", 1L));
        try (BackupManager backups = BackupManager.builder(live, dir).incremental(true).build()) {
            backups.backupFull();
            copyInto(everyType(), live);
            backups.backupDelta();
        }
        DictDB restored = Backups.restore(dir);
        assertThat(image(restored)).isEqualTo(image(live));
        assertThat(nextKeys(restored)).isEqualTo(nextKeys(live));
    }

    @Test
    void rowsRewrittenInADeltaKeepTheirTypes() throws Exception {
        DictDB live = everyType();
        try (BackupManager backups = BackupManager.builder(live, dir).incremental(true).build()) {
            backups.backupFull();
            for (String name : live.listTables()) {
                Table table = live.getTable(name);
                List<Row> rows = table.select().list();
                if (!rows.isEmpty()) {
                    table.delete();
                    table.insertAll(rows, InsertOptions.builder().skipValidation(true).build());
                }
            }
            backups.backupDelta();
        }
        DictDB restored = Backups.restore(dir);
        assertThat(image(restored)).isEqualTo(image(live));
    }

    /** Creates every table of the source in the target, with its schema and indexes, and copies its rows. */
    private static void copyInto(DictDB source, DictDB target) {
        InsertOptions trusted = InsertOptions.builder().skipValidation(true).build();
        for (String name : source.listTables()) {
            Table from = source.getTable(name);
            Table to = from.schema().isPresent()
                    ? target.createTable(name, from.primaryKey(), from.schema().get())
                    : target.createTable(name, from.primaryKey());
            to.insertAll(from.select().list(), trusted);
            for (String field : from.indexedFields()) {
                to.createIndex(field, from.indexType(field).orElseThrow());
            }
        }
    }
}
