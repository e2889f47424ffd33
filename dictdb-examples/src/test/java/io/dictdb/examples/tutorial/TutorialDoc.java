package io.dictdb.examples.tutorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tutorial document and its code snippets: a line {@code <!-- snippet: File.java#tag -->} followed by a fenced
 * {@code java} block, whose content is the region of {@code File.java} between {@code // tag::tag[]} and
 * {@code // end::tag[]} (marker lines left out, common indentation removed).
 */
final class TutorialDoc {
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+)#(\\S+) -->\\n```java\\n(.*?)```\\n", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("//\\s*tag::(\\S+)\\[]");

    private final String text;
    private final Path sources;

    /**
     * @param text    the document's text
     * @param sources the directory of the example sources
     */
    TutorialDoc(String text, Path sources) {
        this.text = text.replace("\r\n", "\n");
        this.sources = sources;
    }

    /** @return the document's text */
    String text() {
        return text;
    }

    /** @return the document with every snippet's code block replaced by the region of its source */
    String withSnippetsFromSources() {
        Matcher m = SNIPPET.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String code = region(m.group(1), m.group(2));
            String block = "<!-- snippet: " + m.group(1) + "#" + m.group(2) + " -->\n```java\n" + code + "```\n";
            m.appendReplacement(out, Matcher.quoteReplacement(block));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @return every snippet reference of the document, {@code File.java#tag}, in order */
    List<String> snippetReferences() {
        List<String> references = new ArrayList<>();
        Matcher m = SNIPPET.matcher(text);
        while (m.find()) {
            references.add(m.group(1) + "#" + m.group(2));
        }
        return references;
    }

    /**
     * @param sources the directory of the example sources
     * @return every tagged region of the sources, {@code File.java#tag}
     */
    static Set<String> tagsInSources(Path sources) {
        Set<String> tags = new TreeSet<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = TAG.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    tags.add(file.getFileName() + "#" + m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tags;
    }

    private String region(String fileName, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(sources.resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> region = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.equals("// tag::" + tag + "[]")) {
                inside = true;
                found = true;
            } else if (trimmed.equals("// end::" + tag + "[]")) {
                inside = false;
            } else if (inside && !TAG.matcher(trimmed).matches() && !trimmed.startsWith("// end::")) {
                region.add(line);
            }
        }
        if (!found) {
            throw new IllegalStateException("No region '" + tag + "' in " + fileName);
        }
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder code = new StringBuilder();
        for (String line : region) {
            code.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return code.toString();
    }
}
