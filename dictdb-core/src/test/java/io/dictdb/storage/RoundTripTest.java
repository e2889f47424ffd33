package io.dictdb.storage;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.dictdb.storage.StorageFixtures.image;
import static io.dictdb.storage.StorageFixtures.nextKeys;
import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Save then load gives back the same database, value types included, in both formats. */
class RoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void everyValueTypeSchemaIndexAndCounterRoundTrips(FileFormat format) {
        DictDB db = StorageFixtures.everyType();
        Path file = dir.resolve("db." + format.name().toLowerCase());

        db.save(file, format);
        DictDB loaded = DictDB.load(file, format);

        assertThat(loaded.listTables()).containsExactlyElementsOf(db.listTables());
        assertThat(image(loaded)).isEqualTo(image(db));
        assertThat(nextKeys(loaded)).isEqualTo(nextKeys(db));
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void savingTheLoadedDatabaseGivesTheSameBytes(FileFormat format) throws Exception {
        DictDB db = StorageFixtures.everyType();
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        db.save(first, format);
        DictDB.load(first, format).save(second, format);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void specificValuesKeepTheirExactType(FileFormat format) {
        DictDB db = StorageFixtures.everyType();
        Path file = dir.resolve("db");
        db.save(file, format);
        Table values = DictDB.load(file, format).getTable("values");

        Row numbers = values.get(1L).orElseThrow();
        assertThat(numbers.get("long")).isEqualTo(1L);
        assertThat(numbers.get("double")).isEqualTo(1.0);
        assertThat((Double) numbers.get("negZero")).isEqualTo(-0.0).matches(d -> 1 / d < 0);
        assertThat((Double) numbers.get("nan")).isNaN();
        assertThat(numbers.get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        Row decimals = values.get(2L).orElseThrow();
        assertThat(((BigDecimal) decimals.get("dec")).scale()).isEqualTo(2);
        assertThat(((BigDecimal) decimals.get("decExp")).scale()).isEqualTo(-3);
        assertThat(decimals.get("bigInt")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        Row nested = values.get(5L).orElseThrow();
        assertThat(nested.get("tagLike")).isEqualTo(Map.of("$date", "2024-01-31"));
        assertThat(nested.get("tagLikeMany")).isEqualTo(rec("$decimal", "1", "other", 2L));
        assertThat(values.get("string-key")).isPresent();
        assertThat(values.get(1000L)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void emptyDatabaseRoundTrips(FileFormat format) {
        Path file = dir.resolve("empty");
        new DictDB().save(file, format);
        assertThat(DictDB.load(file, format).listTables()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void randomNestedValuesRoundTrip(FileFormat format) {
        Random random = new Random(42);
        DictDB db = new DictDB();
        Table t = db.createTable("random");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            int fields = random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                row.put(randomName(random), randomValue(random, 3));
            }
            rows.add(row);
        }
        t.insertAll(rows);
        Path file = dir.resolve("random");

        db.save(file, format);

        assertThat(image(DictDB.load(file, format))).isEqualTo(image(db));
    }

    @Test
    void aTargetWithALongNameIsSaved() {
        Path file = dir.resolve("n".repeat(240) + ".json");
        StorageFixtures.simple(3).save(file, FileFormat.JSON);
        assertThat(DictDB.load(file, FileFormat.JSON).getTable("items").count()).isEqualTo(3);
    }

    @Test
    void aSaveReplacesTheTargetAndLeavesNoOtherFile() throws Exception {
        Path file = dir.resolve("db.json");
        Files.writeString(file, "previous content");
        StorageFixtures.simple(10).save(file, FileFormat.JSON);

        assertThat(StorageFixtures.fileNames(dir)).containsExactly("db.json");
        assertThat(DictDB.load(file, FileFormat.JSON).getTable("items").count()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void valuesUpToTheNestingLimitRoundTripAndDeeperOnesFailTheSaveCleanly(FileFormat format) throws Exception {
        Path file = dir.resolve("nested");
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        t.insert(rec("deep", nested(990)));
        db.save(file, format);
        assertThat(image(DictDB.load(file, format))).isEqualTo(image(db));
        byte[] before = Files.readAllBytes(file);

        t.insert(rec("deeper", nested(1200)));
        assertThatThrownBy(() -> db.save(file, format)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("depth");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(StorageFixtures.fileNames(dir)).containsExactly("nested");
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void decimalsUpToTheLengthLimitRoundTripAndLongerOnesFailTheSaveCleanly(FileFormat format) {
        Path file = dir.resolve("decimals");
        DictDB db = new DictDB();
        Table t = db.createTable("t", "id", io.dictdb.Schema.builder()
                .field("d", io.dictdb.FieldType.DECIMAL).optionalField("x", io.dictdb.FieldType.ANY).build());
        String digits = "7".repeat(9968);
        t.insert(rec("d", new BigDecimal(digits).movePointLeft(30), "x", new BigDecimal("-" + digits)));
        db.save(file, format);
        assertThat(image(DictDB.load(file, format))).isEqualTo(image(db));

        t.insert(rec("d", new BigDecimal(digits + "7")));
        assertThatThrownBy(() -> db.save(file, format)).isInstanceOf(io.dictdb.DictDBException.class)
                .hasMessageContaining("9968 digits");
    }

    private static Object nested(int depth) {
        Object value = 1L;
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("k", value);
        }
        return value;
    }

    private static String randomName(Random random) {
        String[] names = {"a", "b", "$x", "é", "name with space", "\u5317", "", "id2"};
        return names[random.nextInt(names.length)];
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 14 : 12);
        switch (kind) {
            case 0: return null;
            case 1: return random.nextLong();
            case 2: return random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3: return new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(30) - 10);
            case 4: return random.nextBoolean();
            case 5: return randomString(random);
            case 6: return LocalDate.ofEpochDay(random.nextInt(2_000_000) - 1_000_000);
            case 7: return Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
            case 8: return new UUID(random.nextLong(), random.nextLong());
            case 9: return Instant.ofEpochSecond(random.nextInt()).atZone(java.time.ZoneOffset.UTC).toLocalDateTime();
            case 10: return new double[]{Double.NaN, Double.NEGATIVE_INFINITY, -0.0}[random.nextInt(3)];
            case 11: return (long) random.nextInt(3);
            case 12: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomName(random), randomValue(random, depth - 1));
                }
                return map;
            }
        }
    }

    private static String randomString(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            int c = random.nextInt(5) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f);
            if (Character.isSurrogate((char) c)) {
                sb.appendCodePoint(0x1F600);
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
