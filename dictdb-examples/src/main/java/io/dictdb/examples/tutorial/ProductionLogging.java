package io.dictdb.examples.tutorial;

import io.dictdb.Aggregate;
import io.dictdb.DictDB;
import io.dictdb.IndexType;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;
import io.dictdb.logging.DictDBLogging;
import io.dictdb.logging.LoggingOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Section 8 of the production tutorial: logging for production. DictDB's events go to a file as JSON lines, read
 * back here and parsed line by line; then at DEBUG, the same workload runs twice, once keeping every DEBUG event
 * and once keeping one in {@value #SAMPLE_EVERY}, to show what sampling keeps.
 */
public final class ProductionLogging {
    /** Sampling rate of the DEBUG run: one DEBUG event kept in this many. */
    public static final int SAMPLE_EVERY = 10;

    /**
     * What the section did.
     *
     * @param production       the INFO log of the production set-up
     * @param debugUnsampled   the DEBUG log of the workload with every DEBUG event kept
     * @param debugSampled     the DEBUG log of the same workload with one DEBUG event in {@link #SAMPLE_EVERY}
     */
    public record Result(JsonLogFile production, JsonLogFile debugUnsampled, JsonLogFile debugSampled)
            implements SectionOutcome {
        @Override
        public String summary() {
            return production.lines() + " JSON lines at INFO, all parsed; DEBUG 1 in " + SAMPLE_EVERY + ": "
                    + debugUnsampled.count("DEBUG") + " -> " + debugSampled.count("DEBUG") + " lines";
        }
    }

    private ProductionLogging() {
    }

    /**
     * Runs the section on its own, in a temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("logging", ProductionLogging::run);
    }

    /**
     * Runs the section. DictDB's logging is set up for the duration of the section only, and
     * {@link DictDBLogging#reset() reset} at the end.
     *
     * @param workDir the directory for the logs ({@code logs} inside it) and a backup
     * @param report  where to report
     * @return what happened
     */
    public static Result run(Path workDir, Report report) {
        report.section("8. Production logging: JSON lines in a file, DEBUG sampling");
        Path logs = workDir.resolve("logs");
        try {
            // tag::production[]
            DictDBLogging.configure(LoggingOptions.builder()
                    .level("INFO")
                    .console(false)                       // the tutorial: true (off here, for a readable report)
                    .logFile(logs.resolve("dictdb.log"))  // appended to; missing directories are created
                    .json(true)                           // one JSON object per line, for ELK, Splunk...
                    .build());
            // end::production[]
            runWorkload(workDir.resolve("backups-info"));
            JsonLogFile production = JsonLogFile.read(logs.resolve("dictdb.log"));
            report.step("level INFO, JSON lines to %s: %d lines, all parsed, by level %s, by logger %s",
                    workDir.relativize(production.file()), production.lines(), production.levels(),
                    production.loggers());
            report.detail("first line: %s", production.firstLine());

            DictDBLogging.configure(LoggingOptions.builder()
                    .level("DEBUG").console(false).logFile(logs.resolve("dictdb_debug_all.log")).json(true).build());
            runWorkload(workDir.resolve("backups-debug-all"));
            JsonLogFile unsampled = JsonLogFile.read(logs.resolve("dictdb_debug_all.log"));

            // tag::sampling[]
            DictDBLogging.configure(LoggingOptions.builder()
                    .level("DEBUG")
                    .console(false)                             // the tutorial: true
                    .logFile(logs.resolve("dictdb_debug.log"))
                    .json(true)
                    .sampleDebugEvery(SAMPLE_EVERY)             // keep 1 DEBUG event in 10 (the tutorial: 100)
                    .build());
            // end::sampling[]
            runWorkload(workDir.resolve("backups-debug-sampled"));
            JsonLogFile sampled = JsonLogFile.read(logs.resolve("dictdb_debug.log"));
            report.step("level DEBUG, the same workload twice:");
            report.table(List.of("log file", "DEBUG lines", "other lines", "by level"), List.of(
                    row(unsampled, "every DEBUG event"), row(sampled, "1 DEBUG event in " + SAMPLE_EVERY)));
            return new Result(production, unsampled, sampled);
        } finally {
            // tag::reset[]
            DictDBLogging.reset();   // closes the files; io.dictdb follows the host's logback.xml again
            // end::reset[]
        }
    }

    private static List<String> row(JsonLogFile log, String sampling) {
        return List.of(log.file().getFileName() + " (" + sampling + ")", String.valueOf(log.count("DEBUG")),
                String.valueOf(log.lines() - log.count("DEBUG")), log.levels().toString());
    }

    /**
     * The same operations each time: a table and an index (INFO), 200 inserts, 100 queries and 20 updates (DEBUG),
     * a full backup (INFO).
     */
    private static void runWorkload(Path backupDir) {
        try (DictDB db = new DictDB()) {
            Table orders = db.createTable("orders");
            orders.createIndex("customer", IndexType.HASH);
            for (int i = 0; i < 200; i++) {
                orders.insert(Map.of("customer", "C" + (i % 20), "amount", 10.0 + i));
            }
            for (int i = 0; i < 100; i++) {
                orders.select(orders.field("customer").eq("C" + (i % 20)));
            }
            for (int i = 0; i < 20; i++) {
                orders.update(Map.of("status", "shipped"), orders.field("customer").eq("C" + i));
            }
            orders.aggregate().groupBy("customer").agg("total", Aggregate.sum("amount")).list();
            try (BackupManager backups = BackupManager.builder(db, backupDir).build()) {
                backups.backupFull();
            }
        }
    }
}
