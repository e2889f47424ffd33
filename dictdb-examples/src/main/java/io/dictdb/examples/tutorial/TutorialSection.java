package io.dictdb.examples.tutorial;

import java.nio.file.Path;

/**
 * One section of the production tutorial, runnable on its own or as a step of {@link ProductionTutorial}.
 *
 * @param <R> what it returns
 */
@FunctionalInterface
public interface TutorialSection<R extends SectionOutcome> {
    /**
     * Runs the section.
     *
     * @param workDir an empty directory the section may write into
     * @param report  where to report its steps
     * @return its outcome
     */
    R run(Path workDir, Report report);
}
