package io.dictdb.api;

import io.dictdb.DictDB;
import io.dictdb.DuplicateKeyException;
import io.dictdb.FieldType;
import io.dictdb.OnConflict;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import io.dictdb.Table;
import io.dictdb.UpsertResult;
import io.dictdb.UpsertResult.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Date;

import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpsertTest {
    private DictDB db;
    private Table users;

    @BeforeEach
    void open() {
        db = new DictDB();
        users = db.createTable("users");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void upsertResultIsARecordOfKeyAndAction() {
        UpsertResult result = new UpsertResult(1L, Action.UPDATED);

        assertThat(result.key()).isEqualTo(1L);
        assertThat(result.action()).isEqualTo(Action.UPDATED);
        assertThat(result).isEqualTo(new UpsertResult(1L, Action.UPDATED));
        assertThat(Action.values()).containsExactly(Action.INSERTED, Action.UPDATED, Action.IGNORED);
    }

    @ParameterizedTest
    @EnumSource(OnConflict.class)
    void recordWithoutKeyIsInsertedWithAnAutoKey(OnConflict onConflict) {
        users.insert(rec("name", "first"));

        UpsertResult result = users.upsert(rec("name", "Alice"), onConflict);

        assertThat(result).isEqualTo(new UpsertResult(2L, Action.INSERTED));
        assertThat(users.get(2L).orElseThrow()).containsEntry("name", "Alice");
    }

    @ParameterizedTest
    @EnumSource(OnConflict.class)
    void recordWithAnUnknownKeyIsInserted(OnConflict onConflict) {
        UpsertResult result = users.upsert(rec("id", 10, "name", "Alice"), onConflict);

        assertThat(result).isEqualTo(new UpsertResult(10L, Action.INSERTED));
        assertThat(users.get(10L).orElseThrow()).containsEntry("name", "Alice");
        assertThat(users.insert(rec("name", "next"))).isEqualTo(11L);
    }

    @Test
    void defaultOnConflictIsUpdate() {
        users.insert(rec("id", 1, "name", "Alice", "age", 30));

        UpsertResult result = users.upsert(rec("id", 1, "age", 31));

        assertThat(result).isEqualTo(new UpsertResult(1L, Action.UPDATED));
        assertThat(users.get(1).orElseThrow()).containsEntry("age", 31L);
    }

    @Test
    void updateMergesGivenFieldsAndKeepsTheOthers() {
        users.insert(rec("id", 1, "name", "Alice", "age", 30, "city", "Paris"));

        UpsertResult result = users.upsert(rec("id", 1, "age", 31, "email", "a@x.io"), OnConflict.UPDATE);

        assertThat(result.action()).isEqualTo(Action.UPDATED);
        assertThat(result.key()).isEqualTo(1L);
        Row row = users.get(1).orElseThrow();
        assertThat(row).containsEntry("id", 1L)
                .containsEntry("name", "Alice")
                .containsEntry("age", 31L)
                .containsEntry("city", "Paris")
                .containsEntry("email", "a@x.io")
                .hasSize(5);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void updateMatchesTheKeyByValue() {
        users.insert(rec("id", 1, "name", "Alice"));

        UpsertResult result = users.upsert(rec("id", 1.0, "name", "Alicia"), OnConflict.UPDATE);

        assertThat(result.action()).isEqualTo(Action.UPDATED);
        assertThat(result.key()).isEqualTo(1L);
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.get(1L).orElseThrow()).containsEntry("name", "Alicia");
    }

    @Test
    void ignoreLeavesTheStoredRowUnchanged() {
        users.insert(rec("id", 1, "name", "Alice", "age", 30));

        UpsertResult result = users.upsert(rec("id", 1, "name", "Bob", "extra", 1), OnConflict.IGNORE);

        assertThat(result).isEqualTo(new UpsertResult(1L, Action.IGNORED));
        assertThat(users.get(1).orElseThrow()).isEqualTo(rec("id", 1L, "name", "Alice", "age", 30L));
    }

    @Test
    void errorThrowsDuplicateKeyException() {
        users.insert(rec("id", 1, "name", "Alice"));

        assertThatThrownBy(() -> users.upsert(rec("id", 1, "name", "Bob"), OnConflict.ERROR))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("Record with key '1' already exists in table 'users'.");
        assertThat(users.get(1).orElseThrow()).containsEntry("name", "Alice");
    }

    @Test
    void invalidMergeChangesNothing() {
        Table people = db.createTable("people", "id", Schema.builder()
                .field("name", FieldType.STRING)
                .field("age", FieldType.LONG)
                .build());
        people.insert(rec("id", 1, "name", "Alice", "age", 30));
        Row before = people.get(1).orElseThrow();

        assertThatThrownBy(() -> people.upsert(rec("id", 1, "name", "Alicia", "age", "thirty")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'String'.");
        assertThatThrownBy(() -> people.upsert(rec("id", 1, "name", "Alicia", "nickname", "Al")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'nickname' is not defined in the schema.");
        assertThatThrownBy(() -> people.upsert(rec("id", 1, "name", null)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Missing field 'name' as defined in schema.");

        assertThat(people.get(1).orElseThrow()).isEqualTo(before)
                .isEqualTo(rec("id", 1L, "name", "Alice", "age", 30L));
    }

    @Test
    void mergeOfAnUnsupportedValueChangesNothing() {
        users.insert(rec("id", 1, "name", "Alice"));

        assertThatThrownBy(() -> users.upsert(rec("id", 1, "name", "Bob", "when", new Date())))
                .isInstanceOf(SchemaValidationException.class);

        assertThat(users.get(1).orElseThrow()).isEqualTo(rec("id", 1L, "name", "Alice"));
    }

    @Test
    void validMergeIntoASchemaTableIsValidatedAsAWhole() {
        Table people = db.createTable("people", "id", Schema.builder()
                .field("name", FieldType.STRING)
                .field("age", FieldType.LONG)
                .build());
        people.insert(rec("id", 1, "name", "Alice", "age", 30));

        UpsertResult result = people.upsert(rec("id", 1, "age", 31));

        assertThat(result.action()).isEqualTo(Action.UPDATED);
        assertThat(people.get(1).orElseThrow()).isEqualTo(rec("id", 1L, "name", "Alice", "age", 31L));
    }

    @Test
    void upsertInsertOfAnInvalidRecordIsRejected() {
        Table people = db.createTable("people", "id", Schema.builder().field("name", FieldType.STRING).build());

        assertThatThrownBy(() -> people.upsert(rec("id", 3, "name", 5)))
                .isInstanceOf(SchemaValidationException.class);
        assertThat(people.count()).isZero();
    }

    @Test
    void upsertWithExplicitNullKeyIsRejected() {
        assertThatThrownBy(() -> users.upsert(rec("id", null, "name", "x")))
                .isInstanceOf(SchemaValidationException.class);
        assertThat(users.count()).isZero();
    }

    @Test
    void callersMapIsNotModifiedByUpsert() {
        var record = rec("name", "Alice");

        UpsertResult result = users.upsert(record);

        assertThat(result.action()).isEqualTo(Action.INSERTED);
        assertThat(record).containsOnlyKeys("name");
    }
}
