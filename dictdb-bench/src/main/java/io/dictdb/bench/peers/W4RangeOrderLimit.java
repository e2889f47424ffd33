package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * W4, {@code age between 30 and 32} (about 3N/41 rows) ordered by salary descending, first 10 rows, with a sorted
 * index on {@code age}. DictDB: {@code select().where(Field.of("age").between(30, 32)).orderBy("-salary")
 * .limit(10).copy(false).list()}; JDBC: {@code ... WHERE age BETWEEN ? AND ? ORDER BY salary DESC LIMIT 10};
 * CQEngine: {@code retrieve(between(AGE, 30, 32), orderBy(descending(SALARY)))}, first 10; floor:
 * {@code TreeMap.subMap(30, 32)} through a 10-element heap.
 */
public class W4RangeOrderLimit extends AverageTimeWorkload {

    /** Every store, loaded with a sorted index on {@code age}. */
    @State(Scope.Benchmark)
    public static class Loaded extends EveryStoreState {
        @Override
        AgeIndex ageIndex() {
            return AgeIndex.SORTED;
        }

        @Override
        void prepare() {
            data.checkRangeTop10(target);
            report("W4 range + order + limit", store, rows, "rows in range="
                    + data.data().countAgeBetween(PeerData.AGE_LOW, PeerData.AGE_HIGH) + ", returned=" + PeerData.TOP);
        }
    }

    /** The 10 best paid rows with {@code age between 30 and 32}, best paid first. */
    @Benchmark
    public List<?> rangeTop10(Loaded s) {
        return s.target.selectRangeTop10(PeerData.AGE_LOW, PeerData.AGE_HIGH);
    }
}
