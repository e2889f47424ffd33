package io.dictdb.api;

import io.dictdb.DictDB;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowTest {

    public record Person(String name, Long age, LocalDate born, List<String> tags) {
    }

    public record Product(String name, int qty, double price, BigDecimal exact, boolean active) {
    }

    public static class Customer {
        private String name;
        private long visits;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public long getVisits() {
            return visits;
        }

        public void setVisits(long visits) {
            this.visits = visits;
        }
    }

    private static Row sample() {
        return Row.of(rec(
                "name", "Ann",
                "age", 41,
                "score", 2.5,
                "price", new BigDecimal("9.99"),
                "active", true,
                "born", LocalDate.of(1983, 5, 1),
                "big", 5_000_000_000L,
                "tags", List.of("a", "b"),
                "meta", Map.of("k", 1),
                "nothing", null));
    }

    @Test
    void typedGettersReturnBoxedValues() {
        Row row = sample();

        assertThat(row.getString("name")).isEqualTo("Ann");
        assertThat(row.getLong("age")).isEqualTo(41L);
        assertThat(row.getInt("age")).isEqualTo(41);
        assertThat(row.getDouble("score")).isEqualTo(2.5);
        assertThat(row.getBoolean("active")).isTrue();
        assertThat(row.getDecimal("price")).isEqualTo(new BigDecimal("9.99"));
        assertThat(row.getDate("born")).isEqualTo(LocalDate.of(1983, 5, 1));
        assertThat(row.getList("tags")).containsExactly("a", "b");
        assertThat(row.getMap("meta")).containsEntry("k", 1L);
    }

    @Test
    void numericGettersConvertBetweenNumbers() {
        Row row = sample();

        assertThat(row.getDouble("age")).isEqualTo(41.0);
        assertThat(row.getDouble("price")).isEqualTo(9.99);
        assertThat(row.getDecimal("age")).isEqualByComparingTo("41");
        assertThat(row.getDecimal("score")).isEqualByComparingTo("2.5");
        assertThat(row.getLong("big")).isEqualTo(5_000_000_000L);
    }

    @Test
    void gettersReturnNullForNullOrMissingFields() {
        Row row = sample();

        for (String field : new String[]{"nothing", "absent"}) {
            assertThat(row.getString(field)).isNull();
            assertThat(row.getLong(field)).isNull();
            assertThat(row.getInt(field)).isNull();
            assertThat(row.getDouble(field)).isNull();
            assertThat(row.getBoolean(field)).isNull();
            assertThat(row.getDecimal(field)).isNull();
            assertThat(row.getDate(field)).isNull();
            assertThat(row.get(field, String.class)).isNull();
            assertThat(row.get(field, UUID.class)).isNull();
        }
    }

    @Test
    void wrongTypeThrowsClassCastExceptionNamingTheField() {
        Row row = sample();

        assertThatThrownBy(() -> row.getString("age"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("age");
        assertThatThrownBy(() -> row.getLong("name"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> row.getLong("score"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("score");
        assertThatThrownBy(() -> row.getInt("score"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("score");
        assertThatThrownBy(() -> row.getDouble("active"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("active");
        assertThatThrownBy(() -> row.getBoolean("age"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("age");
        assertThatThrownBy(() -> row.getDecimal("name"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> row.getDate("name"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> row.get("born", String.class))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("born");
    }

    @Test
    void getIntRejectsValuesOutsideTheIntRange() {
        assertThatThrownBy(() -> sample().getInt("big"))
                .isInstanceOf(ClassCastException.class).hasMessageContaining("big");
    }

    @Test
    void getWithAClass() {
        Row row = sample();

        assertThat(row.get("name", String.class)).isEqualTo("Ann");
        assertThat(row.get("age", Long.class)).isEqualTo(41L);
        assertThat(row.get("age", Integer.class)).isEqualTo(41);
        assertThat(row.get("age", Double.class)).isEqualTo(41.0);
        assertThat(row.get("score", BigDecimal.class)).isEqualByComparingTo("2.5");
        assertThat(row.get("born", LocalDate.class)).isEqualTo(LocalDate.of(1983, 5, 1));
        assertThat(row.get("active", Boolean.class)).isTrue();
        assertThat((Object) row.get("tags", List.class)).isEqualTo(List.of("a", "b"));
        assertThat(row.get("name", Object.class)).isEqualTo("Ann");
    }

    @Test
    void asMapsToARecord() {
        Row row = sample();

        Person person = row.as(Person.class);

        assertThat(person).isEqualTo(new Person("Ann", 41L, LocalDate.of(1983, 5, 1), List.of("a", "b")));
    }

    @Test
    void asConvertsNumbersForPrimitiveComponents() {
        Row row = Row.of(rec("name", "Pen", "qty", 3, "price", 2, "exact", new BigDecimal("1.10"),
                "active", true, "unknown", "ignored"));

        Product product = row.as(Product.class);

        assertThat(product.name()).isEqualTo("Pen");
        assertThat(product.qty()).isEqualTo(3);
        assertThat(product.price()).isEqualTo(2.0);
        assertThat(product.exact()).isEqualByComparingTo("1.10");
        assertThat(product.active()).isTrue();
    }

    @Test
    void asMapsToABean() {
        Customer customer = Row.of(rec("name", "Cy", "visits", 12, "extra", true)).as(Customer.class);

        assertThat(customer.getName()).isEqualTo("Cy");
        assertThat(customer.getVisits()).isEqualTo(12L);
    }

    @Test
    void asRejectsRowsThatDoNotFit() {
        assertThatThrownBy(() -> Row.of(rec("name", "Pen", "qty", "many")).as(Product.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asMapsAStoredRow() {
        try (DictDB db = new DictDB()) {
            Table people = db.createTable("people");
            Object key = people.insert(rec("name", "Bob", "age", 30, "born", LocalDate.of(1994, 2, 3)));

            Person bob = people.get(key).orElseThrow().as(Person.class);

            assertThat(bob).isEqualTo(new Person("Bob", 30L, LocalDate.of(1994, 2, 3), null));
        }
    }

    @Test
    void rowOfIsImmutableAndNormalised() {
        Row row = Row.of(rec("n", 1, "f", 1.5f));

        assertThat(row.isMutable()).isFalse();
        assertThat(row.get("n")).isEqualTo(1L);
        assertThat(row.get("f")).isEqualTo(1.5);
        assertThatThrownBy(() -> row.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Row.empty()).isEmpty();
    }

    @Test
    void rowIsAMapInFieldOrder() {
        Row row = Row.of(rec("b", 1, "a", 2, "c", 3));

        assertThat(new ArrayList<>(row.keySet())).containsExactly("b", "a", "c");
        assertThat(row).hasSize(3).containsKey("a").doesNotContainKey("z");
        assertThat(row).isEqualTo(Map.of("a", 2L, "b", 1L, "c", 3L));
        assertThat(row.hashCode()).isEqualTo(Map.of("a", 2L, "b", 1L, "c", 3L).hashCode());
    }

    @Test
    void mutableCopyIsDeepAndIndependent() {
        Row original = sample();
        Row copy = original.mutableCopy();

        copy.put("name", "Zoe");
        copy.getList("tags").add("c");
        copy.getMap("meta").put("k2", 2L);
        copy.remove("age");

        assertThat(copy.isMutable()).isTrue();
        assertThat(original.getString("name")).isEqualTo("Ann");
        assertThat(original.getList("tags")).containsExactly("a", "b");
        assertThat(original.getMap("meta")).containsOnlyKeys("k");
        assertThat(original.getLong("age")).isEqualTo(41L);
    }
}
