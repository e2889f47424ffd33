package io.dictdb.storage;

import io.dictdb.CorruptFileException;
import io.dictdb.CsvOptions;
import io.dictdb.DictDB;
import io.dictdb.DuplicateKeyException;
import io.dictdb.DuplicateTableException;
import io.dictdb.FieldType;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.dictdb.storage.StorageFixtures.list;
import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DictDB.importCsv: every option of CsvOptions, RFC 4180 quoting, inference, schema conversion, atomicity. */
class CsvImportTest {
    @TempDir
    Path dir;

    private final DictDB db = new DictDB();

    private Path csv(String content) throws IOException {
        return csv(content, StandardCharsets.UTF_8);
    }

    private Path csv(String content, Charset charset) throws IOException {
        Path file = Files.createTempFile(dir, "data", ".csv");
        Files.write(file, content.getBytes(charset));
        return file;
    }

    private List<Row> rows(String table) {
        return db.getTable(table).select().copy(false).list();
    }

    @Test
    void headerAndInferredTypes() throws IOException {
        Path file = csv("id,name,age,score,note,blank\r\n1,Alice,30,1.5,x,\r\n2,Bob,,2,,\r\n");

        int imported = db.importCsv(file, "people", CsvOptions.defaults());

        assertThat(imported).isEqualTo(2);
        assertThat(rows("people")).containsExactly(
                Row.of(rec("id", 1L, "name", "Alice", "age", 30L, "score", 1.5, "note", "x", "blank", null)),
                Row.of(rec("id", 2L, "name", "Bob", "age", null, "score", 2.0, "note", "", "blank", null)));
        assertThat(db.getTable("people").insert(Map.of("name", "next"))).isEqualTo(3L);
    }

