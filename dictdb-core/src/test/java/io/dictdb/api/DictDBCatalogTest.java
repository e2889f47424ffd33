package io.dictdb.api;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.DuplicateKeyException;
import io.dictdb.DuplicateTableException;
import io.dictdb.FieldType;
import io.dictdb.RecordNotFoundException;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import io.dictdb.Table;
import io.dictdb.TableNotFoundException;
import io.dictdb.TransactionConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DictDBCatalogTest {
    private DictDB db;

    @BeforeEach
    void open() {
        db = new DictDB();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyDictDBExceptionIsUnchecked() {
        List<Class<? extends DictDBException>> types = List.of(DuplicateKeyException.class,
                DuplicateTableException.class, RecordNotFoundException.class, TableNotFoundException.class,
                SchemaValidationException.class, CorruptFileException.class, TransactionConflictException.class);

        assertThat(RuntimeException.class).isAssignableFrom(DictDBException.class);
        for (Class<? extends DictDBException> type : types) {
            assertThat(DictDBException.class).isAssignableFrom(type);
        }
    }

    @Test
    void newDatabaseHasNoTables() {
        assertThat(db.listTables()).isEmpty();
        assertThat(db.hasTable("users")).isFalse();
    }

    @Test
    void createTableUsesIdAsDefaultPrimaryKey() {
        Table users = db.createTable("users");

        assertThat(users.name()).isEqualTo("users");
        assertThat(users.primaryKey()).isEqualTo("id");
        assertThat(users.count()).isZero();
        assertThat(users.schema()).isEmpty();

        Object key = users.insert(rec("name", "Alice"));
        assertThat(key).isEqualTo(1L);
        assertThat(users.get(1L).orElseThrow()).containsEntry("id", 1L).containsEntry("name", "Alice");
    }

    @Test
    void createTableWithCustomPrimaryKey() {
        Table products = db.createTable("products", "sku");

        assertThat(products.primaryKey()).isEqualTo("sku");
        Object key = products.insert(rec("name", "Pen"));
        assertThat(key).isEqualTo(1L);
        Row row = products.get(key).orElseThrow();
        assertThat(row).containsEntry("sku", 1L).doesNotContainKey("id");
    }

    @Test
    void createTableWithSchema() {
        Schema schema = Schema.builder().field("id", FieldType.LONG).field("name", FieldType.STRING).build();

        Table people = db.createTable("people", "id", schema);

        assertThat(people.schema()).contains(schema);
        assertThat(people.schemaFields()).containsExactly("id", "name");
    }

    @Test
    void createTableWithNullSchemaHasNoSchema() {
        Table t = db.createTable("free", "id", null);

        assertThat(t.schema()).isEmpty();
        assertThat(t.schemaFields()).isEmpty();
    }

    @Test
    void duplicateTableIsRejectedWithExactMessage() {
        Table users = db.createTable("users");
        users.insert(rec("name", "Alice"));

        assertThatThrownBy(() -> db.createTable("users"))
                .isInstanceOf(DuplicateTableException.class)
                .isInstanceOf(DictDBException.class)
                .hasMessage("Table 'users' already exists.");
        assertThatThrownBy(() -> db.createTable("users", "code"))
                .isInstanceOf(DuplicateTableException.class)
                .hasMessage("Table 'users' already exists.");
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.primaryKey()).isEqualTo("id");
    }

    @Test
    void getTableOfMissingNameThrowsWithExactMessage() {
        assertThatThrownBy(() -> db.getTable("ghost"))
                .isInstanceOf(TableNotFoundException.class)
                .isInstanceOf(DictDBException.class)
                .hasMessage("Table 'ghost' does not exist.");
        assertThatThrownBy(() -> db.table("ghost"))
                .isInstanceOf(TableNotFoundException.class)
                .hasMessage("Table 'ghost' does not exist.");
    }

    @Test
    void dropTableOfMissingNameThrowsWithExactMessage() {
        assertThatThrownBy(() -> db.dropTable("ghost"))
                .isInstanceOf(TableNotFoundException.class)
                .hasMessage("Table 'ghost' does not exist.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t"})
    void nullOrBlankTableNamesAreRejected(String name) {
        assertThatThrownBy(() -> db.createTable(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.createTable(name, "id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.createTable(name, "id", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.getTable(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.dropTable(name)).isInstanceOf(IllegalArgumentException.class);
        assertThat(db.listTables()).isEmpty();
    }

    @Test
    void getTableReturnsAHandleOnTheSameData() {
        Table created = db.createTable("users");
        created.insert(rec("name", "Alice"));

        Table fetched = db.getTable("users");
        fetched.insert(rec("name", "Bob"));

        assertThat(fetched.name()).isEqualTo("users");
        assertThat(created.count()).isEqualTo(2);
        assertThat(db.table("users").count()).isEqualTo(2);
    }

    @Test
    void listTablesKeepsCreationOrder() {
        db.createTable("zeta");
        db.createTable("alpha");
        db.createTable("mid");

        assertThat(db.listTables()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void listTablesAfterDropAndRecreate() {
        db.createTable("a");
        db.createTable("b");
        db.createTable("c");

        db.dropTable("a");
        assertThat(db.listTables()).containsExactly("b", "c");

        db.createTable("a");
        assertThat(db.listTables()).containsExactly("b", "c", "a");
    }

    @Test
    void hasTableFollowsCreateAndDrop() {
        assertThat(db.hasTable("users")).isFalse();
        db.createTable("users");
        assertThat(db.hasTable("users")).isTrue();
        assertThat(db.hasTable("Users")).isFalse();
        db.dropTable("users");
        assertThat(db.hasTable("users")).isFalse();
    }

    @Test
    void dropTableRemovesItsRows() {
        Table users = db.createTable("users");
        users.insert(rec("name", "Alice"));

        db.dropTable("users");
        Table again = db.createTable("users");

        assertThat(again.count()).isZero();
        assertThat(again.insert(rec("name", "Bob"))).isEqualTo(1L);
    }

    @Test
    void handleOfADroppedTableThrowsTableNotFound() {
        Table users = db.createTable("users");
        users.insert(rec("name", "Alice"));

        db.dropTable("users");

        assertThatThrownBy(users::count)
                .isInstanceOf(TableNotFoundException.class)
                .hasMessage("Table 'users' does not exist.");
        assertThatThrownBy(() -> users.insert(rec("name", "Bob"))).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> users.select().list()).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> users.get(1L)).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(users::delete).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> users.aggregate().one()).isInstanceOf(TableNotFoundException.class);
        assertThat(db.hasTable("users")).isFalse();
    }

    @Test
    void handleFollowsATableRecreatedUnderTheSameName() {
        Table users = db.createTable("users");
        users.insert(rec("name", "Alice"));
        db.dropTable("users");
        db.createTable("users");

        assertThat(users.count()).isZero();
    }

    @Test
    void tablesAreIndependent() {
        Table a = db.createTable("a");
        Table b = db.createTable("b");
        a.insert(rec("x", 1));
        a.insert(rec("x", 2));
        b.insert(rec("y", 1));

        assertThat(a.count()).isEqualTo(2);
        assertThat(b.count()).isEqualTo(1);
        assertThat(b.insert(rec("y", 2))).isEqualTo(2L);
    }

    @Test
    void closeIsIdempotentAndDataStaysReadable() {
        Table users = db.createTable("users");
        users.insert(rec("name", "Alice"));

        db.close();
        db.close();

        assertThat(users.count()).isEqualTo(1);
    }
}
