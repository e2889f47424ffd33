package io.dictdb.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Replaces {@code System.out} with an in-memory stream until closed; the console destination follows it. */
final class StdoutCapture implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    StdoutCapture() {
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Everything written so far, split into lines. */
    List<String> lines() {
        System.out.flush();
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
