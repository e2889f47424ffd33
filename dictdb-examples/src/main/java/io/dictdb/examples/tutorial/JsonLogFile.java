package io.dictdb.examples.tutorial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A log file of JSON lines read back, as a log aggregator (ELK, Splunk...) would: every line must be one JSON
 * object with at least {@code timestamp}, {@code level}, {@code logger} and {@code message}.
 *
 * @param file         the file
 * @param lines        how many lines it has
 * @param levels       how many lines per level
 * @param loggers      how many lines per logger
 * @param firstLine    its first line, as written
 */
public record JsonLogFile(Path file, int lines, Map<String, Integer> levels, Map<String, Integer> loggers,
                          String firstLine) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED_FIELDS = List.of("timestamp", "level", "logger", "message");

    /**
     * Reads and checks a log file.
     *
     * @param file the file
     * @return what it holds
     * @throws IllegalStateException when a line is not a JSON object with the required fields
     */
    public static JsonLogFile read(Path file) {
        List<String> lines = readLines(file);
        Map<String, Integer> levels = new TreeMap<>();
        Map<String, Integer> loggers = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = parse(file, i + 1, lines.get(i));
            levels.merge(event.get("level").asText(), 1, Integer::sum);
            loggers.merge(event.get("logger").asText(), 1, Integer::sum);
        }
        return new JsonLogFile(file, lines.size(), levels, loggers, lines.isEmpty() ? "" : lines.get(0));
    }

    /**
     * How many lines have a level.
     *
     * @param level for example {@code DEBUG}
     * @return the number of lines
     */
    public int count(String level) {
        return levels.getOrDefault(level, 0);
    }

    private static JsonNode parse(Path file, int lineNumber, String line) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file.getFileName() + " line " + lineNumber + " is not JSON: " + line, e);
        }
        if (event == null || !event.isObject()) {
            throw new IllegalStateException(file.getFileName() + " line " + lineNumber + " is not a JSON object");
        }
        for (String field : REQUIRED_FIELDS) {
            if (!event.hasNonNull(field)) {
                throw new IllegalStateException(file.getFileName() + " line " + lineNumber + " has no " + field);
            }
        }
        return event;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
