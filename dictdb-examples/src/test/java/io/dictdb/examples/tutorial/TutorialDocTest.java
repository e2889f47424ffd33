package io.dictdb.examples.tutorial;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/tutorial.md} in sync with the examples: each code block announced by
 * {@code <!-- snippet: File.java#tag -->} must be exactly the region between {@code // tag::tag[]} and
 * {@code // end::tag[]} of that source file, and every tagged region must appear in the document.
 *
 * <p>To rewrite the document's code blocks from the sources after changing an example, run
 * {@code mvn -q -pl dictdb-examples test -Dtest=TutorialDocTest -Dtutorial.doc.update=true}.
 */
class TutorialDocTest {
    private static final Path DOC = Path.of("..", "docs", "tutorial.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "dictdb", "examples", "tutorial");

    @Test
    void everyCodeBlockOfTheTutorialIsTheTaggedRegionOfItsSource() throws IOException {
        TutorialDoc doc = new TutorialDoc(Files.readString(DOC, StandardCharsets.UTF_8), SOURCES);
        String synced = doc.withSnippetsFromSources();
        if (Boolean.getBoolean("tutorial.doc.update")) {
            Files.writeString(DOC, synced, StandardCharsets.UTF_8);
            doc = new TutorialDoc(Files.readString(DOC, StandardCharsets.UTF_8), SOURCES);
        }
        assertThat(doc.text())
                .as("docs/tutorial.md differs from the example sources; rerun this test with "
                        + "-Dtutorial.doc.update=true to rewrite its code blocks")
                .isEqualTo(synced);
    }

    @Test
    void everyTaggedRegionOfTheExamplesIsInTheTutorial() throws IOException {
        TutorialDoc doc = new TutorialDoc(Files.readString(DOC, StandardCharsets.UTF_8), SOURCES);
        Set<String> inSources = TutorialDoc.tagsInSources(SOURCES);
        List<String> inDoc = doc.snippetReferences();

        assertThat(inSources).isNotEmpty();
        assertThat(inDoc).containsAll(inSources);
        assertThat(inDoc).doesNotHaveDuplicates();
    }
}
