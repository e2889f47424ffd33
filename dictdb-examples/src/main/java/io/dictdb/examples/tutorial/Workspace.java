package io.dictdb.examples.tutorial;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary directory a tutorial program works in, and running a section on its own in one. */
public final class Workspace {
    private Workspace() {
    }

    /**
     * Runs one section in a new temporary directory, printing its report to the standard output, then deletes the
     * directory. This is what each section's {@code main} does.
     *
     * @param name    a short name for the directory
     * @param section the section
     */
    public static void runAlone(String name, TutorialSection<?> section) {
        Path dir = createTemporary(name);
        try {
            Report report = new Report(System.out);
            SectionOutcome outcome = section.run(dir, report);
            report.section("Outcome");
            report.step("%s", outcome.summary());
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * Creates a new, empty temporary directory.
     *
     * @param name a short name it starts with
     * @return the directory
     */
    public static Path createTemporary(String name) {
        try {
            return Files.createTempDirectory("dictdb-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a directory that must be new or empty, so that the files found in it afterwards are all from this run.
     *
     * @param dir the directory
     * @return its absolute path
     * @throws IllegalArgumentException when it exists and is not an empty directory
     */
    public static Path createEmpty(Path dir) {
        Path absolute = dir.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            try (Stream<Path> entries = Files.list(absolute)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The directory " + absolute + " is not empty.");
                }
            }
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a subdirectory.
     *
     * @param parent the parent directory
     * @param name   the subdirectory's name
     * @return the subdirectory, created with its missing parents
     */
    public static Path subdirectory(Path parent, String name) {
        try {
            return Files.createDirectories(parent.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shortens the paths under a directory in a text (an exception's message, say) to paths relative to it.
     *
     * @param text a text
     * @param dir  the directory
     * @return the text without the directory's path
     */
    public static String withPathsRelativeTo(String text, Path dir) {
        return text.replace(dir.toAbsolutePath() + File.separator, "");
    }

    /**
     * Deletes a directory and everything in it. Does nothing when it does not exist.
     *
     * @param dir the directory
     */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
