package io.dictdb.storage;

import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.FileFormat;
import io.dictdb.IndexType;
import io.dictdb.InsertOptions;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32C;

/** Databases and comparisons shared by the storage tests. */
final class StorageFixtures {
    private StorageFixtures() {
    }

    /** A map in the given key order (nulls allowed), from alternating keys and values. */
    static Map<String, Object> rec(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A list that may hold nulls. */
    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /**
     * A database with every value type, a schema with options and defaults, indexes, an empty table, a key counter
     * moved by deletes, and rows stored with skipValidation that the schema would reject.
     */
    static DictDB everyType() {
        DictDB db = new DictDB();
        Table values = db.createTable("values");
        values.insert(rec("long", 1L, "double", 1.0, "negZero", -0.0, "nan", Double.NaN,
                "inf", Double.POSITIVE_INFINITY, "ninf", Double.NEGATIVE_INFINITY, "max", Long.MAX_VALUE,
                "min", Long.MIN_VALUE, "tiny", Double.MIN_VALUE, "big", 1.7976931348623157E308));
        values.insert(rec("dec", new BigDecimal("1.50"), "decExp", new BigDecimal("1E+3"),
                "decNeg", new BigDecimal("-0.000"), "bigInt", new BigInteger("123456789012345678901234567890"),
                "decLong", new BigDecimal("12345678901234567890.123456789012345678901234567890")));
        values.insert(rec("date", LocalDate.of(2024, 1, 31), "farDate", LocalDate.of(-5, 12, 31),
                "bigYear", LocalDate.of(123456, 6, 1),
                "dateTime", LocalDateTime.of(2024, 1, 31, 10, 15, 30, 123456789),
                "dateTimeNoSeconds", LocalDateTime.of(2024, 1, 31, 10, 15),
                "instant", Instant.parse("2024-01-31T09:15:30.000000001Z"), "epoch", Instant.EPOCH,
                "uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
        values.insert(rec("text", "Zoë \u5317\u4eac \uD83D\uDE00 \"quoted\" back\\slash\n\t\u0000\u001f\u007f",
                "empty", "", "dollar", "$date", "null", null, "bool", true, "boolF", false));
        values.insert(rec("nested", list(1L, 2.5, "x", null, list(), rec(), list(list(1L)),
                        rec("a", list(new BigDecimal("2.0"), LocalDate.of(2020, 2, 29))), UUID.randomUUID()),
                "map", rec("k", 1L, "n", null, "$looks", "like a tag", "deep", rec("$date", "2024-01-01")),
                "tagLike", rec("$date", "2024-01-31"), "tagLikeMany", rec("$decimal", "1", "other", 2L),
                "emptyMap", rec(), "emptyList", list()));
        values.insert(rec("id", "string-key", "note", "explicit string key"));
        values.insert(rec("id", 1000L, "note", "explicit integral key moves the counter"));
        values.insert(rec("note", "deleted"));
        values.delete(values.field("note").eq("deleted"));
        values.createIndex("note", IndexType.SORTED);
        values.createIndex("bool");

        Schema schema = Schema.builder()
                .field("sku", FieldType.STRING)
                .field("price", FieldType.DECIMAL)
                .field("weight", FieldType.DOUBLE)
                .field("stock", FieldType.LONG)
                .optionalField("released", FieldType.DATE)
                .optionalField("updated", FieldType.DATETIME)
                .optionalField("seen", FieldType.INSTANT)
                .optionalField("ref", FieldType.UUID)
                .field("status", FieldType.STRING, "à renseigner")
                .field("rating", FieldType.DOUBLE, null)
                .field("tags", FieldType.LIST, List.of("new"))
                .optionalField("meta", FieldType.MAP)
                .optionalField("extra", FieldType.ANY)
                .optionalField("active", FieldType.BOOLEAN)
                .build();
        Table products = db.createTable("products", "sku", schema);
        products.insert(rec("sku", "A-001", "price", new BigDecimal("9.990"), "weight", 2, "stock", 5,
                "released", LocalDate.of(2023, 5, 1), "updated", LocalDateTime.of(2023, 5, 1, 8, 0),
                "seen", Instant.parse("2023-05-01T06:00:00Z"),
                "ref", UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "meta", rec("$weird", 1L), "extra", new BigDecimal("3.0"), "active", true));
        products.insert(rec("sku", "B-002", "price", 3, "weight", 0.5, "stock", 0, "tags", list()));
        // Values the schema would reject, stored on purpose with skipValidation: they must round-trip too.
        InsertOptions trusted = InsertOptions.builder().skipValidation(true).build();
        products.insert(rec("sku", "C-003", "price", 1.25, "weight", "heavy", "stock", 1,
                "released", "someday", "updated", "2024-01-31T10:15", "seen", 17L, "ref", "not-a-uuid",
                "undeclared", LocalDate.of(2000, 1, 1)), trusted);
        products.createIndex("stock", IndexType.SORTED);

        db.createTable("empty", "code");
        Table counters = db.createTable("counters");
        counters.insertAll(List.of(rec("n", 1L), rec("n", 2L), rec("n", 3L)));
        counters.delete(counters.field("n").eq(3L));
        return db;
    }

    /** Everything a file must preserve about a table, comparable with equals. */
    record TableImage(String name, String primaryKey, Schema schema, Map<String, IndexType> indexes,
                      List<Row> rows, List<String> rowTypes) {
    }

    /** The tables of a database, in creation order. */
    static List<TableImage> image(DictDB db) {
        List<TableImage> images = new ArrayList<>();
        for (String name : db.listTables()) {
            Table t = db.getTable(name);
            Map<String, IndexType> indexes = new LinkedHashMap<>();
            for (String field : t.indexedFields()) {
                indexes.put(field, t.indexType(field).orElseThrow());
            }
            List<Row> rows = t.select().copy(false).list();
            List<String> types = new ArrayList<>();
            for (Row row : rows) {
                StringBuilder sb = new StringBuilder();
                row.forEach((k, v) -> sb.append(k).append(':').append(typeOf(v)).append(' '));
                types.add(sb.toString());
            }
            images.add(new TableImage(name, t.primaryKey(), t.schema().orElse(null), indexes, rows, types));
        }
        return images;
    }

    /** The classes of a value and its nested values, so that type changes show up in comparisons. */
    static String typeOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            for (Object e : (List<?>) v) {
                sb.append(typeOf(e)).append(',');
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            ((Map<?, ?>) v).forEach((k, e) -> sb.append(k).append('=').append(typeOf(e)).append(','));
            return sb.append('}').toString();
        }
        if (v instanceof BigDecimal) {
            return "BigDecimal(scale " + ((BigDecimal) v).scale() + ")";
        }
        return v.getClass().getSimpleName();
    }

    /** The next automatic key of each table, found by inserting a row in a transaction that is rolled back. */
    static Map<String, Object> nextKeys(DictDB db) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String name : db.listTables()) {
            Table t = db.getTable(name);
            if (t.schema().flatMap(s -> s.field(t.primaryKey())).map(f -> f.type() != FieldType.LONG).orElse(false)) {
                keys.put(name, "explicit keys");
                continue;
            }
            try {
                db.transaction(tx -> {
                    Object k = tx.getTable(name).insert(Map.of(), InsertOptions.builder().skipValidation(true).build());
                    throw new KeyProbe(k);
                });
            } catch (KeyProbe probe) {
                keys.put(name, probe.key);
            }
        }
        return keys;
    }