    @Test
    void inferenceFollowsTheReferenceRules() throws IOException {
        Path file = csv("a,b,c,d,e\n 42 ,1e5,nan,-7,True\n+3,2,-inf,x,False\n");

        db.importCsv(file, "t", CsvOptions.defaults());

        Row first = rows("t").get(0);
        assertThat(first.get("a")).isEqualTo(42L);
        assertThat(first.get("b")).isEqualTo(100000.0);
        assertThat((Double) first.get("c")).isNaN();
        assertThat(first.get("d")).isEqualTo("-7");
        assertThat(first.get("e")).isEqualTo("True");
        assertThat(rows("t").get(1).get("c")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(rows("t").get(1).get("a")).isEqualTo(3L);
    }

    @Test
    void withoutInferenceEveryCellIsAString() throws IOException {
        Path file = csv("code,n\nA,1\n");
        db.importCsv(file, "t", CsvOptions.builder().primaryKey("code").inferTypes(false).build());
        assertThat(rows("t")).containsExactly(Row.of(rec("code", "A", "n", "1")));
        assertThat(db.getTable("t").primaryKey()).isEqualTo("code");
    }

    @Test
    void quotingFollowsRfc4180() throws IOException {
        Path file = csv("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,plain\n");

        db.importCsv(file, "t", CsvOptions.defaults());

        assertThat(rows("t")).extracting(r -> r.get("text"))
                .containsExactly("a, b", "say \"hi\"", "two\r\nlines", "plain");
    }

    @Test
    void noHeaderNamesColumnsByPosition() throws IOException {
        Path file = csv("1;x;2.5\n2;y\n3;z;1;extra\n");

        db.importCsv(file, "t", CsvOptions.builder().hasHeader(false).delimiter(';').primaryKey("col_0").build());

        assertThat(rows("t")).containsExactly(
                Row.of(rec("col_0", 1L, "col_1", "x", "col_2", 2.5)),
                Row.of(rec("col_0", 2L, "col_1", "y", "col_2", null)),
                Row.of(rec("col_0", 3L, "col_1", "z", "col_2", 1.0)));
    }

    @Test
    void encodingIsHonouredAndAByteOrderMarkIsDropped() throws IOException {
        Path latin = csv("id,name\n1,Zoë\n", StandardCharsets.ISO_8859_1);
        db.importCsv(latin, "latin", CsvOptions.builder().encoding(StandardCharsets.ISO_8859_1).build());
        assertThat(rows("latin").get(0).get("name")).isEqualTo("Zoë");

        Path bom = csv("\uFEFFid,name\n7,x\n");
        db.importCsv(bom, "bom", CsvOptions.defaults());
        assertThat(rows("bom")).containsExactly(Row.of(rec("id", 7L, "name", "x")));
    }

    @Test
    void textThatIsNotValidInTheEncodingIsACorruptFile() throws IOException {
        Path file = csv("id,name\n1,Zoë\n", StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> db.importCsv(file, "t", CsvOptions.defaults()))
                .isInstanceOf(CorruptFileException.class).hasMessageContaining("UTF-8");
        assertThat(db.hasTable("t")).isFalse();
    }

    @Test
    void schemaDrivesConversion() throws IOException {
        Schema schema = Schema.builder()
                .field("id", FieldType.LONG).field("price", FieldType.DECIMAL).field("weight", FieldType.DOUBLE)
                .field("ok", FieldType.BOOLEAN).field("day", FieldType.DATE).field("at", FieldType.DATETIME)
                .field("seen", FieldType.INSTANT).field("ref", FieldType.UUID).field("tags", FieldType.LIST)
                .field("meta", FieldType.MAP).field("name", FieldType.STRING).optionalField("any", FieldType.ANY)
                .optionalField("maybe", FieldType.LONG).build();
        Path file = csv("id,price,weight,ok,day,at,seen,ref,tags,meta,name,any,maybe\n"
                + "1,1.50,2,yes,2024-01-31,2024-01-31T10:15:30,2024-01-31T09:00:00Z,"
                + "123e4567-e89b-12d3-a456-426614174000,\"[1, \"\"a\"\"]\",\"{\"\"k\"\": 2}\",,42,\n"
                + "2,3,0.5,FALSE,2024-02-01,2024-02-01T00:00,2024-02-01T00:00:00Z,"
                + "00000000-0000-0000-0000-000000000001,[],{},Bob,,7\n");

        db.importCsv(file, "t", CsvOptions.builder().schema(schema).build());

        Row first = rows("t").get(0);
        assertThat(first).isEqualTo(Row.of(rec("id", 1L, "price", new BigDecimal("1.50"), "weight", 2.0,
                "ok", true, "day", LocalDate.of(2024, 1, 31), "at", LocalDateTime.of(2024, 1, 31, 10, 15, 30),
                "seen", Instant.parse("2024-01-31T09:00:00Z"),
                "ref", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "tags", list(1L, "a"),
                "meta", rec("k", 2L), "name", "", "any", "42", "maybe", null)));
        assertThat(rows("t").get(1).get("ok")).isEqualTo(false);
        assertThat(rows("t").get(1).get("price")).isEqualTo(new BigDecimal("3"));
        assertThat(db.getTable("t").schema()).contains(schema);
    }

    @Test
    void aCellThatIsNotOfItsSchemaTypeFailsValidationAndLeavesNoTable() throws IOException {
        Schema schema = Schema.builder().field("id", FieldType.LONG).field("age", FieldType.LONG).build();
        Path file = csv("id,age\n1,30\n2,thirty\n");

        assertThatThrownBy(() -> db.importCsv(file, "t", CsvOptions.builder().schema(schema).build()))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'String'.");
        assertThat(db.hasTable("t")).isFalse();

        int imported = db.importCsv(file, "t", CsvOptions.builder().schema(schema).skipValidation(true).build());
        assertThat(imported).isEqualTo(2);
        assertThat(rows("t").get(1).get("age")).isEqualTo("thirty");
    }

    @Test
    void columnsOutsideTheSchemaAreRejectedUnlessValidationIsSkipped() throws IOException {
        Schema schema = Schema.builder().field("name", FieldType.STRING).build();
        Path file = csv("name,extra\nA,1\n");
        assertThatThrownBy(() -> db.importCsv(file, "t", CsvOptions.builder().schema(schema).build()))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'extra' is not defined in the schema.");
        assertThat(db.hasTable("t")).isFalse();
    }

    @Test
    void anExistingTableIsRefusedBeforeTheFileIsRead() {
        db.createTable("t");
        assertThatThrownBy(() -> db.importCsv(dir.resolve("missing.csv"), "t", CsvOptions.defaults()))
                .isInstanceOf(DuplicateTableException.class)
                .hasMessage("Table 't' already exists.");
    }

    @Test
    void aMissingFileIsAnIoFailure() {
        assertThatThrownBy(() -> db.importCsv(dir.resolve("missing.csv"), "t", CsvOptions.defaults()))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(NoSuchFileException.class);
        assertThat(db.hasTable("t")).isFalse();
    }

    @Test
    void malformedCsvIsACorruptFileAndLeavesNoTable() throws IOException {
        Path file = csv("id,text\n1,\"never closed\n2,x\n");
        assertThatThrownBy(() -> db.importCsv(file, "t", CsvOptions.defaults()))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining(file.toString());
        assertThat(db.hasTable("t")).isFalse();
    }

    @Test
    void aDuplicateKeyLeavesNoTable() throws IOException {
        Path file = csv("id,name\n1,a\n1,b\n");
        assertThatThrownBy(() -> db.importCsv(file, "t", CsvOptions.defaults()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(db.hasTable("t")).isFalse();
        assertThat(db.listTables()).isEmpty();
    }

    @Test
    void emptyKeyCellsGetAutomaticKeysAndBlankLinesAreSkipped() throws IOException {
        Path file = csv("id,name\n5,a\n\n,b\n,c\n");
        assertThat(db.importCsv(file, "t", CsvOptions.defaults())).isEqualTo(3);
        assertThat(rows("t")).extracting(r -> r.get("id")).containsExactly(5L, 6L, 7L);
    }

    @Test
    void emptyFilesGiveAnEmptyTable() throws IOException {
        assertThat(db.importCsv(csv(""), "empty", CsvOptions.defaults())).isZero();
        assertThat(db.importCsv(csv("id,name\n"), "headerOnly", CsvOptions.defaults())).isZero();
        assertThat(db.listTables()).containsExactly("empty", "headerOnly");
    }

    @Test
    void aRepeatedColumnKeepsItsLastCell() throws IOException {
        db.importCsv(csv("id,a,a\n1,x,2\n"), "t", CsvOptions.defaults());
        assertThat(rows("t")).containsExactly(Row.of(rec("id", 1L, "a", 2L)));
    }

    @Test
    void importJoinsARunningTransaction() throws IOException {
        Path file = csv("id\n1\n");
        assertThatThrownBy(() -> db.transaction(tx -> {
            db.importCsv(file, "t", CsvOptions.defaults());
            assertThat(tx.getTable("t").count()).isEqualTo(1);
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(db.hasTable("t")).isFalse();
    }

    @Test
    void aNullOrBlankTableNameIsRefused() throws IOException {
        Path file = csv("id\n1\n");
        assertThatThrownBy(() -> db.importCsv(file, " ", CsvOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.importCsv(file, null, CsvOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(db.listTables()).isEmpty();
    }
}
