package io.dictdb.examples.tutorial;

/** What a section of the tutorial achieved, summed up in one line for the final report. */
public interface SectionOutcome {
    /**
     * The outcome in one line.
     *
     * @return for example {@code 1 000 increments from 10 threads, counter = 1 000}
     */
    String summary();
}
