package io.dictdb.bench.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor ({@code chm}): plain Java collections and the least code that answers each query, no query engine.
 * Rows are {@link Person}s in a {@link ConcurrentHashMap} by id; the index on {@code age} is a
 * {@code HashMap<age, List<Person>>} (HASH) or a {@code TreeMap<age, List<Person>>} (SORTED), built once from the
 * rows. It applies where a collection operation answers the workload: W1, W2, W3 with an index, W4 (a
 * {@code TreeMap.subMap} plus a 10-element heap), W6, W7. A filter without an index (W3 without index) and a
 * grouping (W5) are query-engine work: {@link UnsupportedOperationException}, shown as n/a.
 *
 * <p>The age maps are not maintained by updates, so updates are refused while one exists (no workload mixes them).
 */
final class CollectionStore implements Store {

    private final ConcurrentHashMap<Long, Person> byId = new ConcurrentHashMap<>();
    private Map<Long, List<Person>> byAge;

    @Override
    public String name() {
        return "chm";
    }

    @Override
    public void insertAll(PeerData data) {
        for (Person p : data.people()) {
            byId.put(p.id(), p);
        }
    }

    @Override
    public void createAgeIndex(AgeIndex kind) {
        if (kind == AgeIndex.NONE) {
            byAge = null;
            return;
        }
        Map<Long, List<Person>> index = kind == AgeIndex.HASH ? new HashMap<>() : new TreeMap<>();
        for (Person p : byId.values()) {
            index.computeIfAbsent(p.age(), a -> new ArrayList<>()).add(p);
        }
        byAge = index;
    }

    @Override
    public Object getById(Long id) {
        return byId.get(id);
    }

    @Override
    public List<Person> selectAgeEq(long age) {
        if (byAge == null) {
            throw new UnsupportedOperationException("chm: a filter without an index is a scan (query-engine work)");
        }
        List<Person> rows = byAge.get(age);
        return rows == null ? new ArrayList<>() : new ArrayList<>(rows);
    }

    @Override
    public List<Person> selectRangeTop10(long low, long high) {
        if (!(byAge instanceof NavigableMap)) {
            throw new UnsupportedOperationException("chm: a range needs the TreeMap (SORTED) index");
        }
        NavigableMap<Long, List<Person>> tree = (NavigableMap<Long, List<Person>>) byAge;
        Comparator<Person> bySalary = Comparator.comparingDouble(Person::salary);
        PriorityQueue<Person> heap = new PriorityQueue<>(PeerData.TOP + 1, bySalary);
        for (List<Person> rows : tree.subMap(low, true, high, true).values()) {
            for (Person p : rows) {
                if (heap.size() < PeerData.TOP) {
                    heap.add(p);
                } else if (p.salary() > heap.peek().salary()) {
                    heap.poll();
                    heap.add(p);
                }
            }
        }
        List<Person> top = new ArrayList<>(heap);
        top.sort(bySalary.reversed());
        return top;
    }

    @Override
    public List<?> avgSalaryByDept() {
        throw new UnsupportedOperationException("chm: a map has no grouping (query-engine work)");
    }

    @Override
    public void updateSalaryById(Long id, double salary) {
        if (byAge != null) {
            throw new IllegalStateException("chm: the age map is not maintained by updates");
        }
        byId.computeIfPresent(id, (k, p) -> p.withSalary(salary));
    }

    @Override
    public long count() {
        return byId.size();
    }

    @Override
    public void close() {
        byId.clear();
        byAge = null;
    }
}
