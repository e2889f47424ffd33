package io.dictdb.bench.peers;

import com.googlecode.cqengine.ConcurrentIndexedCollection;
import com.googlecode.cqengine.IndexedCollection;
import com.googlecode.cqengine.TransactionalIndexedCollection;
import com.googlecode.cqengine.attribute.SimpleAttribute;
import com.googlecode.cqengine.index.hash.HashIndex;
import com.googlecode.cqengine.index.navigable.NavigableIndex;
import com.googlecode.cqengine.index.unique.UniqueIndex;
import com.googlecode.cqengine.query.option.QueryOptions;
import com.googlecode.cqengine.resultset.ResultSet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static com.googlecode.cqengine.query.QueryFactory.between;
import static com.googlecode.cqengine.query.QueryFactory.descending;
import static com.googlecode.cqengine.query.QueryFactory.equal;
import static com.googlecode.cqengine.query.QueryFactory.orderBy;
import static com.googlecode.cqengine.query.QueryFactory.queryOptions;

/**
 * CQEngine 3.6 (unmaintained; a peer only here): an on-heap {@link ConcurrentIndexedCollection} of
 * {@link Person}s with a {@link UniqueIndex} on the id (CQEngine's primary-key index), plus a {@link HashIndex} or
 * {@link NavigableIndex} on the age when asked. Attributes are explicit classes (no reflection on lambdas).
 * Updates replace the object: {@code update(old, new)} after a lookup.
 *
 * <p>With concurrent readers and writers (W7) that is not enough: a {@code ConcurrentIndexedCollection} removes
 * the old version before adding the new one, so a reader can find no row at all in between. There the collection
 * is a {@link TransactionalIndexedCollection} (MVCC, read-committed: readers see one version or the other), whose
 * id index must be a {@link HashIndex} (it holds both versions for a moment, which a {@code UniqueIndex} refuses),
 * and the lookup-then-update runs under one lock so that two writers of the same row cannot both replace the same
 * old version. CQEngine has no aggregation: W5 is n/a.
 */
final class CqEngineStore implements Store {

    /** The primary key. */
    static final class IdAttribute extends SimpleAttribute<Person, Long> {
        IdAttribute() {
            super(Person.class, Long.class, "id");
        }

        @Override
        public Long getValue(Person person, QueryOptions queryOptions) {
            return person.id();
        }
    }

    /** The indexed field of W3 and W4. */
    static final class AgeAttribute extends SimpleAttribute<Person, Long> {
        AgeAttribute() {
            super(Person.class, Long.class, "age");
        }

        @Override
        public Long getValue(Person person, QueryOptions queryOptions) {
            return person.age();
        }
    }

    /** The ordering field of W4. */
    static final class SalaryAttribute extends SimpleAttribute<Person, Double> {
        SalaryAttribute() {
            super(Person.class, Double.class, "salary");
        }

        @Override
        public Double getValue(Person person, QueryOptions queryOptions) {
            return person.salary();
        }
    }

    static final IdAttribute ID = new IdAttribute();
    static final AgeAttribute AGE = new AgeAttribute();
    static final SalaryAttribute SALARY = new SalaryAttribute();

    private final IndexedCollection<Person> people;
    private final boolean concurrentWriters;
    private final Object writeLock = new Object();
    private final QueryOptions bySalaryDescending = queryOptions(orderBy(descending(SALARY)));

    CqEngineStore(boolean concurrentWriters) {
        this.concurrentWriters = concurrentWriters;
        if (concurrentWriters) {
            people = new TransactionalIndexedCollection<>(Person.class);
            people.addIndex(HashIndex.onAttribute(ID));
        } else {
            people = new ConcurrentIndexedCollection<>();
            people.addIndex(UniqueIndex.onAttribute(ID));
        }
    }

    @Override
    public String name() {
        return "cqengine";
    }

    @Override
    public void insertAll(PeerData data) {
        people.addAll(data.people());
    }

    @Override
    public void createAgeIndex(AgeIndex kind) {
        if (kind != AgeIndex.NONE) {
            people.addIndex(kind == AgeIndex.HASH ? HashIndex.onAttribute(AGE) : NavigableIndex.onAttribute(AGE));
        }
    }

    @Override
    public Object getById(Long id) {
        try (ResultSet<Person> rs = people.retrieve(equal(ID, id))) {
            Iterator<Person> it = rs.iterator();
            return it.hasNext() ? it.next() : null;
        }
    }

    @Override
    public List<Person> selectAgeEq(long age) {
        try (ResultSet<Person> rs = people.retrieve(equal(AGE, age))) {
            List<Person> list = new ArrayList<>();
            for (Person p : rs) {
                list.add(p);
            }
            return list;
        }
    }

    @Override
    public List<Person> selectRangeTop10(long low, long high) {
        try (ResultSet<Person> rs = people.retrieve(between(AGE, low, high), bySalaryDescending)) {
            List<Person> list = new ArrayList<>(PeerData.TOP);
            Iterator<Person> it = rs.iterator();
            while (list.size() < PeerData.TOP && it.hasNext()) {
                list.add(it.next());
            }
            return list;
        }
    }

    @Override
    public List<?> avgSalaryByDept() {
        throw new UnsupportedOperationException("cqengine: no aggregation");
    }

    @Override
    public void updateSalaryById(Long id, double salary) {
        if (concurrentWriters) {
            synchronized (writeLock) {
                replace(id, salary);
            }
        } else {
            replace(id, salary);
        }
    }

    private void replace(Long id, double salary) {
        Person old = (Person) getById(id);
        if (old == null) {
            throw new IllegalStateException("cqengine: no row with id " + id);
        }
        Person updated = old.withSalary(salary);
        if (!updated.equals(old)) { // CQEngine refuses to replace an object by an equal one
            people.update(Set.of(old), Set.of(updated));
        }
    }

    @Override
    public long count() {
        return people.size();
    }

    @Override
    public void close() {
        people.clear();
    }
}
