package io.dictdb.examples.tutorial;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable report of a tutorial run: sections, each with the steps it took and their outcomes, and tables
 * for side-by-side figures. Everything is printed as it happens and also kept, so that a test can read it back.
 *
 * <pre>
 * == 1. Backup set-up ==
 *   - periodic backups every 200 ms: 3 files so far
 *       dictdb_backup_1763761234_123456.json (18 204 bytes)
 * </pre>
 */
public final class Report {
    private static final String STEP = "  - ";
    private static final String DETAIL = "      ";

    private final PrintStream out;
    private final List<String> lines = new ArrayList<>();

    /**
     * Creates a report printed to a stream.
     *
     * @param out where to print (usually {@code System.out})
     */
    public Report(PrintStream out) {
        this.out = out;
    }

    /**
     * Creates a report that prints nothing and only keeps its lines.
     *
     * @return the report
     */
    public static Report silent() {
        return new Report(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
    }

    /**
     * Prints a heading line, as is.
     *
     * @param text the heading
     */
    public void heading(String text) {
        print(text);
    }

    /**
     * Starts a section.
     *
     * @param title the section's title
     */
    public void section(String title) {
        print("");
        print("== " + title + " ==");
    }

    /**
     * Reports one step and its outcome.
     *
     * @param format a {@link String#format} pattern
     * @param args   its arguments
     */
    public void step(String format, Object... args) {
        print(STEP + String.format(format, args));
    }

    /**
     * Reports a detail of the previous step (a file name, one thread's result...), indented under it.
     *
     * @param format a {@link String#format} pattern
     * @param args   its arguments
     */
    public void detail(String format, Object... args) {
        print(DETAIL + String.format(format, args));
    }

    /**
     * Prints a table with aligned columns, under the current step.
     *
     * @param header the column names
     * @param rows   the rows, each with one cell per column
     */
    public void table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < all.size(); r++) {
            print(DETAIL + formatRow(all.get(r), widths));
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                print(DETAIL + formatRow(rule, widths));
            }
        }
    }

    /**
     * Everything printed so far, one entry per line.
     *
     * @return a copy of the lines
     */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Everything printed so far, as one text.
     *
     * @return the text
     */
    public String text() {
        return String.join(System.lineSeparator(), lines());
    }

    private static String formatRow(List<String> cells, int[] widths) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                row.append(" | ");
            }
            String cell = cells.get(i);
            boolean lastColumn = i == widths.length - 1;
            row.append(lastColumn ? cell : cell + " ".repeat(widths[i] - cell.length()));
        }
        return row.toString();
    }

    private void print(String line) {
        synchronized (lines) {
            lines.add(line);
            out.println(line);
        }
    }
}
