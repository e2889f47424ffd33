package io.dictdb.internal.engine;

import io.dictdb.DuplicateKeyException;
import io.dictdb.FieldType;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TableWrites#insertRows}, the bulk insert of rows already built in the engine's representation (a file's
 * records): every rule of {@link TableWrites#insertAll} holds, rows that need nothing more are stored without a
 * copy, and a failure publishes nothing.
 */
class InsertRowsTest {
    private static final Schema PEOPLE = Schema.builder()
            .field("name", FieldType.STRING)
            .field("age", FieldType.LONG)
            .optionalField("score", FieldType.DOUBLE)
            .field("status", FieldType.STRING, "new")
            .build();

    private final Engine engine = new Engine();

    private static Row row(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Row.of(m);
    }

    private void create(String table, String key, Schema schema) {
        engine.write(txn -> {
            txn.createTable(TableDef.create(table, key, schema));
            return null;
        });
    }

    private List<Object> insert(String table, boolean validate, Row... rows) {
        return engine.write(txn -> TableWrites.insertRows(txn, table, rows, rows.length, validate));
    }

    private TableState table(String name) {
        return engine.committedState().table(name);
    }

    @Test
    void completeRowsAreStoredAsTheyAre() {
        create("t", "id", null);
        Row a = row("id", 1L, "name", "a");
        Row b = row("id", 2L, "name", "b", "tags", List.of("x"));
        assertThat(insert("t", false, a, b)).containsExactly(1L, 2L);
        assertThat(table("t").get(1L)).isSameAs(a);
        assertThat(table("t").get(2L)).isSameAs(b);
    }

    @Test
    void aDuplicateKeyAmongTheRowsIsRefusedAndNothingIsPublished() {
        create("t", "id", null);
        assertThatThrownBy(() -> insert("t", false, row("id", 1L), row("id", 2L), row("id", 1L)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("Record with key '1' already exists in table 't'.");
        assertThat(table("t").size()).isZero();
        assertThat(table("t").nextKey()).isEqualTo(1);
    }

    @Test
    void aKeyAlreadyInTheTableIsRefused() {
        create("t", "id", null);
        insert("t", false, row("id", 5L));
        assertThatThrownBy(() -> insert("t", false, row("id", 6L), row("id", 5.0)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("Record with key '5.0' already exists in table 't'.");
        assertThat(table("t").size()).isEqualTo(1);
    }

    @Test
    void explicitIntegralKeysMoveTheCounterAndMissingKeysTakeIt() {
        create("t", "id", null);
        insert("t", false, row("id", 10L), row("id", 20.0), row("id", new BigDecimal("30.00")), row("id", "x"),
                row("id", -4L));
        assertThat(table("t").nextKey()).isEqualTo(31);
        List<Object> keys = insert("t", false, row("name", "auto"), row("id", 40L), row("name", "auto too"));
        assertThat(keys).containsExactly(31L, 40L, 41L);
        assertThat(table("t").get(31L)).containsEntry("name", "auto").containsEntry("id", 31L);
        assertThat(table("t").nextKey()).isEqualTo(42);
    }

    @Test
    void keysThatCannotBeStoredAreRefused() {
        create("t", "id", null);
        assertThatThrownBy(() -> insert("t", false, row("id", null)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Primary key field 'id' must not be null.");
        assertThatThrownBy(() -> insert("t", false, row("id", List.of(1L))))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Primary key field 'id' must be a scalar value, got 'List'.");
        create("codes", "code", Schema.builder().field("code", FieldType.STRING).build());
        assertThatThrownBy(() -> insert("codes", false, row("other", "x")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Missing field 'code' as defined in schema.");
        assertThat(table("t").size()).isZero();
    }

    @Test
    void theSchemaIsCheckedWhenAskedAndDefaultsAndCoercionsAlwaysApply() {
        create("p", "id", PEOPLE);
        assertThatThrownBy(() -> insert("p", true, row("id", 1L, "name", "a", "age", "old", "status", "x")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'age' expects type 'LONG', got 'String'.");
        assertThatThrownBy(() -> insert("p", true, row("id", 1L, "name", "a", "age", 3L, "status", "x",
                "extra", 1L)))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'extra' is not defined in the schema.");
        assertThatThrownBy(() -> insert("p", true, row("id", 1L, "age", 3L, "status", "x")))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Missing field 'name' as defined in schema.");
        assertThat(table("p").size()).isZero();

        insert("p", false, row("id", 1L, "name", "a", "age", "old", "status", "x"));
        assertThat(table("p").get(1L)).containsEntry("age", "old");

        insert("p", true, row("id", 2L, "name", "b", "age", 3L, "score", 7L));
        Row stored = table("p").get(2L);
        assertThat(stored.get("score")).isInstanceOf(Double.class).isEqualTo(7.0);
        assertThat(stored).containsEntry("status", "new");
        assertThat(new ArrayList<>(stored.keySet())).containsExactly("id", "name", "age", "score", "status");
    }

    @Test
    void aMutableRowIsRefused() {
        create("t", "id", null);
        Row mutable = row("id", 1L).mutableCopy();
        assertThatThrownBy(() -> insert("t", false, mutable)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Built rows give the same stored rows, keys and counter as the same records given to insertAll. */
    @Test
    void storesWhatInsertAllStores() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                if (random.nextInt(4) > 0) {
                    r.put("id", random.nextInt(5) == 0 ? (Object) (random.nextInt(500) + 0.0)
                            : (Object) (long) (random.nextInt(500) - 20));
                }
                r.put("name", "n" + random.nextInt(9));
                r.put("age", (long) random.nextInt(80));
                if (random.nextBoolean()) {
                    r.put("score", random.nextBoolean() ? (Object) 1.5 : (Object) 2L);
                }
                if (random.nextBoolean()) {
                    r.put("status", "s" + i);
                }
                records.add(r);
            }
            String name = "r" + round;
            Schema schema = round % 2 == 0 ? PEOPLE : null;
            boolean validate = round % 3 != 0;
            create(name + "a", "id", schema);
            create(name + "b", "id", schema);
            Object viaMaps = outcome(() -> engine.write(txn -> TableWrites.insertAll(txn, name + "a", records,
                    InsertOptions.builder().skipValidation(!validate).build())), name + "a");
            Row[] rows = records.stream().map(Row::of).toArray(Row[]::new);
            Object viaRows = outcome(() -> insert(name + "b", validate, rows), name + "b");
            assertThat(viaRows).as("round %d", round).isEqualTo(viaMaps);
            TableState a = table(name + "a");
            TableState b = table(name + "b");
            assertThat(b.nextKey()).isEqualTo(a.nextKey());
            List<Row> rowsA = new ArrayList<>();
            a.rows().forEachValue(r -> rowsA.add(r));
            List<Row> rowsB = new ArrayList<>();
            b.rows().forEachValue(r -> rowsB.add(r));
            assertThat(rowsB).isEqualTo(rowsA);
            for (int i = 0; i < rowsA.size(); i++) {
                assertThat(new ArrayList<>(rowsB.get(i).keySet())).isEqualTo(new ArrayList<>(rowsA.get(i).keySet()));
            }
        }
    }

    /** The keys inserted, or the exception thrown (its message without the table name). */
    private static Object outcome(java.util.function.Supplier<Object> insert, String table) {
        try {
            return insert.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage().replace(table, "?");
        }
    }
}
