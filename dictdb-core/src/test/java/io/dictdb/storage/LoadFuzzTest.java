package io.dictdb.storage;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Table;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random and mutated bytes given to {@code load} produce either a database or {@link CorruptFileException} —
 * never another exception, a hang, or a partial database. Seeded, so a failure names a reproducible case.
 * Some mutated files get a recomputed, valid checksum, so that the reader's deeper checks are exercised too.
 */
class LoadFuzzTest {
    private static final long SEED = 20_261_121L;
    private static final int CASES = 4000;
    private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ",", ":", "null", "true", "NaN", "-Infinity",
        "1e999", "-0", "99999999999999999999999", "1.5E-400", "\"$date\"", "\"$any\"", "\"$map\"", "\"$decimal\"",
        "\"$uuid\": \"x\"", "\\u", "\\ud800", "\"records\"", "\"schema\"", "\"primary_key\"", "\"next_key\"",
        "\"indexes\"", "\"schema_options\"", "\"tables\"", "{\"$date\": 5}", "[[[[[[[[", "\u00ff"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomAndMutatedInputsNeverEscapeAsAnotherException(FileFormat format) throws IOException {
        List<byte[]> seeds = seeds(format);
        Random random = new Random(SEED + format.ordinal());
        Path file = dir.resolve("fuzz");
        int loaded = 0;
        int refused = 0;
        try (InMemoryFile memory = new InMemoryFile(file).install()) {
            for (int i = 0; i < CASES; i++) {
                byte[] input = input(random, seeds, format);
                memory.set(input);
                long start = System.nanoTime();
                try {
                    DictDB db = DictDB.load(file, format);
                    checkWhole(db);
                    loaded++;
                } catch (CorruptFileException expected) {
                    assertThat(expected.file()).contains(file);
                    refused++;
                } catch (Throwable unexpected) {
                    fail("case " + i + " (" + format + ", " + input.length + " bytes: "
                            + preview(input) + ") threw " + unexpected, unexpected);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(millis).as("case %d took too long", i).isLessThan(5_000);
            }
        }
        assertThat(refused).isGreaterThan(CASES / 2);
        assertThat(loaded + refused).isEqualTo(CASES);
    }

    /** A loaded database is complete and consistent: each table's rows agree with its count and indexes. */
    private static void checkWhole(DictDB db) {
        for (String name : db.listTables()) {
            Table t = db.getTable(name);
            assertThat(t.select().copy(false).list()).hasSize((int) t.count());
        }
    }

    private List<byte[]> seeds(FileFormat format) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Path file = dir.resolve("seed");
        CorruptionTest.small().save(file, format);
        seeds.add(Files.readAllBytes(file));
        StorageFixtures.simple(3).save(file, format);
        seeds.add(Files.readAllBytes(file));
        new DictDB().save(file, format);
        seeds.add(Files.readAllBytes(file));
        if (format == FileFormat.JSON) {
            for (String name : new String[]{"customers_schemaless", "products_with_schema", "accounts_base"}) {
                seeds.add(Files.readAllBytes(StorageFixtures.resource("python-dictdb/" + name + ".json", dir)));
            }
        }
        return seeds;
    }

    private static byte[] input(Random random, List<byte[]> seeds, FileFormat format) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] noise = new byte[random.nextInt(400)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        if (kind == 1 && format == FileFormat.CBOR) {
            // A well-formed header followed by noise, so that the parser gets past the first bytes.
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            byte[] out = Arrays.copyOf(seed, 19 + noise.length);
            System.arraycopy(noise, 0, out, 19, noise.length);
            return out;
        }
        byte[] mutated = mutate(random, seed);
        if (kind >= 6 && isOurs(seed)) {
            return withValidChecksum(mutated, format);
        }
        return mutated;
    }

    private static boolean isOurs(byte[] seed) {
        return seed.length > 20 && (seed[0] == (byte) 0xd9 || new String(seed, 0, 20, StandardCharsets.ISO_8859_1)
                .contains("dictdb_format"));
    }

    private static byte[] mutate(Random random, byte[] seed) {
        byte[] data = seed.clone();
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && data.length > 0; m++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(7)) {
                case 0:
                    data[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    data[at] = (byte) random.nextInt(256);
                    break;
                case 2: {
                    int end = Math.min(data.length, at + 1 + random.nextInt(16));
                    data = concat(Arrays.copyOf(data, at), Arrays.copyOfRange(data, end, data.length));
                    break;
                }
                case 3: {
                    int end = Math.min(data.length, at + 1 + random.nextInt(32));
                    byte[] copy = Arrays.copyOfRange(data, at, end);
                    data = concat(concat(Arrays.copyOf(data, end), copy), Arrays.copyOfRange(data, end, data.length));
                    break;
                }
                case 4: {
                    byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    data = concat(concat(Arrays.copyOf(data, at), token), Arrays.copyOfRange(data, at, data.length));
                    break;
                }
                case 5:
                    data = Arrays.copyOf(data, at);
                    break;
                default: {
                    byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    int end = Math.min(data.length, at + token.length);
                    data = concat(concat(Arrays.copyOf(data, at), token), Arrays.copyOfRange(data, end, data.length));
                    break;
                }
            }
        }
        return data;
    }

    /** Replaces the last trailer-sized bytes by a trailer holding the checksum of what precedes them. */
    private static byte[] withValidChecksum(byte[] data, FileFormat format) {
        int trailer = format == FileFormat.JSON ? 38 : 14;
        if (data.length <= trailer) {
            return data;
        }
        return StorageFixtures.withTrailer(Arrays.copyOf(data, data.length - trailer), format);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String preview(byte[] input) {
        String text = new String(input, 0, Math.min(input.length, 120), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
