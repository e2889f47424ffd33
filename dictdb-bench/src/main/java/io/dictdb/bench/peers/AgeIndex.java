package io.dictdb.bench.peers;

/**
 * The secondary index on {@code age} a workload asks for, and what each system builds for it:
 * <table>
 *   <caption>equivalent indexes</caption>
 *   <tr><th>kind</th><th>DictDB</th><th>H2</th><th>HSQLDB</th><th>SQLite</th><th>CQEngine</th><th>floor</th></tr>
 *   <tr><td>{@link #HASH}</td><td>{@code IndexType.HASH}</td><td>{@code CREATE HASH INDEX}</td>
 *       <td>{@code CREATE INDEX} (HSQLDB has one index kind)</td><td>{@code CREATE INDEX} (B-tree only)</td>
 *       <td>{@code HashIndex}</td><td>{@code HashMap<age, rows>}</td></tr>
 *   <tr><td>{@link #SORTED}</td><td>{@code IndexType.SORTED}</td><td>{@code CREATE INDEX}</td>
 *       <td>{@code CREATE INDEX}</td><td>{@code CREATE INDEX}</td><td>{@code NavigableIndex}</td>
 *       <td>{@code TreeMap<age, rows>}</td></tr>
 * </table>
 */
public enum AgeIndex {
    NONE, HASH, SORTED
}
