package io.dictdb.examples.tutorial;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The production tutorial of TechFlow, run end to end on the embedded default: every section in the order of the
 * story, each in its own directory of a temporary working directory, with a readable report of each step and its
 * outcome, then a summary. This is the README's main job:
 *
 * <pre>
 * mvn -q -B install -DskipTests &amp;&amp; mvn -q -B -pl dictdb-examples exec:java
 * </pre>
 *
 * The story is told in {@code docs/tutorial.md}.
 */
public final class ProductionTutorial {
    /**
     * One section as it ran.
     *
     * @param title   its title
     * @param outcome what it returned
     * @param elapsed how long it took
     */
    public record SectionRun(String title, SectionOutcome outcome, Duration elapsed) {
    }

    /**
     * The whole run.
     *
     * @param sections each section, in order
     * @param elapsed  how long the whole run took
     */
    public record Result(List<SectionRun> sections, Duration elapsed) {
        /**
         * The outcome of a section.
         *
         * @param type the section's result type, for example {@code SafeCounter.Result.class}
         * @param <R>  that type
         * @return its outcome
         * @throws IllegalArgumentException when no section returned that type
         */
        public <R extends SectionOutcome> R outcome(Class<R> type) {
            return sections.stream().map(SectionRun::outcome).filter(type::isInstance).map(type::cast).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No section returned " + type.getSimpleName()));
        }
    }

    private ProductionTutorial() {
    }

    /**
     * Runs the whole tutorial in a temporary directory, deleted at the end, or in a given directory, kept.
     *
     * @param args optional: a new or empty directory to run in and keep (to look at the backups and logs
     *             afterwards)
     */
    public static void main(String[] args) {
        boolean keep = args.length > 0;
        Path workDir = keep ? Workspace.createEmpty(Path.of(args[0])) : Workspace.createTemporary("tutorial");
        try {
            run(workDir, new Report(System.out));
        } finally {
            if (!keep) {
                Workspace.deleteRecursively(workDir);
            }
        }
    }

    /**
     * Runs every section in order and prints the report, ending with a summary.
     *
     * @param workDir an empty directory; each section works in a subdirectory of it
     * @param report  where to report
     * @return what each section did
     */
    public static Result run(Path workDir, Report report) {
        report.heading("DictDB for Java - the production tutorial of TechFlow, run end to end");
        report.heading("Working directory: " + workDir);
        long start = System.nanoTime();
        List<SectionRun> runs = new ArrayList<>();
        runs.add(runSection("Backup set-up", "1-backup-setup", BackupSetup::run, workDir, report));
        runs.add(runSection("Backup failure alerts", "2-backup-alerts", BackupAlerts::run, workDir, report));
        runs.add(runSection("Incremental backups", "3-incremental", IncrementalBackups::run, workDir, report));
        runs.add(runSection("Restore from backups", "4-restore", RestoreFromBackups::run, workDir, report));
        runs.add(runSection("Concurrent reads", "5-reads", (dir, r) -> ConcurrentReads.run(r), workDir, report));
        runs.add(runSection("Safe counter", "6-counter", (dir, r) -> SafeCounter.run(r), workDir, report));
        runs.add(runSection("Async save and load", "7-async", AsyncPersistence::run, workDir, report));
        runs.add(runSection("Production logging", "8-logging", ProductionLogging::run, workDir, report));
        runs.add(runSection("Error handling", "9-errors", ErrorHandling::run, workDir, report));
        runs.add(runSection("Performance tips", "10-performance", (dir, r) -> PerformanceTips.run(r), workDir,
                report));
        Result result = new Result(runs, Timing.since(start));
        printSummary(result, report);
        return result;
    }

    private static SectionRun runSection(String title, String directory, TutorialSection<?> section, Path workDir,
                                         Report report) {
        Path dir = Workspace.subdirectory(workDir, directory);
        Timing.Timed<SectionOutcome> timed = Timing.time(() -> section.run(dir, report));
        return new SectionRun(title, timed.value(), timed.elapsed());
    }

    private static void printSummary(Result result, Report report) {
        report.section("Summary");
        List<List<String>> rows = new ArrayList<>();
        int number = 1;
        for (SectionRun run : result.sections()) {
            rows.add(List.of(number++ + ". " + run.title(), Timing.format(run.elapsed()), run.outcome().summary()));
        }
        report.table(List.of("section", "time", "outcome"), rows);
        report.step("all %d sections done in %s", result.sections().size(), Timing.format(result.elapsed()));
    }
}
