package io.dictdb.examples.tutorial;

import io.dictdb.Aggregate;
import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.Table;
import io.dictdb.backup.BackupManager;
import io.dictdb.backup.Backups;
import io.dictdb.backup.RestoreResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Section 4 of the production tutorial: restoring. A chain of backups is written (full, deltas, full, deltas), then
 * the database is restored twice: by the tutorial's recipe (the latest full backup, then each later delta in name
 * order, with {@link Backups#applyDelta}) and by {@link Backups#restore}, which also checks that each file follows
 * the one before. Both give the live rows. Then one delta is damaged (one digit changed, still valid JSON): its
 * checksum gives it away, {@code restore} names it, and {@link Backups#restoreToLastGoodPoint} stops just before it.
 */
public final class RestoreFromBackups {
    /**
     * What the section did.
     *
     * @param recipeFullBackup       the full backup the recipe loaded
     * @param recipeDeltas           the deltas the recipe applied, in order
     * @param live                   the live table's figures
     * @param recipe                 the figures of the table restored by the recipe
     * @param verified               the figures of the table restored by {@code Backups.restore}
     * @param damagedDelta           the delta that was damaged
     * @param damageReport           what {@code Backups.restore} said about it
     * @param rowsAtLastGoodPoint    rows restored by {@code restoreToLastGoodPoint}
     * @param rowsBeforeDamagedDelta rows the live database had when the damaged delta's predecessor was written
     */
    public record Result(Path recipeFullBackup, List<Path> recipeDeltas, Figures live, Figures recipe,
                         Figures verified, Path damagedDelta, String damageReport, long rowsAtLastGoodPoint,
                         long rowsBeforeDamagedDelta) implements SectionOutcome {
        @Override
        public String summary() {
            boolean same = live.equals(recipe) && live.equals(verified);
            return (same ? "by hand and verified, every row identical: " : "MISMATCH: ") + verified + "; damaged delta named, "
                    + "last good point " + rowsAtLastGoodPoint + " rows";
        }
    }

    /**
     * What is compared after a restore: every row, value for value (a {@code Double} amount that came back as a
     * {@code BigDecimal} would not compare equal), with the total amount for the report.
     *
     * @param totalAmount the sum of the amounts
     * @param content     the rows in key order
     */
    public record Figures(double totalAmount, List<Row> content) {
        /**
         * Reads the figures of a transactions table.
         *
         * @param transactions the table
         * @return its figures
         */
        public static Figures of(Table transactions) {
            Row totals = transactions.aggregate().agg("total", Aggregate.sum("amount")).one();
            return new Figures(totals.getDouble("total"), transactions.select().orderBy("tx_id").copy(false).list());
        }

        /**
         * The row count.
         *
         * @return how many rows the table had
         */
        public long rows() {
            return content.size();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d rows, total amount %.2f", rows(), totalAmount);
        }
    }

    private RestoreFromBackups() {
    }

    /**
     * Runs the section on its own, in a temporary directory.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Workspace.runAlone("restore", RestoreFromBackups::run);
    }

    /**
     * Runs the section.
     *
     * @param workDir the directory for the backups ({@code backups} inside it)
     * @param report  where to report
     * @return what happened
     */
    public static Result run(Path workDir, Report report) {
        report.section("4. Restoring: the latest full backup plus the later deltas");
        Path backupDir = workDir.resolve("backups");
        try (DictDB db = new DictDB()) {
            Table transactions = db.createTable("transactions", "tx_id");
            long rowsBeforeLastDelta;
            try (BackupManager backups = BackupManager.builder(db, backupDir).incremental(true).build()) {
                writeDay(transactions, 1);
                backups.backupFull();
                writeDay(transactions, 2);
                backups.backupDelta();
                writeDay(transactions, 3);
                backups.backupDelta();
                backups.backupFull();
                writeDay(transactions, 4);
                backups.backupDelta();
                rowsBeforeLastDelta = transactions.count();
                writeDay(transactions, 5);
                backups.backupDelta();
            }
            report.step("5 days of writes (inserts, updates, deletes) backed up as full, delta, delta, full, delta, "
                    + "delta:");
            BackupFiles.all(backupDir).forEach(file -> report.detail("%s", BackupFiles.describe(file)));

            ByHand byHand = restoreByHand(backupDir, report);
            Figures live = Figures.of(transactions);
            Figures recipe;
            try (DictDB restored = byHand.database()) {
                recipe = Figures.of(restored.getTable("transactions"));
            }
            Figures verified;
            try (DictDB restored = Backups.restore(backupDir)) {
                verified = Figures.of(restored.getTable("transactions"));
            }
            report.step("live: %s; by hand: %s; Backups.restore (chain checked): %s", live, recipe, verified);
            report.detail("every row identical to the live table, value for value: by hand %s, verified %s",
                    live.equals(recipe) ? "yes" : "NO", live.equals(verified) ? "yes" : "NO");

            Path lastDelta = last(BackupFiles.named(backupDir, BackupFiles.DELTA_PREFIX));
            String change = DamagedFiles.changeOneDigit(lastDelta, "amount");
            report.step("damage: in %s, %s (the file is still valid JSON)", lastDelta.getFileName(), change);
            String damageReport;
            try (DictDB unexpected = Backups.restore(backupDir)) {
                throw new IllegalStateException("The damaged delta was restored: " + unexpected);
            } catch (CorruptFileException e) {
                damageReport = e.getMessage();
                report.detail("Backups.restore: %s: %s", e.getClass().getSimpleName(),
                        Workspace.withPathsRelativeTo(e.getMessage(), workDir));
            }
            RestoreResult partial = Backups.restoreToLastGoodPoint(backupDir);
            long rowsAtLastGoodPoint;
            try (DictDB partialDb = partial.database()) {
                rowsAtLastGoodPoint = partialDb.getTable("transactions").count();
            }
            report.detail("Backups.restoreToLastGoodPoint: %s + %d delta(s), %d rows (stopped at %s)",
                    partial.fullBackup().getFileName(), partial.appliedDeltas().size(), rowsAtLastGoodPoint,
                    partial.stoppedAt().map(Path::getFileName).orElse(null));
            return new Result(byHand.fullBackup(), byHand.appliedDeltas(), live, recipe, verified, lastDelta,
                    damageReport, rowsAtLastGoodPoint, rowsBeforeLastDelta);
        }
    }

    /**
     * A database restored by hand, and the files it came from.
     *
     * @param database      the database
     * @param fullBackup    the full backup loaded
     * @param appliedDeltas the deltas applied after it, in order
     */
    public record ByHand(DictDB database, Path fullBackup, List<Path> appliedDeltas) {
    }

    // tag::recipe[]
    /**
     * The tutorial's {@code restaurer_base()}: the latest full backup, then every later delta, in name order.
     *
     * @param backupDir the backup directory
     * @param report    where to report the files used
     * @return the restored database and the files it came from
     */
    public static ByHand restoreByHand(Path backupDir, Report report) {
        List<Path> fullBackups = BackupFiles.named(backupDir, BackupFiles.FULL_PREFIX);
        if (fullBackups.isEmpty()) {
            throw new NoSuchElementException("No full backup in " + backupDir);
        }
        Path latestFull = fullBackups.get(fullBackups.size() - 1);
        report.step("by hand: loading the full backup %s", latestFull.getFileName());
        DictDB db = DictDB.load(latestFull, FileFormat.JSON);

        String fullStamp = BackupFiles.stamp(latestFull);          // "1706123696_456789"
        List<Path> applied = new ArrayList<>();
        for (Path delta : BackupFiles.named(backupDir, BackupFiles.DELTA_PREFIX)) {
            if (BackupFiles.stamp(delta).compareTo(fullStamp) > 0) {
                int affected = Backups.applyDelta(db, delta);      // checksum verified, applied atomically
                applied.add(delta);
                report.detail("delta applied: %s (%d records)", delta.getFileName(), affected);
            }
        }
        return new ByHand(db, latestFull, applied);
    }
    // end::recipe[]

    /** One day of traffic: 40 new transactions, 10 amounts corrected, 5 cancelled. */
    private static void writeDay(Table transactions, int day) {
        for (int i = 0; i < 40; i++) {
            transactions.insert(Map.of("tx_id", String.format(Locale.ROOT, "TX%d-%02d", day, i),
                    "amount", day * 100 + i * 2.5, "day", day));
        }
        transactions.update(Map.of("status", "corrected"),
                transactions.field("day").eq(day).and(transactions.field("amount").lt(day * 100 + 25)));
        transactions.delete(transactions.field("day").eq(day).and(transactions.field("amount").gt(day * 100 + 85)));
    }

    private static Path last(List<Path> files) {
        return files.get(files.size() - 1);
    }
}
