package io.dictdb.api;

import io.dictdb.DictDB;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetTest {
    private DictDB db;
    private Table users;

    @BeforeEach
    void open() {
        db = new DictDB();
        users = db.createTable("users");
        users.insert(rec("name", "Alice", "tags", List.of("a", "b"), "meta", Map.of("k", 1)));
        users.insert(rec("name", "Bob"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void returnsTheRowOfAKey() {
        Row row = users.get(2L).orElseThrow();

        assertThat(row).isEqualTo(rec("name", "Bob", "id", 2L));
    }

    @Test
    void returnsEmptyWhenTheKeyIsAbsent() {
        assertThat(users.get(3L)).isEmpty();
        assertThat(users.get("2")).isEmpty();
        assertThat(users.get(2.5)).isEmpty();
    }

    @Test
    void returnedRowIsImmutable() {
        Row row = users.get(1L).orElseThrow();

        assertThat(row.isMutable()).isFalse();
        assertThatThrownBy(() -> row.put("name", "Mallory")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.remove("name")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(row::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.putAll(Map.of("x", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.getList("tags").add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.getMap("meta").put("k", 2L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(users.get(1L).orElseThrow()).containsEntry("name", "Alice");
    }

    @Test
    void returnsTheStoredRowWithoutCopying() {
        assertThat(users.get(1L).orElseThrow()).isSameAs(users.get(1L).orElseThrow());
    }

    @Test
    void aRowReadBeforeAnUpdateKeepsItsValues() {
        Row before = users.get(1L).orElseThrow();

        users.update(rec("name", "Alicia"), users.field("id").eq(1));

        assertThat(before.getString("name")).isEqualTo("Alice");
        assertThat(users.get(1L).orElseThrow().getString("name")).isEqualTo("Alicia");
    }

    @Test
    void mutableCopyOfAStoredRowIsIndependent() {
        Row copy = users.get(1L).orElseThrow().mutableCopy();

        copy.put("name", "Changed");
        copy.getList("tags").add("c");

        assertThat(copy.isMutable()).isTrue();
        Row stored = users.get(1L).orElseThrow();
        assertThat(stored.getString("name")).isEqualTo("Alice");
        assertThat(stored.getList("tags")).containsExactly("a", "b");
    }

    @Test
    void deletedKeyIsAbsent() {
        users.delete(users.field("id").eq(1));

        assertThat(users.get(1L)).isEmpty();
        assertThat(users.get(2L)).isPresent();
    }
}
