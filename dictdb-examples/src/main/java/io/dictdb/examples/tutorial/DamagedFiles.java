package io.dictdb.examples.tutorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Damaging files for real, the way disks, copies and crashes do, to show what restore and load make of them. */
public final class DamagedFiles {
    private DamagedFiles() {
    }

    /**
     * Changes the first digit of the first number of a field in a JSON file (a flipped bit on disk): the file
     * stays valid JSON, only a checksum can tell.
     *
     * @param file  a JSON file
     * @param field a field with a number value in it
     * @return what was changed, for example {@code "amount": 5... -> 6...}
     */
    public static String changeOneDigit(Path file, String field) {
        String text = read(file);
        Matcher number = Pattern.compile("\"(" + Pattern.quote(field) + ")\"\\s*:\\s*-?(\\d)").matcher(text);
        if (!number.find()) {
            throw new IllegalArgumentException("No number in the field '" + field + "' of " + file);
        }
        char digit = number.group(2).charAt(0);
        char changed = digit == '9' ? '1' : (char) (digit + 1);
        int at = number.start(2);
        write(file, text.substring(0, at) + changed + text.substring(at + 1));
        return "\"" + number.group(1) + "\": " + digit + "... -> " + changed + "...";
    }

    /**
     * Cuts a file in half (a copy or a save interrupted half-way by a crash).
     *
     * @param file the file
     * @return the size it was cut to, in bytes
     */
    public static int cutInHalf(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
            Files.write(file, half);
            return half.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
