package io.dictdb.backup;

import io.dictdb.DictDB;
import io.dictdb.Row;
import io.dictdb.internal.engine.DbState;
import io.dictdb.internal.engine.EngineAccess;
import io.dictdb.internal.engine.TableState;
import io.dictdb.internal.index.SecondaryIndex;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything observable of a database state, as plain values that compare with {@code equals}. */
final class StateDump {
    private StateDump() {
    }

    static Map<String, Object> of(DictDB db) {
        return of(EngineAccess.of(db).committedState());
    }

    static Map<String, Object> of(DbState state) {
        Map<String, Object> tables = new LinkedHashMap<>();
        for (TableState table : state.tableStates()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("primaryKey", table.def().primaryKey());
            t.put("schema", table.def().schema().map(Object::toString).orElse(null));
            List<String> indexes = new ArrayList<>();
            for (SecondaryIndex index : table.indexes()) {
                indexes.add(index.field() + ":" + index.type());
            }
            t.put("indexes", indexes);
            t.put("nextKey", table.nextKey());
            List<List<Map.Entry<String, Object>>> rows = new ArrayList<>();
            table.rows().forEachValue(row -> {
                rows.add(plain(row));
                return true;
            });
            t.put("rows", rows);
            tables.put(table.name(), t);
        }
        return tables;
    }

    /** The row's fields in their order, with values compared by {@code equals} (so 1L differs from 1.0). */
    private static List<Map.Entry<String, Object>> plain(Row row) {
        List<Map.Entry<String, Object>> fields = new ArrayList<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            fields.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
        return fields;
    }
}
