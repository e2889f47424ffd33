package io.dictdb.bench.peers;

import io.dictdb.Aggregate;
import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.IndexType;
import io.dictdb.Row;
import io.dictdb.Table;

import java.util.List;
import java.util.Map;

/**
 * DictDB through its public API only. Reads use {@code copy(false)}: the stored, immutable rows are returned,
 * as CQEngine and the collection floor return their stored objects (JDBC necessarily builds new objects).
 */
final class DictDbStore implements Store {

    private final DictDB db = new DictDB();
    private final Table table = db.createTable("people");

    @Override
    public String name() {
        return "dictdb";
    }

    @Override
    public void insertAll(PeerData data) {
        table.insertAll(data.maps());
    }

    @Override
    public void createAgeIndex(AgeIndex kind) {
        if (kind != AgeIndex.NONE) {
            table.createIndex("age", kind == AgeIndex.HASH ? IndexType.HASH : IndexType.SORTED);
        }
    }

    @Override
    public Object getById(Long id) {
        return table.get(id).orElse(null);
    }

    @Override
    public List<Row> selectAgeEq(long age) {
        return table.select().where(Field.of("age").eq(age)).copy(false).list();
    }

    @Override
    public List<Row> selectRangeTop10(long low, long high) {
        return table.select().where(Field.of("age").between(low, high)).orderBy("-salary").limit(PeerData.TOP)
                .copy(false).list();
    }

    @Override
    public List<Row> avgSalaryByDept() {
        return table.aggregate().groupBy("dept").agg("avg", Aggregate.avg("salary")).list();
    }

    @Override
    public void updateSalaryById(Long id, double salary) {
        table.update(Map.of("salary", salary), Field.of("id").eq(id));
    }

    @Override
    public long count() {
        return table.count();
    }

    @Override
    public void close() {
        db.close();
    }
}
