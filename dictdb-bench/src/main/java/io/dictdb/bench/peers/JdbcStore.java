package io.dictdb.bench.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The part common to the JDBC peers: one connection, prepared statements prepared once and reused (what a
 * connection pool's statement cache gives an application), rows materialised as {@link Person}s, bulk load with
 * batched inserts in one transaction, every other write in auto-commit (one statement, one transaction).
 * The subclasses give the database's URL, DDL and index syntax.
 */
abstract class JdbcStore implements Store {

    static final int INSERT_BATCH = 1000;

    private static final String COLUMNS = "id, name, age, dept, salary";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM people WHERE id = ?";
    private static final String AGE_EQ = "SELECT " + COLUMNS + " FROM people WHERE age = ?";
    private static final String RANGE_TOP =
            "SELECT " + COLUMNS + " FROM people WHERE age BETWEEN ? AND ? ORDER BY salary DESC LIMIT " + PeerData.TOP;
    private static final String AVG_BY_DEPT = "SELECT dept, AVG(salary) FROM people GROUP BY dept";
    private static final String UPDATE_SALARY = "UPDATE people SET salary = ? WHERE id = ?";
    private static final String INSERT = "INSERT INTO people (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";

    protected final Connection connection;
    private final List<Store> sessions = new ArrayList<>();
    private PreparedStatement byId;
    private PreparedStatement ageEq;
    private PreparedStatement rangeTop;
    private PreparedStatement avgByDept;
    private PreparedStatement updateSalary;

    /** Wraps an open connection; {@code createTable}: this connection creates the (empty) table. */
    protected JdbcStore(Connection connection, boolean createTable) {
        this.connection = connection;
        if (createTable) {
            execute(createTableSql());
        }
    }

    /** {@code CREATE TABLE people (...)} with primary key {@code id}. */
    protected abstract String createTableSql();

    /** The statement creating the index on {@code age} for this kind ({@code NONE} is never asked). */
    protected abstract String createAgeIndexSql(AgeIndex kind);

    /** A new store on a new connection to the same database (W7). */
    protected abstract JdbcStore openSession() throws SQLException;

    /** Called by {@link #close()} after the sessions are closed, before the connection is closed. */
    protected void beforeClose() throws SQLException {
    }

    @Override
    public void insertAll(PeerData data) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (Person p : data.people()) {
                    insert.setLong(1, p.id());
                    insert.setString(2, p.name());
                    insert.setLong(3, p.age());
                    insert.setString(4, p.dept());
                    insert.setDouble(5, p.salary());
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw unchecked(e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public void createAgeIndex(AgeIndex kind) {
        if (kind != AgeIndex.NONE) {
            execute(createAgeIndexSql(kind));
        }
    }

    @Override
    public Object getById(Long id) {
        try {
            if (byId == null) {
                byId = connection.prepareStatement(BY_ID);
            }
            byId.setLong(1, id);
            try (ResultSet rs = byId.executeQuery()) {
                return rs.next() ? person(rs) : null;
            }
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public List<Person> selectAgeEq(long age) {
        try {
            if (ageEq == null) {
                ageEq = connection.prepareStatement(AGE_EQ);
            }
            ageEq.setLong(1, age);
            return people(ageEq);
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public List<Person> selectRangeTop10(long low, long high) {
        try {
            if (rangeTop == null) {
                rangeTop = connection.prepareStatement(RANGE_TOP);
            }
            rangeTop.setLong(1, low);
            rangeTop.setLong(2, high);
            return people(rangeTop);
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public List<DeptAverage> avgSalaryByDept() {
        try {
            if (avgByDept == null) {
                avgByDept = connection.prepareStatement(AVG_BY_DEPT);
            }
            List<DeptAverage> groups = new ArrayList<>();
            try (ResultSet rs = avgByDept.executeQuery()) {
                while (rs.next()) {
                    groups.add(new DeptAverage(rs.getString(1), rs.getDouble(2)));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public void updateSalaryById(Long id, double salary) {
        try {
            if (updateSalary == null) {
                updateSalary = connection.prepareStatement(UPDATE_SALARY);
            }
            updateSalary.setDouble(1, salary);
            updateSalary.setLong(2, id);
            if (updateSalary.executeUpdate() != 1) {
                throw new IllegalStateException(name() + ": no row with id " + id);
            }
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public long count() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM people")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    @Override
    public synchronized Store session() {
        try {
            Store session = openSession();
            sessions.add(session);
            return session;
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    /** Registers a session made by a subclass that overrides {@link #session()}. */
    protected synchronized void registerSession(Store session) {
        sessions.add(session);
    }

    @Override
    public void close() {
        synchronized (this) {
            for (Store s : sessions) {
                s.close();
            }
            sessions.clear();
        }
        try {
            beforeClose();
        } catch (SQLException e) {
            throw unchecked(e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing an in-memory database: nothing to lose
            }
        }
    }

    protected final void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    private static List<Person> people(PreparedStatement query) throws SQLException {
        List<Person> rows = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rows.add(person(rs));
            }
        }
        return rows;
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getDouble(5));
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw unchecked(e);
        }
    }

    static IllegalStateException unchecked(SQLException e) {
        return new IllegalStateException(e.getMessage(), e);
    }
}
