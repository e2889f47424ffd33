package io.dictdb.bench.peers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HSQLDB 2.7, in-memory ({@code jdbc:hsqldb:mem:<name>}, default settings: LOCKS transaction control) with a
 * {@code MEMORY} table. HSQLDB has one index structure (an AVL tree), so both the HASH and the SORTED index are
 * {@code CREATE INDEX}. The database is shut down when the store closes.
 */
final class HsqldbStore extends JdbcStore {

    private static final AtomicLong DATABASES = new AtomicLong();

    static {
        // HSQLDB otherwise installs its own java.util.logging configuration.
        System.setProperty("hsqldb.reconfig_logging", "false");
    }

    private final String url;
    private final boolean owner;

    private HsqldbStore(String url, Connection connection, boolean owner) {
        super(connection, owner);
        this.url = url;
        this.owner = owner;
    }

    static HsqldbStore open() {
        String url = "jdbc:hsqldb:mem:bench" + DATABASES.incrementAndGet();
        try {
            return new HsqldbStore(url, DriverManager.getConnection(url, "SA", ""), true);
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public String name() {
        return "hsqldb";
    }

    @Override
    protected String createTableSql() {
        return "CREATE MEMORY TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, age INT NOT NULL, "
                + "dept VARCHAR(16) NOT NULL, salary DOUBLE PRECISION NOT NULL)";
    }

    @Override
    protected String createAgeIndexSql(AgeIndex kind) {
        return "CREATE INDEX people_age ON people (age)";
    }

    @Override
    protected JdbcStore openSession() throws SQLException {
        return new HsqldbStore(url, DriverManager.getConnection(url, "SA", ""), false);
    }

    @Override
    protected void beforeClose() {
        if (owner) {
            execute("SHUTDOWN");
        }
    }
}
