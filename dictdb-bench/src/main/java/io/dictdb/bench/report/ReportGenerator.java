package io.dictdb.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the JMH JSON results of the peer comparison ({@code results/peers.json}) and of the engine benchmarks
 * ({@code results/engine.json}) into {@code BENCHMARKS.md} and its chart {@code BENCHMARKS-ratios.png}.
 *
 * <p>The Markdown comes from a template ({@code dictdb-bench/report/BENCHMARKS.template.md}) whose hand-written
 * text (the reading of the results) is kept as is and whose placeholders are filled from the results:
 * <ul>
 *   <li>{@code {{date}} {{machine}} {{jdk}} {{command}} {{jmh-command}} {{settings}} {{duration}} {{commit}}
 *       {{systems}} {{chart}} {{workload-tables}} {{targets}} {{engine-targets}} {{engine-run}}}</li>
 *   <li>{@code {{ratio:W2:h2:1000000}}}: how many times faster DictDB is than H2 on W2 at 1 000 000 rows;
 *       {@code {{score:W2:dictdb:1000000}}}: a score with its error; {@code {{version:h2}}}: a peer's version.
 *       Workload keys: W1, W2, W3none, W3hash, W3sorted, W4, W5, W6, W7.</li>
 *   <li>A block between {@code <!-- full-run-only -->} and {@code <!-- /full-run-only -->} is left out with
 *       {@code --quick} (its text describes the full run).</li>
 * </ul>
 * An unknown placeholder is an error. A measurement that is missing (a combination that does not apply, or a
 * run restricted with {@code -p}) is shown as n/a.
 *
 * <p>Usage (from the repository root, with the benchmarks jar):
 * <pre>
 * java -Djava.awt.headless=true -cp dictdb-bench/target/benchmarks.jar io.dictdb.bench.report.ReportGenerator \
 *     [--peers dictdb-bench/results/peers.json] [--engine dictdb-bench/results/engine.json] \
 *     [--template dictdb-bench/report/BENCHMARKS.template.md] [--out BENCHMARKS.md] \
 *     [--chart BENCHMARKS-ratios.png] [--command TEXT] [--jmh-command TEXT] [--date TEXT] \
 *     [--duration SECONDS] [--commit TEXT] [--engine-date TEXT] [--quick]
 * </pre>
 */
public final class ReportGenerator {

