package io.dictdb.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The systems compared, in report order, and facts about the machine. */
final class SystemInfo {

    /** Parameter values of the systems, in report order (DictDB first). */
    static final List<String> SYSTEMS = List.of("dictdb", "h2", "hsqldb", "sqlite", "cqengine", "chm");

    /** The peers (everything but DictDB), in report order. */
    static final List<String> PEERS = SYSTEMS.subList(1, SYSTEMS.size());

    private SystemInfo() {
    }

    /** Display name of a system, with the version found on the class path. */
    static String displayName(String system) {
        switch (system) {
            case "dictdb":
                return "DictDB";
            case "h2":
                return "H2 " + jdbcVersion("jdbc:h2:mem:", "sa");
            case "hsqldb":
                return "HSQLDB " + jdbcVersion("jdbc:hsqldb:mem:version;shutdown=true", "SA");
            case "sqlite":
                return "SQLite " + jdbcVersion("jdbc:sqlite::memory:", null) + " (sqlite-jdbc "
                        + version("org.xerial", "sqlite-jdbc") + ")";
            case "cqengine":
                return "CQEngine " + version("com.googlecode.cqengine", "cqengine");
            case "chm":
                return "Java collections (floor)";
            default:
                return system;
        }
    }

    /** Short name for the chart legend. */
    static String shortName(String system) {
        switch (system) {
            case "dictdb":
                return "DictDB";
            case "h2":
                return "H2";
            case "hsqldb":
                return "HSQLDB";
            case "sqlite":
                return "SQLite";
            case "cqengine":
                return "CQEngine";
            case "chm":
                return "ConcurrentHashMap/TreeMap floor";
            default:
                return system;
        }
    }

    /** The database's own version, from its JDBC metadata (first word), or "?" when it cannot be opened. */
    static String jdbcVersion(String url, String user) {
        try (java.sql.Connection c = user == null ? java.sql.DriverManager.getConnection(url)
                : java.sql.DriverManager.getConnection(url, user, "")) {
            return c.getMetaData().getDatabaseProductVersion().split(" ")[0];
        } catch (java.sql.SQLException e) {
            return "?";
        }
    }

    /** The Maven version of a dependency shaded into the running jar, or "?" when not found. */
    static String version(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = SystemInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU model, logical CPUs and memory, from /proc where available. */
    static String machine() {
        String cpu = "unknown CPU";
        long cpus = Runtime.getRuntime().availableProcessors();
        String memory = "";
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cpus = lines.stream().filter(l -> l.startsWith("processor")).count();
            cpu = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: keep what the JVM says
        }
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> String.format(", %.0f GiB RAM",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .orElse("");
        } catch (IOException | RuntimeException ignored) {
            // unknown memory
        }
        return cpu + ", " + cpus + " logical CPU" + (cpus == 1 ? "" : "s") + memory + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }
}
