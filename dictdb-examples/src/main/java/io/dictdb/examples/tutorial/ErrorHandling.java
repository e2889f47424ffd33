package io.dictdb.examples.tutorial;

import io.dictdb.DictDB;
import io.dictdb.FieldType;
import io.dictdb.FileFormat;
import io.dictdb.IndexType;
import io.dictdb.Schema;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;
import io.dictdb.backup.Backups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Section 9 of the production tutorial: error handling. Each kind of failure is provoked for real and goes through
 * {@link SafeOperation#execute}, which says what went wrong and either rethrows or, when no record matched, returns
 * a result.
 *
 * <p>{@link io.dictdb.TransactionConflictException} is the one exception not provoked: DictDB's single writer
 * never has conflicts to retry, so it is never thrown.
 */
public final class ErrorHandling {
    /**
     * One provoked failure and how it was handled.
     *
     * @param trigger     what was done
     * @param exception   the exception's simple class name
     * @param handlerSaid what the handler logged
     * @param outcome     {@code rethrown}, or the result returned instead
     */
    public record Case(String trigger, String exception, String handlerSaid, String outcome) {
    }

    /**
     * What the section did.
     *
     * @param cases every provoked failure, in order
     */
    public record Result(List<Case> cases) implements SectionOutcome {
        @Override
        public String summary() {
            long rethrown = cases.stream().filter(c -> c.outcome().equals("rethrown")).count();
            return cases.size() + " failures provoked, " + cases.stream().map(Case::exception).distinct().count()
                    + " exception types; " + rethrown + " reported and rethrown, " + (cases.size() - rethrown)
                    + " turned into a result";
        }
    }

    private ErrorHandling() {
    }

    /**
     * Runs the section on its own, in a temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("errors", ErrorHandling::run);
    }

    /**
     * Runs the section.
     *
     * @param workDir the directory for the files it damages
     * @param report  where to report
     * @return what happened
     */
    public static Result run(Path workDir, Report report) {
        report.section("9. Error handling: every exception type, provoked for real");
        List<Case> cases = new ArrayList<>();
        try (DictDB db = new DictDB()) {
            Schema schema = Schema.builder().field("name", FieldType.STRING).field("age", FieldType.LONG).build();
            Table users = db.createTable("users", "id", schema);
            users.insert(Map.of("id", 1, "name", "Alice", "age", 30));
            users.createIndex("age", IndexType.SORTED);

            // tag::provoke[]
            cases.add(provoke("get a table that does not exist", () -> db.getTable("customers").count(), 0L));
            cases.add(provoke("insert id 1 again", () -> users.insert(Map.of("id", 1, "name", "Bob", "age", 25)),
                    null));
            cases.add(provoke("insert age = \"thirty\" into a LONG field",
                    () -> users.insert(Map.of("name", "Chloe", "age", "thirty")), null));
            cases.add(provoke("update a record that does not exist",
                    () -> users.update(Map.of("age", 31), users.field("name").eq("Nobody")), 0));
            // end::provoke[]
            cases.add(provoke("create the table 'users' again", () -> db.createTable("users"), null));
            cases.add(provoke("create a HASH index on a field with a SORTED one",
                    () -> { users.createIndex("age", IndexType.HASH); return null; }, null));

            Path saved = workDir.resolve("users.json");
            db.save(saved, FileFormat.JSON);
            int size = DamagedFiles.cutInHalf(saved);
            cases.add(provoke("load a save cut in half (" + size + " bytes left)",
                    () -> DictDB.load(saved, FileFormat.JSON), null));
            cases.add(provoke("load a file that does not exist",
                    () -> DictDB.load(workDir.resolve("missing.json"), FileFormat.JSON), null));

            Path backupDir = chainWithAMissingDelta(db, workDir.resolve("backups"));
            cases.add(provoke("restore backups whose first delta was deleted", () -> Backups.restore(backupDir),
                    null));
            cases.add(provoke("select with a negative limit", () -> users.select().limit(-1).list(), null));
        }
        for (Case c : cases) {
            report.step("%s: %s, %s", c.trigger(), c.exception(), c.outcome());
            report.detail("handler: %s", Workspace.withPathsRelativeTo(c.handlerSaid(), workDir));
        }
        return new Result(cases);
    }

    /** Runs an operation that is meant to fail through the handler, and notes how it ended. */
    private static <T> Case provoke(String trigger, Supplier<T> operation, T whenNoRecordFound) {
        List<String> said = new ArrayList<>();
        List<Throwable> caught = new ArrayList<>();
        try {
            T result = SafeOperation.execute(() -> {
                try {
                    return operation.get();
                } catch (RuntimeException e) {
                    caught.add(e);
                    throw e;
                }
            }, whenNoRecordFound, said::add);
            return new Case(trigger, exceptionName(caught), String.join("; ", said), "returned " + result);
        } catch (RuntimeException e) {
            return new Case(trigger, exceptionName(caught), String.join("; ", said), "rethrown");
        }
    }

    private static String exceptionName(List<Throwable> caught) {
        return caught.isEmpty() ? "no exception" : caught.get(0).getClass().getSimpleName();
    }

    /** Writes a full backup and two deltas, then deletes the first delta. */
    private static Path chainWithAMissingDelta(DictDB db, Path backupDir) {
        Table users = db.getTable("users");
        try (BackupManager backups = BackupManager.builder(db, backupDir).incremental(true).build()) {
            backups.backupFull();
            users.insert(Map.of("name", "Bob", "age", 25));
            backups.backupDelta();
            users.insert(Map.of("name", "Chloe", "age", 35));
            backups.backupDelta();
        }
        try {
            Files.delete(BackupFiles.named(backupDir, BackupFiles.DELTA_PREFIX).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return backupDir;
    }
}
