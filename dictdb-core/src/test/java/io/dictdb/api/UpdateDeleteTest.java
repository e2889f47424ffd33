package io.dictdb.api;

import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.RecordNotFoundException;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.dictdb.api.Records.ids;
import static io.dictdb.api.Records.rec;
import static io.dictdb.api.Records.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpdateDeleteTest {
    private DictDB db;
    private Table staff;

    @BeforeEach
    void open() {
        db = new DictDB();
        staff = db.createTable("staff");
        staff.insertAll(List.of(
                rec("name", "Alice", "dept", "IT", "age", 30),
                rec("name", "Bob", "dept", "HR", "age", 40),
                rec("name", "Carol", "dept", "IT", "age", 25),
                rec("name", "Dan", "dept", "Sales", "age", 35)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ------------------------------------------------------------------ update

    @Test
    void updateSetsFieldsOnMatchingRowsAndReturnsTheCount() {
        int n = staff.update(rec("bonus", true), staff.field("dept").eq("IT"));

        assertThat(n).isEqualTo(2);
        assertThat(ids(staff.select(staff.field("bonus").eq(true)))).containsExactly(1L, 3L);
        assertThat(staff.get(2L).orElseThrow()).doesNotContainKey("bonus");
    }

    @Test
    void updateCountsMatchedRowsEvenWhenValuesAreUnchanged() {
        int n = staff.update(rec("dept", "IT"), staff.field("dept").eq("IT"));

        assertThat(n).isEqualTo(2);
    }

    @Test
    void updateKeepsOtherFields() {
        staff.update(rec("age", 31), staff.field("name").eq("Alice"));

        assertThat(staff.get(1L).orElseThrow())
                .isEqualTo(rec("name", "Alice", "dept", "IT", "age", 31L, "id", 1L));
    }

    @Test
    void updateNormalisesValues() {
        staff.update(rec("age", (short) 50, "tags", List.of(1, 2)), staff.field("id").eq(2));

        Row row = staff.get(2L).orElseThrow();
        assertThat(row.get("age")).isEqualTo(50L);
        assertThat(row.get("tags")).isEqualTo(List.of(1L, 2L));
        assertThatThrownBy(() -> row.getList("tags").add(3L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void updateWithoutConditionChangesEveryRow() {
        int n = staff.update(rec("active", true));

        assertThat(n).isEqualTo(4);
        assertThat(values(staff.all(), "active")).containsExactly(true, true, true, true);
    }

    @Test
    void updateMatchingNothingThrowsWithExactMessage() {
        assertThatThrownBy(() -> staff.update(rec("age", 1), staff.field("dept").eq("Legal")))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the update criteria in table 'staff'.");
    }

    @Test
    void updateOfAnEmptyTableThrows() {
        Table empty = db.createTable("empty");

        assertThatThrownBy(() -> empty.update(rec("a", 1)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the update criteria in table 'empty'.");
        assertThatThrownBy(() -> empty.update(Condition.all(), row -> rec("a", 1)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the update criteria in table 'empty'.");
    }

    @Test
    void updateIsAtomicOnASchemaFailure() {
        Table people = db.createTable("people", "id", Schema.builder()
                .field("name", FieldType.STRING)
                .field("age", FieldType.LONG)
                .build());
        people.insertAll(List.of(rec("name", "A", "age", 1), rec("name", "B", "age", 2), rec("name", "C", "age", 3)));
        List<Row> before = people.all();

        assertThatThrownBy(() -> people.update(Condition.all(),
                row -> row.getLong("id") == 3L ? rec("age", "three") : rec("age", row.getLong("age") + 10)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'String'.");

        assertThat(people.all()).isEqualTo(before);
    }

    @Test
    void updateRejectsAnUndeclaredFieldAndChangesNothing() {
        Table people = db.createTable("people", "id", Schema.builder().field("name", FieldType.STRING).build());
        people.insert(rec("name", "A"));

        assertThatThrownBy(() -> people.update(rec("name", "B", "age", 3)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' is not defined in the schema.");
        assertThat(people.get(1L).orElseThrow()).containsEntry("name", "A").doesNotContainKey("age");
    }

    @Test
    void updateRejectsNullForARequiredField() {
        Table people = db.createTable("people", "id", Schema.builder().field("name", FieldType.STRING).build());
        people.insert(rec("name", "A"));

        assertThatThrownBy(() -> people.update(rec("name", null)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Missing field 'name' as defined in schema.");
        assertThat(people.get(1L).orElseThrow()).containsEntry("name", "A");
    }

    @Test
    void updateWithAnUnsupportedValueChangesNothing() {
        List<Row> before = staff.all();

        assertThatThrownBy(() -> staff.update(rec("when", new Date())))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'when' has unsupported type 'java.util.Date'.");
        assertThat(staff.all()).isEqualTo(before);
    }

    @Test
    void changingThePrimaryKeyIsRejectedAndChangesNothing() {
        List<Row> before = staff.all();

        assertThatThrownBy(() -> staff.update(rec("id", 99, "name", "X"), staff.field("id").eq(1)))
                .isInstanceOf(SchemaValidationException.class);
        assertThatThrownBy(() -> staff.update(rec("id", 2), staff.field("id").eq(1)))
                .isInstanceOf(SchemaValidationException.class);
        assertThatThrownBy(() -> staff.update(Condition.all(), row -> rec("id", row.getLong("id") + 100)))
                .isInstanceOf(SchemaValidationException.class);

        assertThat(staff.all()).isEqualTo(before);
        assertThat(staff.get(99L)).isEmpty();
        assertThat(staff.count()).isEqualTo(4);
    }

    @Test
    void readModifyWriteUpdateReceivesEachRow() {
        int n = staff.update(staff.field("dept").eq("IT"), row -> rec("age", row.getLong("age") + 1));

        assertThat(n).isEqualTo(2);
        assertThat(values(staff.all(), "age")).containsExactly(31L, 40L, 26L, 35L);
    }

    @Test
    void readModifyWriteReturningNullOrEmptyLeavesTheRowButCountsIt() {
        int n = staff.update(Condition.all(), row -> {
            if (row.getLong("id") == 1L) {
                return null;
            }
            if (row.getLong("id") == 2L) {
                return Map.of();
            }
            return rec("seen", true);
        });

        assertThat(n).isEqualTo(4);
        assertThat(staff.get(1L).orElseThrow()).doesNotContainKey("seen");
        assertThat(staff.get(2L).orElseThrow()).doesNotContainKey("seen");
        assertThat(ids(staff.select(staff.field("seen").eq(true)))).containsExactly(3L, 4L);
    }

    @Test
    void readModifyWriteGetsImmutableRows() {
        assertThatThrownBy(() -> staff.update(Condition.all(), row -> {
            row.put("name", "hacked");
            return null;
        })).isInstanceOf(UnsupportedOperationException.class);
        assertThat(values(staff.all(), "name")).containsExactly("Alice", "Bob", "Carol", "Dan");
    }

    @Test
    void readModifyWriteMatchingNothingThrows() {
        assertThatThrownBy(() -> staff.update(staff.field("age").gt(100), row -> rec("x", 1)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the update criteria in table 'staff'.");
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleteRemovesMatchingRowsAndReturnsTheCount() {
        int n = staff.delete(staff.field("dept").eq("IT"));

        assertThat(n).isEqualTo(2);
        assertThat(ids(staff.all())).containsExactly(2L, 4L);
    }

    @Test
    void deleteMatchingNothingThrowsWithExactMessage() {
        assertThatThrownBy(() -> staff.delete(staff.field("dept").eq("Legal")))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the deletion criteria in table 'staff'.");
        assertThat(staff.count()).isEqualTo(4);
    }

    @Test
    void deleteWithoutConditionRemovesEveryRow() {
        assertThat(staff.delete()).isEqualTo(4);
        assertThat(staff.count()).isZero();
    }

    @Test
    void deleteOnAnEmptyTableThrows() {
        staff.delete();

        assertThatThrownBy(staff::delete)
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the deletion criteria in table 'staff'.");
    }

    @Test
    void deleteByPrimaryKey() {
        assertThat(staff.delete(staff.field("id").eq(3))).isEqualTo(1);
        assertThat(staff.get(3L)).isEmpty();
        assertThat(staff.count()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ by primary key (one lookup, no plan)

    @Test
    void updateByPrimaryKeyChangesOnlyThatRow() {
        assertThat(staff.update(rec("age", 41), staff.field("id").eq(2L))).isEqualTo(1);

        assertThat(staff.get(2L).orElseThrow()).containsEntry("age", 41L).containsEntry("name", "Bob");
        assertThat(values(staff.all(), "age")).containsExactly(30L, 41L, 25L, 35L);
    }

    @Test
    void updateAndDeleteByAMissingPrimaryKeyThrowWithTheUsualMessages() {
        assertThatThrownBy(() -> staff.update(rec("age", 1), staff.field("id").eq(99)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the update criteria in table 'staff'.");
        assertThatThrownBy(() -> staff.delete(staff.field("id").eq(99)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessage("No records match the deletion criteria in table 'staff'.");
        assertThat(staff.count()).isEqualTo(4);
    }

    @Test
    void aPrimaryKeyOfAnotherTypeMatchesNothingAsInASelect() {
        assertThat(staff.select(staff.field("id").eq("1"))).isEmpty();

        assertThatThrownBy(() -> staff.update(rec("age", 1), staff.field("id").eq("1")))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> staff.update(rec("age", 1), staff.field("id").eq(List.of(1))))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(staff.get(1L).orElseThrow()).containsEntry("age", 30L);
    }

    @Test
    void aFlatUpdateOfARowWithANestedValueStillCopiesItOnRead() {
        staff.update(rec("tags", List.of("a", "b")), staff.field("id").eq(1));
        staff.update(rec("age", 31), staff.field("id").eq(1));

        Row copy = staff.select(staff.field("id").eq(1)).get(0);
        @SuppressWarnings("unchecked")
        List<Object> tags = (List<Object>) copy.get("tags");
        tags.add("c");

        assertThat(staff.get(1L).orElseThrow().get("tags")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void updatingTheOnlyNestedValueToAFlatOneIsStored() {
        staff.update(rec("tags", List.of("a")), staff.field("id").eq(1));
        staff.update(rec("tags", "none"), staff.field("id").eq(1));

        assertThat(staff.get(1L).orElseThrow()).containsEntry("tags", "none");
        assertThat(staff.select(staff.field("id").eq(1)).get(0)).containsEntry("tags", "none");
    }
}
