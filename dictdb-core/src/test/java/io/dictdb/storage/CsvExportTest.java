package io.dictdb.storage;

import io.dictdb.CsvExportOptions;
import io.dictdb.CsvOptions;
import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.FieldType;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.dictdb.storage.StorageFixtures.list;
import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table.exportCsv: columns, where, delimiter, encoding, RFC 4180 output, and export-then-import round trips. */
class CsvExportTest {
    @TempDir
    Path dir;

    private final DictDB db = new DictDB();

    private Table people() {
        Table t = db.createTable("people");
        t.insert(rec("name", "Alice", "age", 30L, "city", "Lille"));
        t.insert(rec("name", "Bob, Jr.", "age", null, "note", "says \"hi\"\non two lines"));
        t.insert(rec("name", "Zoë", "age", 25L, "tags", list("a", 1L), "ok", true, "score", 0.1));
        return t;
    }

    @Test
    void defaultColumnsAreEveryFieldInFirstSeenOrder() throws IOException {
        Path file = dir.resolve("people.csv");
        int written = people().exportCsv(file, CsvExportOptions.defaults());

        assertThat(written).isEqualTo(3);
        assertThat(Files.readString(file)).isEqualTo(
                "name,age,city,id,note,tags,ok,score\r\n"
                + "Alice,30,Lille,1,,,,\r\n"
                + "\"Bob, Jr.\",,,2,\"says \"\"hi\"\"\non two lines\",,,\r\n"
                + "Zoë,25,,3,,\"[\"\"a\"\",1]\",true,0.1\r\n");
    }

    @Test
    void columnsWhereDelimiterAndEncoding() throws IOException {
        Table t = people();
        Path file = dir.resolve("some.csv");

        int written = t.exportCsv(file, CsvExportOptions.builder().columns("id", "name", "missing")
                .where(t.field("age").gte(25)).delimiter(';').encoding(StandardCharsets.ISO_8859_1).build());

        assertThat(written).isEqualTo(2);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                .isEqualTo("id;name;missing\r\n1;Alice;\r\n3;Zoë;\r\n");
    }

    @Test
    void schemaTablesUseTheSchemaOrder() throws IOException {
        Table t = db.createTable("s", "id", Schema.builder().field("b", FieldType.STRING)
                .field("a", FieldType.LONG).build());
        t.insert(rec("a", 1L, "b", "x"));
        Path file = dir.resolve("s.csv");
        t.exportCsv(file, CsvExportOptions.defaults());
        assertThat(Files.readString(file)).isEqualTo("b,a,id\r\nx,1,1\r\n");
    }

    @Test
    void noMatchingRowWritesOnlyTheHeaderWhenColumnsAreGivenAndNoFileOtherwise() throws IOException {
        Table t = people();
        Path none = dir.resolve("none.csv");
        Path header = dir.resolve("header.csv");

        assertThat(t.exportCsv(none, CsvExportOptions.builder().where(t.field("age").gt(100)).build())).isZero();
        assertThat(t.exportCsv(header, CsvExportOptions.builder().columns(List.of("name", "age"))
                .where(t.field("age").gt(100)).build())).isZero();

        assertThat(Files.exists(none)).isFalse();
        assertThat(Files.readString(header)).isEqualTo("name,age\r\n");
    }

    @Test
    void textThatTheEncodingCannotHoldIsRefusedAndNoFileIsLeft() {
        Table t = db.createTable("t");
        t.insert(rec("name", "\u5317\u4eac"));
        Path file = dir.resolve("t.csv");
        assertThatThrownBy(() -> t.exportCsv(file, CsvExportOptions.builder()
                .encoding(StandardCharsets.ISO_8859_1).build()))
                .isInstanceOf(DictDBException.class).hasMessageContaining("ISO-8859-1");
        assertThat(StorageFixtures.fileNames(dir)).isEmpty();
    }

    @Test
    void inferredTypesRoundTrip() throws IOException {
        Table t = db.createTable("t");
        Random random = new Random(3);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(rec("count", (long) random.nextInt(), "ratio", random.nextDouble() * 1e6 - 5e5,
                    "label", "l" + random.nextInt(100) + (i % 7 == 0 ? ", \"quoted\"\n" : ""),
                    "maybe", i % 3 == 0 ? null : (long) i));
        }
        t.insertAll(rows);
        Path file = dir.resolve("t.csv");

        t.exportCsv(file, CsvExportOptions.defaults());
        db.importCsv(file, "back", CsvOptions.defaults());

        assertThat(db.getTable("back").select().copy(false).list())
                .containsExactlyElementsOf(t.select().copy(false).list());
    }

    @Test
    void everySchemaTypeRoundTrips() throws IOException {
        Schema schema = Schema.builder()
                .field("sku", FieldType.STRING).field("price", FieldType.DECIMAL).field("weight", FieldType.DOUBLE)
                .field("stock", FieldType.LONG).field("ok", FieldType.BOOLEAN).field("day", FieldType.DATE)
                .field("at", FieldType.DATETIME).field("seen", FieldType.INSTANT).field("ref", FieldType.UUID)
                .field("tags", FieldType.LIST).field("meta", FieldType.MAP)
                .optionalField("maybe", FieldType.DOUBLE).build();
        Table t = db.createTable("products", "sku", schema);
        t.insert(rec("sku", "A,1", "price", new BigDecimal("1.50"), "weight", 2.25, "stock", 3L, "ok", true,
                "day", LocalDate.of(2024, 1, 31), "at", LocalDateTime.of(2024, 1, 31, 10, 15, 30, 5),
                "seen", Instant.parse("2024-01-31T09:00:00.123Z"), "ref", UUID.randomUUID(),
                "tags", list("x", 1L, 2.5, null, true, list()), "meta", rec("k", "v", "n", rec("m", 1L)),
                "maybe", null));
        t.insert(rec("sku", "B", "price", new BigDecimal("1E+3"), "weight", Double.NaN, "stock", -1L, "ok", false,
                "day", LocalDate.of(1, 1, 1), "at", LocalDateTime.of(2024, 1, 31, 0, 0),
                "seen", Instant.EPOCH, "ref", new UUID(0, 0), "tags", list(), "meta", rec(), "maybe", 1.0));
        Path file = dir.resolve("products.csv");

        t.exportCsv(file, CsvExportOptions.defaults());
        db.importCsv(file, "back", CsvOptions.builder().primaryKey("sku").schema(schema).build());

        List<Row> back = db.getTable("back").select().copy(false).list();
        assertThat(back).containsExactlyElementsOf(t.select().copy(false).list());
        assertThat(StorageFixtures.image(db).get(1).rowTypes()).isEqualTo(StorageFixtures.image(db).get(0).rowTypes());
    }
}