    /** Carries a key out of a transaction that it rolls back. */
    private static final class KeyProbe extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Object key;

        KeyProbe(Object key) {
            super(null, null, false, false);
            this.key = key;
        }
    }

    /** A database of n simple rows. */
    static DictDB simple(int n) {
        DictDB db = new DictDB();
        Table t = db.createTable("items");
        List<Map<String, Object>> rows = new ArrayList<>(n);
        Random random = new Random(7);
        for (int i = 0; i < n; i++) {
            rows.add(rec("name", "item-" + i, "qty", (long) random.nextInt(1000), "price", random.nextDouble() * 100,
                    "tags", list("a", "b")));
        }
        t.insertAll(rows);
        t.createIndex("qty", IndexType.SORTED);
        db.createTable("other", "code").insert(rec("code", "x", "v", 1L));
        return db;
    }

    /** Copies a test resource of this package to a file. */
    static Path resource(String name, Path dir) {
        try (InputStream in = StorageFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            Path file = dir.resolve(Path.of(name).getFileName().toString());
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a directory, by name. */
    static List<String> fileNames(Path dir) {
        try (var stream = Files.list(dir)) {
            return stream.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file body followed by the format's checksum trailer over it, as a save ends a file. */
    static byte[] withTrailer(byte[] body, FileFormat format) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        int value = (int) crc.getValue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body);
        if (format == FileFormat.JSON) {
            out.writeBytes(String.format(",\n    \"checksum\": \"crc32c:%08x\"\n}\n", value)
                    .getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(0x68);
            out.writeBytes("checksum".getBytes(StandardCharsets.US_ASCII));
            out.write(0x44);
            out.write(value >>> 24);
            out.write(value >>> 16);
            out.write(value >>> 8);
            out.write(value);
        }
        return out.toByteArray();
    }

    /** Writes JSON text to a file of a directory and loads it. */
    static DictDB loadJson(Path dir, String json) {
        Path file = dir.resolve("db.json");
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DictDB.load(file, FileFormat.JSON);
    }
}
