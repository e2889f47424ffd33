package io.dictdb.internal.index;

import io.dictdb.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integer trie on the shapes a table's keys take: long runs of consecutive keys (dense nodes, several
 * levels), a few scattered keys (sparse nodes, including digits above 63), and the largest key.
 */
class LongTrieTest {

    @Test
    void consecutiveKeysAcrossThreeLevelsAreFoundVisitedInOrderAndRemovedWithoutChangingOlderVersions() {
        int n = 40_000; // above 128 * 128: the root sits two levels above the leaves
        Object token = BTree.newToken();
        LongTrie trie = LongTrie.empty();
        Row[] rows = new Row[n];
        for (int i = 0; i < n; i++) {
            rows[i] = Row.of(Map.of("id", (long) i));
            trie = trie.put(i, rows[i], token, false);
        }
        LongTrie full = trie;
        assertThat(full.size()).isEqualTo(n);
        assertThat(full.shift()).isEqualTo(14);
        for (int i = 0; i < n; i++) {
            assertThat(full.get(i)).isSameAs(rows[i]);
        }
        assertThat(full.get(n)).isNull();
        assertThat(full.get(1L << 40)).isNull();
        List<Long> keys = new ArrayList<>();
        full.forEach((k, v) -> keys.add(k));
        assertThat(keys).hasSize(n).isSorted();
        int[] values = {0};
        full.forEachValue(row -> row == rows[values[0]++]);
        assertThat(values[0]).isEqualTo(n);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        LongTrie shrinking = full;
        for (int i = 0; i < n; i++) {
            int key = order.get(i);
            shrinking = shrinking.remove(key, i % 1000 == 0 ? BTree.newToken() : null);
            assertThat(shrinking.get(key)).isNull();
        }
        assertThat(shrinking.size()).isZero();
        assertThat(shrinking).isSameAs(LongTrie.empty());
        for (int i = 0; i < n; i += 97) {
            assertThat(full.get(i)).isSameAs(rows[i]);
        }
    }

    @Test
    void scatteredKeysStaySparseAndKeepTheirOrderAcrossBothHalvesOfANode() {
        long[] keys = {127, 64, 0, 63, 100, 65, Long.MAX_VALUE, 1L << 35, (1L << 35) + 127};
        LongTrie trie = LongTrie.empty();
        for (long key : keys) {
            trie = trie.put(key, Row.of(Map.of("k", key)), null, false);
        }
        assertThat(trie.size()).isEqualTo(keys.length);
        for (long key : keys) {
            assertThat(trie.get(key).getLong("k")).isEqualTo(key);
        }
        assertThat(trie.get(1)).isNull();
        assertThat(trie.get(126)).isNull();
        List<Long> visited = new ArrayList<>();
        trie.forEach((k, v) -> visited.add(k));
        assertThat(visited).containsExactly(0L, 63L, 64L, 65L, 100L, 127L, 1L << 35, (1L << 35) + 127,
                Long.MAX_VALUE);
        LongTrie smaller = trie.remove(64, null).remove(127, null);
        assertThat(smaller.get(64)).isNull();
        assertThat(smaller.get(65).getLong("k")).isEqualTo(65L);
        assertThat(smaller.get(100).getLong("k")).isEqualTo(100L);
        assertThat(trie.get(64).getLong("k")).isEqualTo(64L);
    }

    @Test
    void aSparseNodeTurnsDenseAfterItsLimitAndKeepsEveryEntry() {
        LongTrie trie = LongTrie.empty();
        int count = LongTrie.SPARSE_MAX + 3;
        for (int i = 0; i < count; i++) {
            trie = trie.put(i * 6L, Row.of(Map.of("k", (long) i)), null, false);
            assertThat(trie.root() instanceof Object[]).isEqualTo(i >= LongTrie.SPARSE_MAX);
        }
        for (int i = 0; i < count; i++) {
            assertThat(trie.get(i * 6L).getLong("k")).isEqualTo(i);
            assertThat(trie.get(i * 6L + 1)).isNull();
        }
        assertThat(trie.put(6, Row.of(Map.of("k", 99L)), null, true).get(6).getLong("k")).isEqualTo(1L);
    }
}