    /** The targets of the peer comparison: DictDB's speed ratio to a peer must be at least the threshold. */
    record Target(String text, Workload workload, String peer, double threshold) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("W2 primary-key lookup ≥ 20× faster than H2", Workload.W2, "h2", 20),
            new Target("W2 primary-key lookup ≥ 20× faster than HSQLDB", Workload.W2, "hsqldb", 20),
            new Target("W2 primary-key lookup within 2× of `ConcurrentHashMap`", Workload.W2, "chm", 0.5),
            new Target("W3 equality with a hash index ≥ CQEngine", Workload.W3_HASH, "cqengine", 1),
            new Target("W4 range + order + limit ≥ 5× faster than H2", Workload.W4, "h2", 5),
            new Target("W6 update by key ≥ 5× faster than H2", Workload.W6, "h2", 5),
            new Target("W1 bulk insert ≥ H2", Workload.W1, "h2", 1));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9-]+(?::[A-Za-z0-9]+)*)}}");
    private static final Pattern FULL_RUN_ONLY =
            Pattern.compile("<!-- full-run-only -->.*?<!-- /full-run-only -->\\n?", Pattern.DOTALL);

    private final Map<String, String> options;
    private final List<JmhResult> peers;
    private final List<JmhResult> engine;
    /** workload -> rows -> system -> result. */
    private final Map<Workload, Map<Integer, Map<String, JmhResult>>> table = new LinkedHashMap<>();
    private final List<Integer> rowSizes;

    ReportGenerator(Map<String, String> options, List<JmhResult> peers, List<JmhResult> engine) {
        this.options = options;
        this.peers = peers;
        this.engine = engine;
        Set<Integer> sizes = new TreeSet<>();
        for (JmhResult r : peers) {
            Workload w = workloadOf(r);
            if (w == null || r.param("rows") == null || r.param("store") == null) {
                continue;
            }
            int rows = Integer.parseInt(r.param("rows"));
            sizes.add(rows);
            table.computeIfAbsent(w, k -> new HashMap<>()).computeIfAbsent(rows, k -> new HashMap<>())
                    .put(r.param("store"), r);
        }
        this.rowSizes = List.copyOf(sizes);
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        Path peersFile = Path.of(options.getOrDefault("peers", "dictdb-bench/results/peers.json"));
        Path engineFile = Path.of(options.getOrDefault("engine", "dictdb-bench/results/engine.json"));
        Path template = Path.of(options.getOrDefault("template", "dictdb-bench/report/BENCHMARKS.template.md"));
        Path out = Path.of(options.getOrDefault("out", "BENCHMARKS.md"));
        Path chart = Path.of(options.getOrDefault("chart", "BENCHMARKS-ratios.png"));
        if (!Files.exists(peersFile)) {
            throw new IllegalArgumentException("No peer results at " + peersFile + ": run dictdb-bench/run-benchmarks.sh");
        }
        options.putIfAbsent("date", DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(peersFile.toFile().lastModified())));
        ReportGenerator generator = new ReportGenerator(options, JmhResult.read(peersFile), JmhResult.read(engineFile));
        if (generator.peers.isEmpty()) {
            throw new IllegalArgumentException("No results in " + peersFile);
        }
        generator.drawChart(chart);
        String markdown = generator.fill(read(template), relativeLink(out, chart));
        write(out, markdown);
        System.out.println("Wrote " + out + " and " + chart);
        for (String line : generator.targetSummary()) {
            System.out.println(line);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ratios
    // ---------------------------------------------------------------------------------------------------------

    JmhResult result(Workload w, String system, int rows) {
        return table.getOrDefault(w, Map.of()).getOrDefault(rows, Map.of()).get(system);
    }

    /** How many times faster DictDB is than the peer (>1: DictDB faster), or null when either is missing. */
    Double ratio(Workload w, String peer, int rows) {
        JmhResult d = result(w, "dictdb", rows);
        JmhResult p = result(w, peer, rows);
        if (d == null || p == null || !(d.score() > 0) || !(p.score() > 0)) {
            return null;
        }
        return d.higherIsBetter() ? d.score() / p.score() : p.score() / d.score();
    }

    /** The ratio's bounds from the two errors, or null when an error is unknown. */
    double[] ratioInterval(Workload w, String peer, int rows) {
        JmhResult d = result(w, "dictdb", rows);
        JmhResult p = result(w, peer, rows);
        if (d == null || p == null || Double.isNaN(d.error()) || Double.isNaN(p.error())) {
            return null;
        }
        double dLo = d.score() - d.error();
        double dHi = d.score() + d.error();
        double pLo = p.score() - p.error();
        double pHi = p.score() + p.error();
        if (d.higherIsBetter()) {
            return new double[] {Math.max(0, dLo) / pHi, pLo <= 0 ? Double.POSITIVE_INFINITY : dHi / pLo};
        }
        return new double[] {Math.max(0, pLo) / dHi, dLo <= 0 ? Double.POSITIVE_INFINITY : pHi / dLo};
    }

    private void drawChart(Path chart) {
        List<Workload> workloads = Arrays.stream(Workload.values()).filter(table::containsKey)
                .collect(Collectors.toList());
        JmhResult any = peers.get(0);
        String subtitle = "DictDB's speed relative to each peer, same JMH run (" + options.get("date") + ", "
                + any.vmName() + " " + any.jdkVersion() + ", " + firstLine(SystemInfo.machine())
                + "). Time per op for W1–W6, throughput for W7. n/a: not applicable.";
        RatioChart.draw(chart, workloads, SystemInfo.PEERS, rowSizes, this::ratio, subtitle);
    }

    List<String> targetSummary() {
        List<String> lines = new ArrayList<>();
        for (Target t : TARGETS) {
            for (int rows : rowSizes) {
                Double r = ratio(t.workload(), t.peer(), rows);
                lines.add(String.format(Locale.ROOT, "target %-60s rows=%-8d ratio=%-10s %s", t.text(), rows,
                        r == null ? "n/a" : RatioChart.ratioLabel(r), verdict(t, rows)));
            }
        }
        return lines;
    }

    private String verdict(Target t, int rows) {
        Double r = ratio(t.workload(), t.peer(), rows);
        if (r == null) {
            return "not measured";
        }
        double[] interval = ratioInterval(t.workload(), t.peer(), rows);
        boolean met = r >= t.threshold();
        boolean straddles = interval != null && interval[0] < t.threshold() && interval[1] >= t.threshold();
        return (met ? "met" : "**missed**") + (straddles ? " (threshold within the error)" : "");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Markdown
    // ---------------------------------------------------------------------------------------------------------

    String fill(String template, String chartLink) {
        String text = options.containsKey("quick")
                ? FULL_RUN_ONLY.matcher(template).replaceAll(
                "> Quick run (smoke settings, not measurements): the reading of the full run is left out.\n")
                : template.replace("<!-- full-run-only -->\n", "").replace("<!-- /full-run-only -->\n", "");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), chartLink)));
        }
        m.appendTail(out);
        if (out.toString().contains("{{")) {
            int at = out.indexOf("{{");
            throw new IllegalArgumentException("Unknown placeholder near: " + out.substring(at, Math.min(out.length(), at + 40)));
        }
        return out.toString();
    }

    private String value(String placeholder, String chartLink) {
        String[] parts = placeholder.split(":");
        switch (parts[0]) {
            case "date":
                return options.get("date");
            case "machine":
                return SystemInfo.machine();
            case "jdk":
                return jdk(peers.get(0));
            case "command":
                return options.getOrDefault("command", "dictdb-bench/run-benchmarks.sh");
            case "jmh-command":
                return options.getOrDefault("jmh-command", "java -jar dictdb-bench/target/benchmarks.jar "
                        + "'io\\.dictdb\\.bench\\.peers\\.' -rf json -rff dictdb-bench/results/peers.json");
            case "settings":
                return settings(peers);
            case "duration":
                return duration();
            case "commit":
                return options.getOrDefault("commit", "not recorded");
            case "systems":
                return systems();
            case "chart":
                return "![How many times faster DictDB is than each peer, per workload, log scale](" + chartLink + ")";
            case "workload-tables":
                return workloadTables();
            case "targets":
                return targets();
            case "engine-targets":
                return engineTargets();
            case "engine-run":
                return engineRun();
            case "ratio": {
                need(parts, 4, placeholder);
                Double r = ratio(Workload.byKey(parts[1]), parts[2], Integer.parseInt(parts[3]));
                return r == null ? "n/a" : RatioChart.ratioLabel(r);
            }
            case "score": {
                need(parts, 4, placeholder);
                JmhResult r = result(Workload.byKey(parts[1]), parts[2], Integer.parseInt(parts[3]));
                return r == null ? "n/a" : Units.score(r.score(), r.error(), r.unit());
            }
            case "version":
                need(parts, 2, placeholder);
                return SystemInfo.displayName(parts[1]);
            default:
                throw new IllegalArgumentException("Unknown placeholder {{" + placeholder + "}}");
        }
    }

    private static void need(String[] parts, int n, String placeholder) {
        if (parts.length != n) {
            throw new IllegalArgumentException("Placeholder {{" + placeholder + "}} needs " + (n - 1) + " arguments");
        }
    }

    private String duration() {
        String s = options.get("duration");
        if (s == null) {
            return "not recorded";
        }
        long seconds = Long.parseLong(s);
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    private static String jdk(JmhResult r) {
        return r.vmName() + " " + r.vmVersion() + " (JDK " + r.jdkVersion() + "), JMH " + r.jmhVersion();
    }

    /** The distinct JMH settings of the results, one line each. */
    private static String settings(List<JmhResult> results) {
        Set<String> lines = new LinkedHashSet<>();
        for (JmhResult r : results) {
            String mode;
            switch (r.mode()) {
                case "ss":
                    mode = "single-shot";
                    break;
                case "thrpt":
                    mode = "throughput";
                    break;
                case "avgt":
                    mode = "average time";
                    break;
                default:
                    mode = r.mode();
            }
            String line;
            if (r.mode().equals("ss")) {
                line = String.format(Locale.ROOT, "%s (%s): %d warm-up shots, %d measured shots",
                        mode, r.shortName(), r.warmupIterations(), r.measurementIterations());
            } else {
                line = String.format(Locale.ROOT, "%s%s: %d × %s warm-up, %d × %s measurement", mode,
                        r.threads() > 1 ? " (" + r.shortName() + ", " + r.threads() + " threads)" : "",
                        r.warmupIterations(), r.warmupTime(), r.measurementIterations(), r.measurementTime());
            }
            lines.add(line + "; 1 fork per combination, JVM options `" + String.join(" ", r.jvmArgs()) + "`");
        }
        return lines.stream().map(l -> "  - " + l).collect(Collectors.joining("\n"));
    }

    private String systems() {
        StringBuilder b = new StringBuilder();
        for (String s : SystemInfo.SYSTEMS) {
            b.append(s.equals("dictdb") ? "**" + SystemInfo.displayName(s) + "**" : SystemInfo.displayName(s));
            b.append(s.equals(SystemInfo.SYSTEMS.get(SystemInfo.SYSTEMS.size() - 1)) ? "" : ", ");
        }
        return b.toString();
    }

    private String workloadTables() {
        StringBuilder b = new StringBuilder();
        for (Workload w : Workload.values()) {
            Map<Integer, Map<String, JmhResult>> byRows = table.get(w);
            b.append("#### ").append(w.title).append("\n\n").append(w.description).append("\n\n");
            if (byRows == null) {
                b.append("Not measured in this run.\n\n");
                continue;
            }
            JmhResult sample = byRows.values().iterator().next().values().iterator().next();
            boolean higher = sample.higherIsBetter();
            b.append(higher ? "Throughput of both threads together (higher is better)"
                    : "Time per operation (lower is better)");
            b.append("; “DictDB ×” = how many times faster DictDB is than that system (above 1: DictDB faster, "
                    + "below 1: slower); ± is JMH's 99.9 % error.\n\n");
            b.append("| system |");
            for (int rows : rowSizes) {
                b.append(' ').append(Units.rows(rows)).append(" rows | DictDB × |");
            }
            b.append("\n| --- |");
            b.append(" ---: | ---: |".repeat(rowSizes.size()));
            b.append('\n');
            for (String s : SystemInfo.SYSTEMS) {
                b.append("| ").append(s.equals("dictdb") ? "**DictDB**" : SystemInfo.displayName(s)).append(" |");
                for (int rows : rowSizes) {
                    JmhResult r = result(w, s, rows);
                    b.append(' ').append(r == null ? "n/a" : Units.score(r.score(), r.error(), r.unit())).append(" |");
                    if (s.equals("dictdb")) {
                        b.append(" — |");
                    } else {
                        Double ratio = ratio(w, s, rows);
                        b.append(' ').append(ratio == null ? "n/a" : RatioChart.ratioLabel(ratio)).append(" |");
                    }
                }
                b.append('\n');
            }
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }

    private String targets() {
        StringBuilder b = new StringBuilder();
        b.append("| target | rows | DictDB | peer | DictDB × (interval from the errors) | verdict |\n");
        b.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (Target t : TARGETS) {
            for (int rows : rowSizes) {
                JmhResult d = result(t.workload(), "dictdb", rows);
                JmhResult p = result(t.workload(), t.peer(), rows);
                Double r = ratio(t.workload(), t.peer(), rows);
                double[] interval = ratioInterval(t.workload(), t.peer(), rows);
                b.append("| ").append(t.text()).append(" | ").append(Units.rows(rows)).append(" | ")
                        .append(d == null ? "n/a" : Units.score(d.score(), d.error(), d.unit())).append(" | ")
                        .append(p == null ? "n/a" : Units.score(p.score(), p.error(), p.unit())).append(" | ")
                        .append(r == null ? "n/a" : "**" + RatioChart.ratioLabel(r) + "**")
                        .append(interval == null ? "" : " (" + RatioChart.ratioLabel(interval[0]) + " – "
                                + (Double.isInfinite(interval[1]) ? "∞" : RatioChart.ratioLabel(interval[1])) + ")")
                        .append(" | ").append(verdict(t, rows)).append(" |\n");
            }
        }
        return b.toString().stripTrailing();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Engine targets (EngineBenchmark)
    // ---------------------------------------------------------------------------------------------------------

    private JmhResult engine(String method) {
        return engine.stream().filter(r -> r.benchmark().endsWith("EngineBenchmark." + method)).findFirst()
                .orElse(null);
    }

    private String engineRun() {
        if (engine.isEmpty()) {
            return "No engine results (`dictdb-bench/results/engine.json` is missing).";
        }
        JmhResult r = engine.get(0);
        return "- Command: `mvn -q -B install -DskipTests && java -jar dictdb-bench/target/benchmarks.jar "
                + "EngineBenchmark -rf json -rff dictdb-bench/results/engine.json` (results in "
                + "`dictdb-bench/results/engine.json`, measured " + options.getOrDefault("engine-date", "on a date not recorded")
                + ").\n"
                + "- " + jdk(r) + "; " + r.warmupIterations() + " × " + r.warmupTime() + " warm-up, "
                + r.measurementIterations() + " × " + r.measurementTime() + " measurement, 1 fork, JVM options `"
                + String.join(" ", r.jvmArgs()) + "`; bulk insert single-shot.";
    }

    private String engineTargets() {
        if (engine.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("| target | measured | verdict |\n| --- | --- | --- |\n");
        JmhResult get = engine("pkGetDictDB");
        JmhResult chm = engine("pkGetConcurrentHashMap");
        if (get != null && chm != null) {
            double ratio = get.score() / chm.score();
            b.append("| primary-key `get` ≤ 2 × `ConcurrentHashMap.get` (same run) | ")
                    .append(Units.score(get.score(), get.error(), get.unit())).append(" vs ")
                    .append(Units.score(chm.score(), chm.error(), chm.unit())).append(" → **")
                    .append(String.format(Locale.ROOT, "%.2f ×", ratio)).append("** | ")
                    .append(ratio <= 2 ? "met" : "**missed**").append(" |\n");
        }
        JmhResult getRead = engine("pkGetAndReadDictDB");
        JmhResult chmRead = engine("pkGetAndReadConcurrentHashMap");
        if (getRead != null && chmRead != null) {
            b.append("| `get` then read one field, vs the same on the map | ")
                    .append(Units.score(getRead.score(), getRead.error(), getRead.unit())).append(" vs ")
                    .append(Units.score(chmRead.score(), chmRead.error(), chmRead.unit())).append(" → ")
                    .append(String.format(Locale.ROOT, "%.2f ×", getRead.score() / chmRead.score()))
                    .append(" | (context) |\n");
        }
        perRow(b, "equality through a HASH index ≤ 60 ns per returned row", engine("hashIndexEqNoCopy"),
                engine("hashIndexEqCopy"), 60, "with `copy(false)`", "with the default deep copies");
        perRow(b, "range through a SORTED index ≤ 100 ns per returned row", engine("sortedIndexRangeNoCopy"), null,
                100, "`age between 30 and 32`, `copy(false)`", null);
        JmhResult scan = engine("unindexedScanNoCopy");
        if (scan != null && scan.secondary().containsKey("rowsScanned")) {
            JmhResult.Metric m = scan.secondary().get("rowsScanned");
            double perSecond = 1e9 / Units.toNanos(m.score(), m.unit());
            b.append("| unindexed filtered scan ≥ 20 M rows/s on one thread | ")
                    .append(Units.score(m.score(), m.error(), m.unit())).append(" per scanned row = **")
                    .append(String.format(Locale.ROOT, "%.1f M rows/s", perSecond / 1e6)).append("** | ")
                    .append(perSecond >= 20e6 ? "met" : "**missed**").append(" |\n");
        }
        JmhResult insert = engine("insertAllNoIndexes");
        if (insert != null && insert.param("rows") != null) {
            double rows = Double.parseDouble(insert.param("rows"));
            double perSecond = rows / (Units.toNanos(insert.score(), insert.unit()) / 1e9);
            b.append("| `insertAll` of ").append(Units.rows((int) rows))
                    .append(" rows without indexes ≥ 1 M rows/s | ")
                    .append(Units.score(insert.score(), insert.error(), insert.unit())).append(" = **")
                    .append(String.format(Locale.ROOT, "%.1f M rows/s", perSecond / 1e6)).append("** | ")
                    .append(perSecond >= 1e6 ? "met" : "**missed**").append(" |\n");
        }
        return b.toString().stripTrailing();
    }

    private static void perRow(StringBuilder b, String target, JmhResult main, JmhResult context, double limitNs,
                               String mainText, String contextText) {
        if (main == null || !main.secondary().containsKey("rowsReturned")) {
            return;
        }
        JmhResult.Metric m = main.secondary().get("rowsReturned");
        double perRow = Units.toNanos(m.score(), m.unit());
        long rowsPerQuery = Math.round(main.score() / m.score());
        b.append("| ").append(target).append(" | **").append(Units.score(m.score(), m.error(), m.unit()))
                .append("**/row ").append(mainText).append(" (").append(Units.rows((int) rowsPerQuery))
                .append(" rows per query)");
        if (context != null && context.secondary().containsKey("rowsReturned")) {
            JmhResult.Metric c = context.secondary().get("rowsReturned");
            b.append("; ").append(Units.score(c.score(), c.error(), c.unit())).append("/row ").append(contextText);
        }
        b.append(" | ").append(perRow <= limitNs ? "met" : "**missed**")
                .append(context != null ? " with `copy(false)`" : "").append(" |\n");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private static Workload workloadOf(JmhResult r) {
        for (Workload w : Workload.values()) {
            if (r.shortName().equals(w.benchmark)) {
                return w;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        int semicolon = s.indexOf(';');
        return semicolon < 0 ? s : s.substring(0, semicolon);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            if (name.equals("quick")) {
                options.put(name, "true");
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option " + a + " needs a value");
                }
                options.put(name, args[++i]);
            }
        }
        return options;
    }

    private static String relativeLink(Path out, Path chart) {
        Path dir = out.toAbsolutePath().normalize().getParent();
        return dir.relativize(chart.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
