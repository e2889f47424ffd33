package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dictdb.Row;
import io.dictdb.internal.backup.PendingChanges;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.TableDef;
import io.dictdb.internal.engine.TableState;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes one delta: the net effect of a run of commits, as the Python layout ({@code tables} → {@code upserts} /
 * {@code deletes}) plus our chain, events, sequence numbers and key counters.
 *
 * <p>Each changed key is written as it is in the delta's end state S: an upsert of its row there, or a delete when
 * S has no such row. Replaying the table-level events in order, then these rows, then the key counters, turns the
 * state the delta starts from into S exactly, whatever happened in between (a row inserted then deleted, a table
 * dropped and re-created...). Tables S lacks are skipped (their drop is among the events).
 */
final class DeltaWriter {
    private final JsonGenerator g;
    private final DbState end;
    private final PendingChanges changes;

    private DeltaWriter(JsonGenerator g, DbState end, PendingChanges changes) {
        this.g = g;
        this.end = end;
        this.changes = changes;
    }

    /**
     * Writes a delta's body (the top-level object is left open for the checksum trailer).
     *
     * @param g        the generator
     * @param end      the state the delta ends at
     * @param changes  the changes since the state it starts from
     * @param chain    its place in the backup chain
     * @param epochSeconds the time of the backup
     * @return the number of row changes written
     * @throws IOException when writing fails
     */
    static int write(JsonGenerator g, DbState end, PendingChanges changes, DeltaFiles.Chain chain,
                     double epochSeconds) throws IOException {
        return new DeltaWriter(g, end, changes).writeDelta(chain, epochSeconds);
    }

    private int writeDelta(DeltaFiles.Chain chain, double epochSeconds) throws IOException {
        g.writeStartObject();
        g.writeStringField(DeltaLayout.TYPE, DeltaLayout.DELTA_TYPE);
        g.writeFieldName(DeltaLayout.TIMESTAMP);
        g.writeNumber(epochSeconds);
        List<TableRows> tables = collectRows();
        int written = 0;
        g.writeObjectFieldStart(DeltaLayout.TABLES);
        for (TableRows t : tables) {
            written += t.write(g);
        }
        g.writeEndObject();
        g.writeNumberField(DeltaLayout.FORMAT_VERSION, DeltaLayout.VERSION);
        writeChain(chain);
        writeEvents();
        g.writeObjectFieldStart(DeltaLayout.SEQUENCES);
        for (TableRows t : tables) {
            t.writeSequences(g);
        }
        g.writeEndObject();
        writeNextKeys(tables);
        return written;
    }

    private void writeChain(DeltaFiles.Chain chain) throws IOException {
        g.writeObjectFieldStart(DeltaLayout.CHAIN);
        g.writeStringField(DeltaLayout.BASE, chain.base());
        g.writeStringField(DeltaLayout.PREVIOUS, chain.previous());
        g.writeNumberField(DeltaLayout.FROM_SEQUENCE, chain.fromSequence());
        g.writeNumberField(DeltaLayout.TO_SEQUENCE, chain.toSequence());
        g.writeEndObject();
    }

    private void writeEvents() throws IOException {
        g.writeArrayFieldStart(DeltaLayout.EVENTS);
        for (PendingChanges.TableEvent e : changes.events()) {
            g.writeStartObject();
            g.writeNumberField(DeltaLayout.SEQUENCE, e.sequence());
            switch (e.kind()) {
                case TABLE_CREATED:
                    g.writeStringField(DeltaLayout.OP, DeltaLayout.CREATE_TABLE);
                    g.writeStringField(DeltaLayout.TABLE, e.table());
                    g.writeFieldName(DeltaLayout.DEFINITION);
                    SnapshotWriter.writeTableObject(g, TableState.empty(e.def()));
                    break;
                case TABLE_DROPPED:
                    g.writeStringField(DeltaLayout.OP, DeltaLayout.DROP_TABLE);
                    g.writeStringField(DeltaLayout.TABLE, e.table());
                    break;
                case INDEX_CREATED:
                    g.writeStringField(DeltaLayout.OP, DeltaLayout.CREATE_INDEX);
                    g.writeStringField(DeltaLayout.TABLE, e.table());
                    g.writeStringField(DeltaLayout.FIELD, e.field());
                    g.writeStringField(DeltaLayout.INDEX_TYPE, e.type().name().toLowerCase(Locale.ROOT));
                    break;
                case INDEX_DROPPED:
                    g.writeStringField(DeltaLayout.OP, DeltaLayout.DROP_INDEX);
                    g.writeStringField(DeltaLayout.TABLE, e.table());
                    g.writeStringField(DeltaLayout.FIELD, e.field());
                    break;
                default:
                    throw new IllegalStateException("Not a table event: " + e.kind());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Key counters of every table of the end state that the delta touches (rows or events). */
    private void writeNextKeys(List<TableRows> tables) throws IOException {
        Set<String> touched = new LinkedHashSet<>();
        for (PendingChanges.TableEvent e : changes.events()) {
            touched.add(e.table());
        }
        for (TableRows t : tables) {
            touched.add(t.table.name());
        }
        g.writeObjectFieldStart(DeltaLayout.NEXT_KEYS);
        for (String name : touched) {
            if (end.hasTable(name)) {
                g.writeNumberField(name, end.table(name).nextKey());
            }
        }
        g.writeEndObject();
    }

    private List<TableRows> collectRows() {
        List<TableRows> tables = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Object, Long>> e : changes.rows().entrySet()) {
            if (end.hasTable(e.getKey())) {
                tables.add(new TableRows(end.table(e.getKey()), e.getValue()));
            }
        }
        return tables;
    }

    /** The changed keys of one table, split into upserts and deletes by looking them up in the end state. */
    private static final class TableRows {
        final TableState table;
        final List<Row> upserts = new ArrayList<>();
        final List<Long> upsertSequences = new ArrayList<>();
        final List<Object> deletes = new ArrayList<>();
        final List<Long> deleteSequences = new ArrayList<>();

        TableRows(TableState table, TreeMap<Object, Long> keys) {
            this.table = table;
            for (Map.Entry<Object, Long> k : keys.entrySet()) {
                Row row = table.get(k.getKey());
                if (row != null) {
                    upserts.add(row);
                    upsertSequences.add(k.getValue());
                } else {
                    deletes.add(k.getKey());
                    deleteSequences.add(k.getValue());
                }
            }
        }

        int write(JsonGenerator g) throws IOException {
            TableDef def = table.def();
            RowWriter rows = new RowWriter(g, def.schema().orElse(null));
            g.writeObjectFieldStart(table.name());
            g.writeArrayFieldStart(DeltaLayout.UPSERTS);
            for (Row row : upserts) {
                rows.write(row);
            }
            g.writeEndArray();
            g.writeArrayFieldStart(DeltaLayout.DELETES);
            for (Object key : deletes) {
                rows.writeValue(def.primaryKey(), key);
            }
            g.writeEndArray();
            g.writeEndObject();
            return upserts.size() + deletes.size();
        }

        void writeSequences(JsonGenerator g) throws IOException {
            g.writeObjectFieldStart(table.name());
            writeLongs(g, DeltaLayout.UPSERTS, upsertSequences);
            writeLongs(g, DeltaLayout.DELETES, deleteSequences);
            g.writeEndObject();
        }

        private static void writeLongs(JsonGenerator g, String name, List<Long> values) throws IOException {
            g.writeArrayFieldStart(name);
            for (long v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
    }
}
