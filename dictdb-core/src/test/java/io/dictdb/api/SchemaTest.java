package io.dictdb.api;

import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.SchemaValidationException;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaTest {
    private DictDB db;

    @BeforeEach
    void open() {
        db = new DictDB();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Schema userSchema() {
        return Schema.builder()
                .field("id", FieldType.LONG)
                .field("name", FieldType.STRING)
                .optionalField("email", FieldType.STRING)
                .field("statut", FieldType.STRING, "à renseigner")
                .build();
    }

    // ------------------------------------------------------------------ building

    @Test
    void builderKeepsDeclarationOrderAndFlags() {
        Schema schema = userSchema();

        assertThat(schema.fieldNames()).containsExactly("id", "name", "email", "statut");
        assertThat(schema.size()).isEqualTo(4);
        SchemaField name = schema.field("name").orElseThrow();
        assertThat(name.type()).isEqualTo(FieldType.STRING);
        assertThat(name.optional()).isFalse();
        assertThat(name.required()).isTrue();
        assertThat(schema.field("email").orElseThrow().optional()).isTrue();
        SchemaField statut = schema.field("statut").orElseThrow();
        assertThat(statut.hasDefault()).isTrue();
        assertThat(statut.defaultValue()).isEqualTo("à renseigner");
        assertThat(statut.required()).isFalse();
        assertThat(schema.hasField("missing")).isFalse();
        assertThat(schema.field("missing")).isEmpty();
    }

    @Test
    void schemaOfMakesEveryFieldRequiredInMapOrder() {
        Map<String, FieldType> types = new LinkedHashMap<>();
        types.put("name", FieldType.STRING);
        types.put("age", FieldType.LONG);
        types.put("score", FieldType.DOUBLE);

        Schema schema = Schema.of(types);

        assertThat(schema.fieldNames()).containsExactly("name", "age", "score");
        assertThat(schema.fields()).allSatisfy(f -> {
            assertThat(f.required()).isTrue();
            assertThat(f.hasDefault()).isFalse();
        });
    }

    @Test
    void defaultMustMatchItsType() {
        assertThatThrownBy(() -> Schema.builder().field("age", FieldType.LONG, "old"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldTypesAreTheContractualOnes() {
        assertThat(FieldType.values()).extracting(Enum::name).containsExactly(
                "LONG", "DOUBLE", "DECIMAL", "STRING", "BOOLEAN", "DATE", "DATETIME", "INSTANT", "UUID", "LIST",
                "MAP", "ANY");
    }

    // ------------------------------------------------------------------ validation

    @Test
    void validRecordIsStoredWithItsDefault() {
        Table users = db.createTable("users", "id", userSchema());

        Object key = users.insert(rec("name", "Ann"));

        assertThat(users.get(key).orElseThrow())
                .isEqualTo(rec("id", 1L, "name", "Ann", "statut", "à renseigner"));
    }

    @Test
    void explicitValueOverridesTheDefault() {
        Table users = db.createTable("users", "id", userSchema());

        Object key = users.insert(rec("name", "Ann", "statut", "actif"));

        assertThat(users.get(key).orElseThrow()).containsEntry("statut", "actif");
    }

    @Test
    void explicitNullForAFieldWithADefaultIsRejected() {
        Table users = db.createTable("users", "id", userSchema());

        assertThatThrownBy(() -> users.insert(rec("name", "Ann", "statut", null)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Missing field 'statut' as defined in schema.");
    }

    @Test
    void optionalFieldMayBeAbsentOrNullButTyped() {
        Table users = db.createTable("users", "id", userSchema());

        users.insert(rec("name", "Ann"));
        users.insert(rec("name", "Bob", "email", null));
        users.insert(rec("name", "Cat", "email", "cat@x.io"));

        assertThat(users.count()).isEqualTo(3);
        assertThatThrownBy(() -> users.insert(rec("name", "Dan", "email", 5)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'email' expects type 'STRING', got 'Long'.");
    }

    @Test
    void missingRequiredFieldIsRejectedWithExactMessage() {
        Table users = db.createTable("users", "id", userSchema());

        assertThatThrownBy(() -> users.insert(rec("email", "a@x.io")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Missing field 'name' as defined in schema.");
        assertThatThrownBy(() -> users.insert(rec("name", null)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Missing field 'name' as defined in schema.");
        assertThat(users.count()).isZero();
    }

    @Test
    void wrongTypeIsRejectedWithExactMessage() {
        Table people = db.createTable("people", "id", Schema.builder()
                .field("age", FieldType.LONG)
                .optionalField("active", FieldType.BOOLEAN)
                .optionalField("born", FieldType.DATE)
                .build());

        assertThatThrownBy(() -> people.insert(rec("age", "thirty")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'String'.");
        assertThatThrownBy(() -> people.insert(rec("age", 1.5)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'Double'.");
        assertThatThrownBy(() -> people.insert(rec("age", true)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'Boolean'.");
        assertThatThrownBy(() -> people.insert(rec("age", 3, "active", 1)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'active' expects type 'BOOLEAN', got 'Long'.");
        assertThatThrownBy(() -> people.insert(rec("age", 3, "born", "2024-01-01")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'born' expects type 'DATE', got 'String'.");
        assertThat(people.count()).isZero();
    }

    @Test
    void integralDoubleIsNotCoercedToLong() {
        Table people = db.createTable("people", "id", Schema.builder().field("age", FieldType.LONG).build());

        assertThatThrownBy(() -> people.insert(rec("age", 30.0)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'Double'.");
    }

    @Test
    void undeclaredFieldIsRejectedWithExactMessage() {
        Table users = db.createTable("users", "id", userSchema());

        assertThatThrownBy(() -> users.insert(rec("name", "Ann", "nickname", "A")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'nickname' is not defined in the schema.");
        assertThat(users.count()).isZero();
    }

    @Test
    void integralNumberIsAcceptedForDoubleAndStoredAsDouble() {
        Table t = db.createTable("t", "id", Schema.builder().field("score", FieldType.DOUBLE).build());

        Object key = t.insert(rec("score", 3));

        assertThat(t.get(key).orElseThrow().get("score")).isInstanceOf(Double.class).isEqualTo(3.0);
    }

    @Test
    void integralNumberIsAcceptedForDecimalAndStoredAsBigDecimal() {
        Table t = db.createTable("t", "id", Schema.builder().field("price", FieldType.DECIMAL).build());

        Object key = t.insert(rec("price", 3));
        Object other = t.insert(rec("price", new BigDecimal("2.50")));

        Object stored = t.get(key).orElseThrow().get("price");
        assertThat(stored).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) stored).isEqualByComparingTo("3");
        assertThat(t.get(other).orElseThrow().get("price")).isEqualTo(new BigDecimal("2.50"));
        assertThatThrownBy(() -> t.insert(rec("price", 2.5)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'price' expects type 'DECIMAL', got 'Double'.");
    }

    @Test
    void integralNumberIsCoercedOnUpdateToo() {
        Table t = db.createTable("t", "id", Schema.builder().field("score", FieldType.DOUBLE).build());
        Object key = t.insert(rec("score", 1.5));

        t.update(rec("score", 7));

        assertThat(t.get(key).orElseThrow().get("score")).isInstanceOf(Double.class).isEqualTo(7.0);
    }

    @Test
    void otherTypesAreAcceptedWhenTheyMatch() {
        Table t = db.createTable("t", "id", Schema.builder()
                .field("tags", FieldType.LIST)
                .field("meta", FieldType.MAP)
                .field("uid", FieldType.UUID)
                .field("anything", FieldType.ANY)
                .field("day", FieldType.DATE)
                .build());

        Object key = t.insert(rec("tags", List.of(1), "meta", Map.of("a", 1), "uid", UUID.randomUUID(),
                "anything", 3.5, "day", LocalDate.of(2020, 1, 1)));

        assertThat(t.get(key)).isPresent();
        assertThatThrownBy(() -> t.insert(rec("tags", "x", "meta", Map.of(), "uid", UUID.randomUUID(),
                "anything", 1, "day", LocalDate.of(2020, 1, 1))))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'tags' expects type 'LIST', got 'String'.");
    }

    // ------------------------------------------------------------------ primary key in the schema

    @Test
    void missingPrimaryKeyIsAddedAsLongWithoutChangingTheCallersSchema() {
        Schema schema = Schema.builder().field("name", FieldType.STRING).build();

        Table t = db.createTable("t", "id", schema);

        assertThat(schema.fieldNames()).containsExactly("name");
        assertThat(schema.hasField("id")).isFalse();
        Schema effective = t.schema().orElseThrow();
        assertThat(effective.fieldNames()).containsExactlyInAnyOrder("name", "id");
        SchemaField key = effective.field("id").orElseThrow();
        assertThat(key.type()).isEqualTo(FieldType.LONG);
        assertThat(key.optional()).isFalse();
        assertThat(t.schemaFields()).containsExactlyInAnyOrder("name", "id");

        assertThat(t.insert(rec("name", "a"))).isEqualTo(1L);
        assertThat(t.insert(rec("id", 5, "name", "b"))).isEqualTo(5L);
        assertThatThrownBy(() -> t.insert(rec("id", "five", "name", "c")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'id' expects type 'LONG', got 'String'.");
    }

    @Test
    void nonLongKeyFieldRequiresExplicitKeys() {
        Schema schema = Schema.builder().field("code", FieldType.STRING).field("label", FieldType.STRING).build();
        Table t = db.createTable("codes", "code", schema);

        assertThatThrownBy(() -> t.insert(rec("label", "no key")))
                .isInstanceOf(SchemaValidationException.class);
        assertThat(t.count()).isZero();

        assertThat(t.insert(rec("code", "A", "label", "first"))).isEqualTo("A");
        assertThat(t.get("A").orElseThrow()).containsEntry("label", "first");
        assertThatThrownBy(() -> t.insert(rec("code", 1, "label", "numeric")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'code' expects type 'STRING', got 'Long'.");
    }

    @Test
    void declaredLongKeyStillGetsAutoKeys() {
        Table t = db.createTable("t", "id", userSchema());

        assertThat(t.insertAll(List.of(rec("name", "a"), rec("name", "b")))).containsExactly(1L, 2L);
    }

    // ------------------------------------------------------------------ columns

    @Test
    void columnsFollowSchemaOrder() {
        Table t = db.createTable("users", "id", userSchema());
        t.insert(rec("name", "Ann", "email", "a@x.io"));

        assertThat(t.columns()).containsExactly("id", "name", "email", "statut");
        assertThat(t.schemaFields()).containsExactly("id", "name", "email", "statut");
    }

    @Test
    void columnsWithoutSchemaAreTheSortedUnionOfFields() {
        Table t = db.createTable("free");
        t.insert(rec("zeta", 1));
        t.insert(rec("alpha", 2, "mid", 3));

        assertThat(t.columns()).containsExactly("alpha", "id", "mid", "zeta");
        assertThat(t.schemaFields()).isEmpty();
        assertThat(t.schema()).isEmpty();
    }

    @Test
    void columnsOfAnEmptyTableWithoutSchemaAreEmpty() {
        assertThat(db.createTable("free").columns()).isEmpty();
    }

    @Test
    void schemaIsImmutable() {
        Schema schema = userSchema();

        assertThatThrownBy(() -> schema.fields().add(new SchemaField("x", FieldType.ANY, true, null, false)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> schema.fieldNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
        Schema extended = schema.with(new SchemaField("x", FieldType.ANY, true, null, false));
        assertThat(extended.fieldNames()).endsWith("x");
        assertThat(schema.hasField("x")).isFalse();
    }

    @Test
    void rowsStoredUnderASchemaHaveNormalisedTypes() {
        Table t = db.createTable("t", "id", Schema.builder().field("n", FieldType.LONG).build());

        Object key = t.insert(rec("n", (byte) 4));

        Row row = t.get(key).orElseThrow();
        assertThat(row.get("n")).isEqualTo(4L);
    }
}
