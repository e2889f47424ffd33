package io.dictdb.api;

import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.DuplicateKeyException;
import io.dictdb.FieldType;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.SchemaValidationException;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsertAndKeysTest {
    private DictDB db;
    private Table items;

    @BeforeEach
    void open() {
        db = new DictDB();
        items = db.createTable("items");
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ------------------------------------------------------------------ auto keys

    @Test
    void autoKeysAreLongsStartingAtOne() {
        Object k1 = items.insert(rec("name", "a"));
        Object k2 = items.insert(rec("name", "b"));
        Object k3 = items.insert(rec("name", "c"));

        assertThat(List.of(k1, k2, k3)).containsExactly(1L, 2L, 3L);
        assertThat(k1).isInstanceOf(Long.class);
        assertThat(items.get(2L).orElseThrow()).containsEntry("id", 2L).containsEntry("name", "b");
    }

    @Test
    void explicitIntegralKeyMovesTheCounterPastIt() {
        assertThat(items.insert(rec("id", 10, "name", "ten"))).isEqualTo(10L);

        assertThat(items.insert(rec("name", "next"))).isEqualTo(11L);
    }

    @Test
    void explicitKeyBelowTheCounterDoesNotMoveIt() {
        items.insert(rec("id", 100));
        items.insert(rec("id", 50));

        assertThat(items.insert(rec("name", "auto"))).isEqualTo(101L);
    }

    @Test
    void explicitKeyIsReturnedNormalised() {
        assertThat(items.insert(rec("id", 7))).isEqualTo(7L).isInstanceOf(Long.class);
        assertThat(items.insert(rec("id", (short) 8))).isEqualTo(8L);
        assertThat(items.insert(rec("id", BigInteger.valueOf(9)))).isEqualTo(9L);
    }

    @Test
    void autoKeysAreNeverReusedAfterDelete() {
        items.insert(rec("name", "a"));
        items.insert(rec("name", "b"));
        items.insert(rec("name", "c"));

        items.delete(items.field("id").eq(3));
        assertThat(items.insert(rec("name", "d"))).isEqualTo(4L);

        items.delete();
        assertThat(items.insert(rec("name", "e"))).isEqualTo(5L);
    }

    @Test
    void nonIntegerExplicitKeysAreAccepted() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        assertThat(items.insert(rec("id", "abc"))).isEqualTo("abc");
        assertThat(items.insert(rec("id", uuid))).isEqualTo(uuid);
        assertThat(items.insert(rec("id", LocalDate.of(2024, 1, 2)))).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(items.insert(rec("name", "auto"))).isEqualTo(1L);

        assertThat(items.get("abc")).isPresent();
        assertThat(items.get(uuid)).isPresent();
        assertThat(items.count()).isEqualTo(4);
    }

    @Test
    void storedRowContainsTheKey() {
        Object key = items.insert(rec("name", "a"));

        assertThat(items.get(key).orElseThrow()).containsEntry("id", key);
    }

    // ------------------------------------------------------------------ duplicate and invalid keys

    @Test
    void duplicateKeyIsRejectedWithExactMessage() {
        items.insert(rec("id", 1, "name", "first"));

        assertThatThrownBy(() -> items.insert(rec("id", 1, "name", "second")))
                .isInstanceOf(DuplicateKeyException.class)
                .isInstanceOf(DictDBException.class)
                .hasMessage("Record with key '1' already exists in table 'items'.");
        assertThat(items.get(1).orElseThrow()).containsEntry("name", "first");
        assertThat(items.count()).isEqualTo(1);
    }

    @Test
    void duplicateStringKeyMessageNamesTheKey() {
        items.insert(rec("id", "abc"));

        assertThatThrownBy(() -> items.insert(rec("id", "abc")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("Record with key 'abc' already exists in table 'items'.");
    }

    @Test
    void duplicateOfAnAutoKeyIsRejected() {
        items.insert(rec("name", "auto"));

        assertThatThrownBy(() -> items.insert(rec("id", 1L)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("Record with key '1' already exists in table 'items'.");
    }

    @Test
    void keysAreComparedByValue() {
        items.insert(rec("id", 1, "name", "one"));

        assertThatThrownBy(() -> items.insert(rec("id", 1L))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> items.insert(rec("id", 1.0))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> items.insert(rec("id", new BigDecimal("1.00"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(items.count()).isEqualTo(1);

        assertThat(items.get(1)).isPresent();
        assertThat(items.get(1L)).isPresent();
        assertThat(items.get(1.0)).isPresent();
        assertThat(items.get(new BigDecimal("1.0"))).isPresent();
        assertThat(items.get(BigInteger.ONE)).isPresent();
        assertThat(items.get("1")).isEmpty();
    }

    @Test
    void largeNegativeAndFractionalKeysAreComparedByValue() {
        items.insert(rec("id", 1L << 40));
        items.insert(rec("id", -3));
        items.insert(rec("id", 2.5));
        items.insert(rec("id", 4.0));

        assertThatThrownBy(() -> items.insert(rec("id", (double) (1L << 40))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> items.insert(rec("id", new BigDecimal(1L << 40).setScale(2))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> items.insert(rec("id", -3.0))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> items.insert(rec("id", new BigDecimal("2.50"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> items.insert(rec("id", 4L))).isInstanceOf(DuplicateKeyException.class);
        assertThat(items.count()).isEqualTo(4);
        assertThat(items.get(4)).isPresent();
        assertThat(items.get(new BigDecimal("-3.000"))).isPresent();
        assertThat(items.get(1L << 40)).isPresent();
        assertThat(items.delete(items.field("id").eq(4))).isEqualTo(1);
        assertThat(items.get(4.0)).isEmpty();
    }

    @Test
    void explicitNullKeyIsRejected() {
        assertThatThrownBy(() -> items.insert(rec("id", null, "name", "x")))
                .isInstanceOf(SchemaValidationException.class);
        assertThat(items.count()).isZero();
        assertThat(items.insert(rec("name", "auto"))).isEqualTo(1L);
    }

    @Test
    void listOrMapKeyIsRejected() {
        assertThatThrownBy(() -> items.insert(rec("id", List.of(1, 2))))
                .isInstanceOf(SchemaValidationException.class);
        assertThatThrownBy(() -> items.insert(rec("id", Map.of("a", 1))))
                .isInstanceOf(SchemaValidationException.class);
        assertThat(items.count()).isZero();
    }

    // ------------------------------------------------------------------ caller's map

    @Test
    void callersMapIsNeverModified() {
        Map<String, Object> record = rec("name", "Alice");

        items.insert(record);

        assertThat(record).containsOnlyKeys("name");
    }

    @Test
    void immutableCallerMapsAreAccepted() {
        Object key = items.insert(Map.of("name", "Alice"));

        assertThat(items.get(key).orElseThrow()).containsEntry("name", "Alice");
    }

    @Test
    void callersMapIsNeverKept() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> nested = new HashMap<>(Map.of("k", 1));
        Map<String, Object> record = rec("name", "Alice", "tags", tags, "meta", nested);
        Object key = items.insert(record);

        record.put("name", "Mallory");
        record.put("extra", true);
        tags.add("b");
        nested.put("k2", 2);

        Row stored = items.get(key).orElseThrow();
        assertThat(stored).containsOnlyKeys("name", "tags", "meta", "id");
        assertThat(stored.getString("name")).isEqualTo("Alice");
        assertThat(stored.getList("tags")).containsExactly("a");
        assertThat(stored.getMap("meta")).containsOnlyKeys("k");
    }

    @Test
    void callersMapsAreNeverKeptByInsertAll() {
        Map<String, Object> first = rec("name", "a");
        Map<String, Object> second = rec("name", "b");
        items.insertAll(List.of(first, second));

        first.put("name", "changed");
        second.clear();

        assertThat(Records.values(items.all(), "name")).containsExactly("a", "b");
        assertThat(first).doesNotContainKey("id");
    }

    // ------------------------------------------------------------------ normalisation

    @Test
    void integralNumbersAreStoredAsLong() {
        Object key = items.insert(rec("b", (byte) 1, "s", (short) 2, "i", 3, "l", 4L));

        Row row = items.get(key).orElseThrow();
        assertThat(row.get("b")).isEqualTo(1L);
        assertThat(row.get("s")).isEqualTo(2L);
        assertThat(row.get("i")).isEqualTo(3L);
        assertThat(row.get("l")).isEqualTo(4L);
    }

    @Test
    void floatingPointNumbersAreStoredAsDouble() {
        Object key = items.insert(rec("f", 0.1f, "d", 2.5));

        Row row = items.get(key).orElseThrow();
        assertThat(row.get("f")).isInstanceOf(Double.class).isEqualTo(0.1);
        assertThat(row.get("d")).isEqualTo(2.5);
    }

    @Test
    void bigIntegerIsLongWhenItFitsElseBigDecimal() {
        BigInteger huge = new BigInteger("123456789012345678901234567890");
        Object key = items.insert(rec("small", BigInteger.valueOf(42), "huge", huge));

        Row row = items.get(key).orElseThrow();
        assertThat(row.get("small")).isEqualTo(42L);
        assertThat(row.get("huge")).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal(huge));
    }

    @Test
    void supportedScalarsAreStoredAsIs() {
        BigDecimal price = new BigDecimal("19.990");
        LocalDate date = LocalDate.of(2024, 2, 29);
        LocalDateTime dateTime = LocalDateTime.of(2024, 2, 29, 12, 30);
        Instant instant = Instant.parse("2024-02-29T12:30:00Z");
        UUID uuid = UUID.randomUUID();
        Object key = items.insert(rec("price", price, "s", "text", "flag", true, "date", date,
                "dt", dateTime, "at", instant, "uuid", uuid, "nothing", null));

        Row row = items.get(key).orElseThrow();
        assertThat(row.get("price")).isEqualTo(price);
        assertThat(row.get("s")).isEqualTo("text");
        assertThat(row.get("flag")).isEqualTo(true);
        assertThat(row.get("date")).isEqualTo(date);
        assertThat(row.get("dt")).isEqualTo(dateTime);
        assertThat(row.get("at")).isEqualTo(instant);
        assertThat(row.get("uuid")).isEqualTo(uuid);
        assertThat(row).containsKey("nothing");
        assertThat(row.get("nothing")).isNull();
    }

    @Test
    void nestedListsAndMapsAreNormalisedAndImmutable() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("n", 1);
        List<Object> list = new ArrayList<>(List.of(1, 2.5f, "x"));
        list.add(inner);
        Object key = items.insert(rec("list", list, "map", rec("a", (short) 5, "b", List.of(7))));

        Row row = items.get(key).orElseThrow();
        List<Object> storedList = row.getList("list");
        assertThat(storedList).containsExactly(1L, 2.5, "x", Map.of("n", 1L));
        assertThat(row.getMap("map")).isEqualTo(Map.of("a", 5L, "b", List.of(7L)));

        assertThatThrownBy(() -> storedList.add("y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.getMap("map").put("c", 1L)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nestedMap = (Map<String, Object>) storedList.get(3);
        assertThatThrownBy(() -> nestedMap.put("m", 2L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unsupportedTypeIsRejectedWithExactMessage() {
        assertThatThrownBy(() -> items.insert(rec("name", "x", "when", new Date())))
                .isInstanceOf(SchemaValidationException.class)
                .isInstanceOf(DictDBException.class)
                .hasMessage("Field 'when' has unsupported type 'java.util.Date'.");
        assertThat(items.count()).isZero();
        assertThat(items.insert(rec("name", "ok"))).isEqualTo(1L);
    }

    @Test
    void unsupportedTypeNestedInAListIsRejected() {
        assertThatThrownBy(() -> items.insert(rec("tags", List.of("ok", new StringBuilder("bad")))))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'tags' has unsupported type 'java.lang.StringBuilder'.");
        assertThat(items.count()).isZero();
    }

    @Test
    void mapWithNonStringKeysIsRejected() {
        assertThatThrownBy(() -> items.insert(rec("m", Map.of(1, "one"))))
                .isInstanceOf(SchemaValidationException.class);
        assertThat(items.count()).isZero();
    }

    // ------------------------------------------------------------------ insertAll

    @Test
    void insertAllReturnsKeysInInputOrder() {
        List<Object> keys = items.insertAll(List.of(
                rec("id", "z"), rec("name", "auto1"), rec("id", 10), rec("name", "auto2")));

        assertThat(keys).containsExactly("z", 1L, 10L, 11L);
        assertThat(items.count()).isEqualTo(4);
    }

    @Test
    void insertAllOfNothingReturnsAnEmptyList() {
        assertThat(items.insertAll(List.of())).isEmpty();
        assertThat(items.count()).isZero();
    }

    @Test
    void insertAllIsAtomicOnADuplicateWithinTheBatch() {
        assertThatThrownBy(() -> items.insertAll(List.of(rec("id", 5), rec("id", 6), rec("id", 5))))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("Record with key '5' already exists in table 'items'.");

        assertThat(items.count()).isZero();
        assertThat(items.insert(rec("name", "after"))).isEqualTo(1L);
    }

    @Test
    void insertAllIsAtomicOnADuplicateOfAStoredRow() {
        items.insert(rec("id", 2, "name", "stored"));

        assertThatThrownBy(() -> items.insertAll(List.of(rec("name", "a"), rec("name", "b"), rec("id", 2))))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(items.count()).isEqualTo(1);
        assertThat(items.get(2).orElseThrow()).containsEntry("name", "stored");
        assertThat(items.insert(rec("name", "after"))).isEqualTo(3L);
    }

    @Test
    void insertAllIsAtomicOnAnInvalidRecordAnywhere() {
        List<Map<String, Object>> records = List.of(
                rec("name", "a"), rec("id", 50, "name", "b"), rec("name", "c", "bad", new Object()));

        assertThatThrownBy(() -> items.insertAll(records)).isInstanceOf(SchemaValidationException.class);

        assertThat(items.count()).isZero();
        assertThat(items.insert(rec("name", "after"))).isEqualTo(1L);
    }

    @Test
    void insertAllIsAtomicOnASchemaViolationWhateverTheBatchSize() {
        Table people = db.createTable("people", "id",
                Schema.builder().field("name", FieldType.STRING).build());
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            records.add(rec("name", "p" + i));
        }
        records.add(rec("name", 42));

        assertThatThrownBy(() -> people.insertAll(records, InsertOptions.builder().batchSize(2).build()))
                .isInstanceOf(SchemaValidationException.class);

        assertThat(people.count()).isZero();
        assertThat(people.insert(rec("name", "after"))).isEqualTo(1L);
    }

    @Test
    void insertAllWithExplicitNullKeyInsertsNothing() {
        assertThatThrownBy(() -> items.insertAll(List.of(rec("name", "a"), rec("id", null))))
                .isInstanceOf(SchemaValidationException.class);
        assertThat(items.count()).isZero();
    }

    @Test
    void insertAllWithSmallBatchesInsertsEverything() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            records.add(rec("n", i));
        }

        List<Object> keys = items.insertAll(records, InsertOptions.builder().batchSize(2).build());

        assertThat(keys).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(Records.values(items.all(), "n")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    // ------------------------------------------------------------------ options

    @Test
    void batchSizeBelowOneIsRejected() {
        assertThatThrownBy(() -> InsertOptions.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InsertOptions.builder().batchSize(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(InsertOptions.builder().batchSize(1).build().batchSize()).isEqualTo(1);
    }

    @Test
    void defaultOptionsValidate() {
        assertThat(InsertOptions.defaults().skipValidation()).isFalse();
        assertThat(InsertOptions.defaults().batchSize()).isGreaterThanOrEqualTo(1);
        assertThat(InsertOptions.builder().build().skipValidation()).isFalse();
    }

    @Test
    void skipValidationSkipsSchemaRules() {
        Table people = db.createTable("people", "id", Schema.builder()
                .field("name", FieldType.STRING)
                .field("age", FieldType.LONG)
                .build());
        InsertOptions trusted = InsertOptions.builder().skipValidation(true).build();

        Object key = people.insert(rec("name", 42, "extra", "x"), trusted);

        Row row = people.get(key).orElseThrow();
        assertThat(row.get("name")).isEqualTo(42L);
        assertThat(row).containsEntry("extra", "x").doesNotContainKey("age");
        assertThatThrownBy(() -> people.insert(rec("name", 42, "age", 1)))
                .isInstanceOf(SchemaValidationException.class);
    }

    @Test
    void skipValidationStillAppliesNormalisationDefaultsAndKeyRules() {
        Table people = db.createTable("people", "id", Schema.builder()
                .field("name", FieldType.STRING)
                .field("status", FieldType.STRING, "new")
                .build());
        InsertOptions trusted = InsertOptions.builder().skipValidation(true).build();

        Object key = people.insert(rec("name", "Ann"), trusted);
        assertThat(key).isEqualTo(1L);
        assertThat(people.get(key).orElseThrow()).containsEntry("status", "new");

        assertThatThrownBy(() -> people.insert(rec("name", "x", "when", new Date()), trusted))
                .isInstanceOf(SchemaValidationException.class)
                .hasMessage("Field 'when' has unsupported type 'java.util.Date'.");
        assertThatThrownBy(() -> people.insert(rec("id", null, "name", "x"), trusted))
                .isInstanceOf(SchemaValidationException.class);
        assertThatThrownBy(() -> people.insert(rec("id", 1, "name", "dup"), trusted))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void skipValidationAppliesToInsertAll() {
        Table people = db.createTable("people", "id", Schema.builder().field("name", FieldType.STRING).build());

        List<Object> keys = people.insertAll(List.of(rec("name", 1), rec("other", true)),
                InsertOptions.builder().skipValidation(true).batchSize(1).build());

        assertThat(keys).containsExactly(1L, 2L);
        assertThat(people.count()).isEqualTo(2);
    }

    @Test
    void anExplicitMaximalKeyUsesUpTheCounterWithAClearErrorAndNoDamage() {
        items.insert(Map.of("id", Long.MAX_VALUE, "name", "last"));

        assertThatThrownBy(() -> items.insert(Map.of("name", "auto")))
                .isExactlyInstanceOf(DictDBException.class)
                .hasMessageContaining("no automatic key left");
        assertThat(items.count()).isEqualTo(1);
        assertThat(items.insert(Map.of("id", 7L, "name", "explicit"))).isEqualTo(7L);
    }
}
