package io.dictdb.internal.backup;

import io.dictdb.IndexType;
import io.dictdb.internal.engine.Change;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.value.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed changes no backup holds yet, reduced to what a delta needs: the table-level events (tables and
 * indexes created or dropped) in commit order, and for each table the keys of the rows that changed with the
 * sequence number of their last change. The rows themselves are not kept: a delta of state S writes each changed
 * key's row as it is in S (or a delete when S has no such row), which is the net effect of every change to that key.
 *
 * <p>Invariants: keys are compared by DictDB's equality by value ({@code 1L} and {@code 1.0} are one key); a
 * table drop forgets the row changes of that table (replaying the drop removes every row); sequence numbers only
 * grow. Not thread-safe: {@link ChangeCollector} guards it.
 */
public final class PendingChanges {
    /**
     * A table-level change.
     *
     * @param sequence the commit that made it
     * @param kind     {@code TABLE_CREATED}, {@code TABLE_DROPPED}, {@code INDEX_CREATED} or {@code INDEX_DROPPED}
     * @param table    the table
     * @param def      the table's definition ({@code TABLE_CREATED})
     * @param field    the indexed field (index events)
     * @param type     the index type ({@code INDEX_CREATED})
     */
    public record TableEvent(long sequence, Change.Kind kind, String table, TableDef def, String field,
                             IndexType type) {
    }

    private final List<TableEvent> events = new ArrayList<>();
    private final Map<String, TreeMap<Object, Long>> rows = new LinkedHashMap<>();
    private long lastSequence = -1;

    /**
     * Adds one commit's changes.
     *
     * @param sequence the commit's sequence number
     * @param changes  its changes
     */
    void add(long sequence, List<Change> changes) {
        for (Change c : changes) {
            switch (c.kind()) {
                case ROW_INSERTED:
                case ROW_UPDATED:
                case ROW_DELETED:
                    rows.computeIfAbsent(c.table(), t -> new TreeMap<>(Values::compare)).put(c.key(), sequence);
                    break;
                case TABLE_CREATED:
                    events.add(new TableEvent(sequence, c.kind(), c.table(), (TableDef) c.detail(), null, null));
                    break;
                case TABLE_DROPPED:
                    rows.remove(c.table());
                    events.add(new TableEvent(sequence, c.kind(), c.table(), null, null, null));
                    break;
                case INDEX_CREATED:
                    events.add(new TableEvent(sequence, c.kind(), c.table(), null, (String) c.key(),
                            (IndexType) c.detail()));
                    break;
                case INDEX_DROPPED:
                    events.add(new TableEvent(sequence, c.kind(), c.table(), null, (String) c.key(), null));
                    break;
                default:
                    throw new IllegalStateException("Unknown change " + c.kind());
            }
        }
        lastSequence = Math.max(lastSequence, sequence);
    }

    /**
     * Puts older changes (of a backup that failed) back in front of these, so the next backup covers both.
     *
     * @param older the changes taken before these
     */
    void prepend(PendingChanges older) {
        List<TableEvent> newerEvents = new ArrayList<>(events);
        events.clear();
        events.addAll(older.events);
        events.addAll(newerEvents);
        // A key changed in both keeps the newer sequence number; older keys of a table dropped since are harmless
        // (a delta skips tables its state lacks, and writes any other key's current row).
        Map<String, TreeMap<Object, Long>> newerRows = new LinkedHashMap<>(rows);
        rows.clear();
        for (Map.Entry<String, TreeMap<Object, Long>> e : older.rows.entrySet()) {
            rows.put(e.getKey(), new TreeMap<>(e.getValue()));
        }
        for (Map.Entry<String, TreeMap<Object, Long>> e : newerRows.entrySet()) {
            rows.computeIfAbsent(e.getKey(), t -> new TreeMap<>(Values::compare)).putAll(e.getValue());
        }
        lastSequence = Math.max(lastSequence, older.lastSequence);
    }

    /** @return the table-level events, oldest first */
    public List<TableEvent> events() {
        return events;
    }

    /** @return per table (in first-change order), the changed keys in key order with their last sequence number */
    public Map<String, TreeMap<Object, Long>> rows() {
        return rows;
    }

    /** @return the sequence number of the newest change, or -1 when there is none */
    public long lastSequence() {
        return lastSequence;
    }

    /** @return whether nothing changed */
    public boolean isEmpty() {
        return events.isEmpty() && rows.isEmpty();
    }

    /** @return the number of table events plus the number of changed keys */
    public int size() {
        int n = events.size();
        for (TreeMap<Object, Long> keys : rows.values()) {
            n += keys.size();
        }
        return n;
    }
}
