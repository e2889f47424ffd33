package io.dictdb.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/** Shared helpers: every test leaves no set-up behind, and can read files, JSON lines and open descriptors. */
abstract class LoggingTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void removeSetUp() {
        DictDBLogging.reset();
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> jsonLines(List<String> lines) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            try {
                nodes.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("Not a JSON line: " + line, e);
            }
        }
        return nodes;
    }

    /** Whether this process has a descriptor open on the file; null when /proc/self/fd cannot be read. */
    static Boolean processHasOpen(Path file) {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return null;
        }
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            target = file.toAbsolutePath().normalize();
        }
        Path wanted = target;
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(wanted);
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return null;
        }
    }
}
