package io.dictdb.bench.peers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLite through xerial's sqlite-jdbc, in-memory ({@code jdbc:sqlite::memory:}, default pragmas), with
 * {@code id INTEGER PRIMARY KEY} (the rowid, SQLite's clustered key). SQLite has B-tree indexes only, so both
 * the HASH and the SORTED index are {@code CREATE INDEX}. An in-memory database belongs to its connection, so
 * W7's two threads share that connection, one statement at a time ({@link #session()}).
 */
final class SqliteStore extends JdbcStore {

    private SqliteStore(Connection connection) {
        super(connection, true);
    }

    static SqliteStore open() {
        try {
            return new SqliteStore(DriverManager.getConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    protected String createTableSql() {
        return "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER NOT NULL, "
                + "dept TEXT NOT NULL, salary REAL NOT NULL)";
    }

    @Override
    protected String createAgeIndexSql(AgeIndex kind) {
        return "CREATE INDEX people_age ON people (age)";
    }

    @Override
    protected JdbcStore openSession() {
        throw new UnsupportedOperationException("sqlite: sessions share the connection");
    }

    /** A handle that runs each operation of W7 alone on the shared connection. */
    @Override
    public Store session() {
        Store session = new Serialized(this);
        registerSession(session);
        return session;
    }

    /** Serialises the key operations on the owner's connection; the owner closes the connection. */
    private static final class Serialized implements Store {
        private final SqliteStore owner;

        Serialized(SqliteStore owner) {
            this.owner = owner;
        }

        @Override
        public String name() {
            return owner.name();
        }

        @Override
        public Object getById(Long id) {
            synchronized (owner) {
                return owner.getById(id);
            }
        }

        @Override
        public void updateSalaryById(Long id, double salary) {
            synchronized (owner) {
                owner.updateSalaryById(id, salary);
            }
        }

        @Override
        public long count() {
            synchronized (owner) {
                return owner.count();
            }
        }

        @Override
        public void insertAll(PeerData data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createAgeIndex(AgeIndex kind) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<?> selectAgeEq(long age) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<?> selectRangeTop10(long low, long high) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<?> avgSalaryByDept() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            // the owner's connection is closed by the owner
        }
    }
}
