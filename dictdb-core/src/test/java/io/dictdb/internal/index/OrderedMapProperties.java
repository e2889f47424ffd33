package io.dictdb.internal.index;

import io.dictdb.Row;
import io.dictdb.internal.value.Values;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistent structures against {@link TreeMap} ordered by {@link Values#compare}: random puts and removes,
 * some in place under one edit token, some copying, with every published version checked to stay unchanged.
 */
class OrderedMapProperties {

    /** One step: put (value != null) or remove (value == null) of a key, in a fresh edit or the current one. */
    record Step(Object key, String value, boolean newToken) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Object> keys = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3000).map(Object.class::cast),
                Arbitraries.longs().between(-50, 50).map(Object.class::cast),
                Arbitraries.longs().between(0, 1L << 40).map(Object.class::cast),
                Arbitraries.of(Long.MAX_VALUE, 0L, 31L, 32L, 63L, 64L, 127L, 128L, 1023L, 1024L, 16383L, 16384L).map(Object.class::cast),
                Arbitraries.doubles().between(-5, 5).ofScale(1).map(Object.class::cast),
                Arbitraries.integers().between(0, 20).map(i -> (Object) BigDecimal.valueOf(i).setScale(2)),
                Arbitraries.strings().alpha().ofMaxLength(3).map(Object.class::cast));
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(keys,
                Arbitraries.strings().numeric().ofLength(2).injectNull(0.3),
                Arbitraries.of(true, false, false, false)).as(Step::new);
        return step.list().ofMaxSize(600);
    }

    @Property(tries = 200)
    void keyMapBehavesLikeASortedMap(@ForAll("histories") List<Step> steps) {
        KeyMap map = KeyMap.empty();
        TreeMap<Object, String> model = new TreeMap<>(Values::compare);
        List<KeyMap> published = new ArrayList<>();
        List<TreeMap<Object, String>> publishedModels = new ArrayList<>();
        Object token = BTree.newToken();
        for (Step step : steps) {
            if (step.newToken()) {
                published.add(map);
                publishedModels.add(new TreeMap<>(model));
                token = BTree.newToken();
            }
            if (step.value() == null) {
                map = map.remove(step.key(), token);
                model.remove(step.key());
            } else {
                map = map.put(step.key(), row(step.value()), token);
                model.put(step.key(), step.value());
            }
            assertThat(map.size()).isEqualTo(model.size());
            assertThat(text(map.get(step.key()))).isEqualTo(model.get(step.key()));
        }
        assertSame(map, model);
        for (int i = 0; i < published.size(); i++) {
            assertSame(published.get(i), publishedModels.get(i));
        }
    }

    @Property(tries = 200)
    void bTreeBehavesLikeASortedMap(@ForAll("histories") List<Step> steps) {
        BTree tree = BTree.empty();
        TreeMap<Object, String> model = new TreeMap<>(Values::compare);
        List<BTree> published = new ArrayList<>();
        List<TreeMap<Object, String>> publishedModels = new ArrayList<>();
        Object token = BTree.newToken();
        for (Step step : steps) {
            if (step.newToken()) {
                published.add(tree);
                publishedModels.add(new TreeMap<>(model));
                token = BTree.newToken();
            }
            if (step.value() == null) {
                tree = tree.remove(step.key(), token);
                model.remove(step.key());
            } else {
                tree = tree.put(step.key(), step.value(), token);
                model.put(step.key(), step.value());
            }
            assertThat(tree.size()).isEqualTo(model.size());
        }
        assertSame(tree, model);
        for (int i = 0; i < published.size(); i++) {
            assertSame(published.get(i), publishedModels.get(i));
        }
        if (!model.isEmpty()) {
            assertThat(Values.compare(tree.firstKey(), model.firstKey())).isZero();
            assertThat(Values.compare(tree.lastKey(), model.lastKey())).isZero();
            Object pivot = model.keySet().toArray()[model.size() / 2];
            List<String> from = new ArrayList<>();
            tree.forEachFrom(pivot, false, (k, v) -> from.add((String) v));
            assertThat(from).containsExactlyElementsOf(model.tailMap(pivot, false).values());
            List<String> down = new ArrayList<>();
            tree.forEachDescendingFrom(pivot, true, (k, v) -> down.add((String) v));
            assertThat(down).containsExactlyElementsOf(model.headMap(pivot, true).descendingMap().values());
            List<String> cursor = new ArrayList<>();
            BTree.Cursor c = tree.cursor();
            while (c.next()) {
                cursor.add((String) c.value());
            }
            assertThat(cursor).containsExactlyElementsOf(model.values());
        }
    }

    private static Row row(String text) {
        return Row.of(Map.of("v", text));
    }

    private static String text(Row row) {
        return row == null ? null : row.getString("v");
    }

    private static void assertSame(KeyMap map, TreeMap<Object, String> model) {
        List<Object[]> entries = new ArrayList<>();
        map.forEach((k, v) -> entries.add(new Object[]{k, text((Row) v)}));
        assertThat(entries).hasSize(model.size());
        int i = 0;
        for (Map.Entry<Object, String> e : model.entrySet()) {
            assertThat(Values.compare(entries.get(i)[0], e.getKey())).isZero();
            assertThat(entries.get(i)[1]).isEqualTo(e.getValue());
            assertThat(text(map.get(e.getKey()))).isEqualTo(e.getValue());
            i++;
        }
    }

    private static void assertSame(BTree tree, TreeMap<Object, String> model) {
        List<Object> values = new ArrayList<>();
        tree.forEach((k, v) -> values.add(v));
        assertThat(values).containsExactlyElementsOf(model.values());
        List<Object> descending = new ArrayList<>();
        tree.forEachDescending((k, v) -> descending.add(v));
        assertThat(descending).containsExactlyElementsOf(model.descendingMap().values());
        for (Map.Entry<Object, String> e : model.entrySet()) {
            assertThat(tree.get(e.getKey())).isEqualTo(e.getValue());
        }
    }
}
