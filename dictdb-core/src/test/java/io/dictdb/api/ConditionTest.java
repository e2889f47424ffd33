package io.dictdb.api;

import io.dictdb.Condition;
import io.dictdb.DictDB;
import io.dictdb.Field;
import io.dictdb.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.dictdb.api.Records.ids;
import static io.dictdb.api.Records.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionTest {
    private static final Field V = Field.of("v");

    private static boolean test(Condition c, Object value) {
        return c.matches(rec("v", value));
    }

    private static boolean testMissing(Condition c) {
        return c.matches(rec("other", 1));
    }

    @Test
    void fieldOfRejectsNullOrEmptyNames() {
        assertThatThrownBy(() -> Field.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Field.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Field.of("age").name()).isEqualTo("age");
        assertThat(Field.of("age")).isEqualTo(Field.of("age"));
    }

    @Nested
    class Equality {
        @Test
        void eqMatchesEqualValues() {
            assertThat(test(V.eq("a"), "a")).isTrue();
            assertThat(test(V.eq("a"), "b")).isFalse();
            assertThat(test(V.eq("a"), null)).isFalse();
            assertThat(testMissing(V.eq("a"))).isFalse();
            assertThat(test(V.eq(LocalDate.of(2024, 1, 1)), LocalDate.of(2024, 1, 1))).isTrue();
            assertThat(test(V.eq(List.of(1, 2)), List.of(1L, 2L))).isTrue();
            assertThat(test(V.eq(Map.of("a", 1)), Map.of("a", 1.0))).isTrue();
        }

        @Test
        void eqNullMatchesNullAndMissing() {
            assertThat(test(V.eq(null), null)).isTrue();
            assertThat(testMissing(V.eq(null))).isTrue();
            assertThat(test(V.eq(null), "x")).isFalse();
            assertThat(test(V.eq(null), 0)).isFalse();
        }

        @Test
        void neMatchesNullAndMissingWhenTheValueIsNotNull() {
            assertThat(test(V.ne("a"), "b")).isTrue();
            assertThat(test(V.ne("a"), "a")).isFalse();
            assertThat(test(V.ne("a"), null)).isTrue();
            assertThat(testMissing(V.ne("a"))).isTrue();
        }

        @Test
        void neNullMatchesOnlyPresentValues() {
            assertThat(test(V.ne(null), "x")).isTrue();
            assertThat(test(V.ne(null), null)).isFalse();
            assertThat(testMissing(V.ne(null))).isFalse();
        }

        @Test
        void numbersAreEqualByValueAcrossTypes() {
            assertThat(test(V.eq(1), 1L)).isTrue();
            assertThat(test(V.eq(1), 1.0)).isTrue();
            assertThat(test(V.eq(1), new BigDecimal("1.00"))).isTrue();
            assertThat(test(V.eq(1L), (short) 1)).isTrue();
            assertThat(test(V.eq(1.5), new BigDecimal("1.50"))).isTrue();
            assertThat(test(V.eq(new BigDecimal("2.0")), 2)).isTrue();
            assertThat(test(V.eq(0.1f), 0.1)).isTrue();
            assertThat(test(V.eq(1), 1.5)).isFalse();
            assertThat(test(V.ne(1), 1.0)).isFalse();
        }

        @Test
        void numbersAreNotEqualToStringsOrBooleans() {
            assertThat(test(V.eq(1), "1")).isFalse();
            assertThat(test(V.eq(1), true)).isFalse();
            assertThat(test(V.eq(true), 1)).isFalse();
            assertThat(test(V.eq(0), false)).isFalse();
            assertThat(test(V.eq(true), true)).isTrue();
        }
    }

    @Nested
    class Ordering {
        @Test
        void comparisonsOnNumbersCompareByValue() {
            assertThat(test(V.gt(1), 1.5)).isTrue();
            assertThat(test(V.gt(1), new BigDecimal("2"))).isTrue();
            assertThat(test(V.gt(1), 1.0)).isFalse();
            assertThat(test(V.gte(1), 1.0)).isTrue();
            assertThat(test(V.lt(2.5), 2)).isTrue();
            assertThat(test(V.lt(2), 2)).isFalse();
            assertThat(test(V.lte(2), 2L)).isTrue();
            assertThat(test(V.lte(2), 3)).isFalse();
        }

        @Test
        void comparisonsOnStringsAndDates() {
            assertThat(test(V.lt("b"), "a")).isTrue();
            assertThat(test(V.lt("b"), "c")).isFalse();
            assertThat(test(V.gte(LocalDate.of(2024, 1, 1)), LocalDate.of(2024, 6, 1))).isTrue();
            assertThat(test(V.gte(LocalDate.of(2024, 1, 1)), LocalDate.of(2023, 6, 1))).isFalse();
        }

        @Test
        void comparisonsAreFalseForNullMissingAndOtherTypes() {
            for (Condition c : List.of(V.lt(5), V.lte(5), V.gt(5), V.gte(5), V.between(0, 10))) {
                assertThat(test(c, null)).as("%s on null", c).isFalse();
                assertThat(testMissing(c)).as("%s on missing", c).isFalse();
                assertThat(test(c, "3")).as("%s on a String", c).isFalse();
                assertThat(test(c, true)).as("%s on a Boolean", c).isFalse();
                assertThat(test(c, List.of(3))).as("%s on a List", c).isFalse();
                assertThat(test(c, LocalDate.of(2024, 1, 1))).as("%s on a date", c).isFalse();
            }
            assertThat(test(V.gt("a"), 5)).isFalse();
            assertThat(test(V.lt("a"), 5)).isFalse();
        }

        @Test
        void comparisonsWithMixedTypesDoNotThrowThroughATable() {
            try (DictDB db = new DictDB()) {
                Table t = db.createTable("mixed");
                t.insertAll(List.of(rec("v", 1), rec("v", "x"), rec("v", true), rec("v", null), rec("w", 2),
                        rec("v", 7.5), rec("v", List.of(1))));

                assertThatCode(() -> t.select(t.field("v").gt(2))).doesNotThrowAnyException();
                assertThat(ids(t.select(t.field("v").gt(2)))).containsExactly(6L);
                assertThat(ids(t.select(t.field("v").lte("y")))).containsExactly(2L);
                assertThat(ids(t.select(t.field("v").between(0, 100)))).containsExactly(1L, 6L);
            }
        }

        @Test
        void betweenIsInclusive() {
            Condition c = V.between(1, 3);

            assertThat(test(c, 1)).isTrue();
            assertThat(test(c, 3)).isTrue();
            assertThat(test(c, 2.5)).isTrue();
            assertThat(test(c, new BigDecimal("3.0"))).isTrue();
            assertThat(test(c, 0)).isFalse();
            assertThat(test(c, 3.01)).isFalse();
            assertThat(test(V.between("b", "d"), "c")).isTrue();
            assertThat(test(V.between("b", "d"), "e")).isFalse();
        }
    }

    @Nested
    class Membership {
        @Test
        void isInWithACollection() {
            Condition c = V.isIn(List.of("IT", "HR"));

            assertThat(test(c, "IT")).isTrue();
            assertThat(test(c, "HR")).isTrue();
            assertThat(test(c, "Sales")).isFalse();
            assertThat(testMissing(c)).isFalse();
        }

        @Test
        void isInWithVarargs() {
            Condition c = V.isIn("IT", "HR");

            assertThat(test(c, "HR")).isTrue();
            assertThat(test(c, "it")).isFalse();
        }

        @Test
        void isInComparesNumbersByValue() {
            assertThat(test(V.isIn(1, 2), 1.0)).isTrue();
            assertThat(test(V.isIn(1, 2), new BigDecimal("2.00"))).isTrue();
            assertThat(test(V.isIn(1, 2), 3)).isFalse();
            assertThat(test(V.isIn(1, 2), true)).isFalse();
        }

        @Test
        void largeIsInComparesNumbersByValue() {
            Condition c = V.isIn(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

            assertThat(test(c, 3.0)).isTrue();
            assertThat(test(c, new BigDecimal("7.000"))).isTrue();
            assertThat(test(c, 10L)).isTrue();
            assertThat(test(c, 11)).isFalse();
            assertThat(test(c, "3")).isFalse();
        }

        @Test
        void isInWithNullMatchesNullAndMissing() {
            Condition c = V.isIn(java.util.Arrays.asList("a", null));

            assertThat(test(c, null)).isTrue();
            assertThat(testMissing(c)).isTrue();
            assertThat(test(c, "a")).isTrue();
            assertThat(test(c, "b")).isFalse();
        }

        @Test
        void emptyIsInMatchesNothing() {
            assertThat(test(V.isIn(List.of()), "a")).isFalse();
            assertThat(testMissing(V.isIn(List.of()))).isFalse();
        }
    }

    @Nested
    class Like {
        @Test
        void percentMatchesAnySequence() {
            assertThat(test(V.like("A%"), "Alice")).isTrue();
            assertThat(test(V.like("A%"), "A")).isTrue();
            assertThat(test(V.like("A%"), "alice")).isFalse();
            assertThat(test(V.like("A%"), "bAlice")).isFalse();
            assertThat(test(V.like("%ice"), "Alice")).isTrue();
            assertThat(test(V.like("%ice"), "Alicia")).isFalse();
            assertThat(test(V.like("%lic%"), "Alice")).isTrue();
            assertThat(test(V.like("A%e"), "Alice")).isTrue();
            assertThat(test(V.like("A%e"), "Alicia")).isFalse();
            assertThat(test(V.like("%"), "")).isTrue();
        }

        @Test
        void underscoreMatchesExactlyOneCharacter() {
            assertThat(test(V.like("A_ice"), "Alice")).isTrue();
            assertThat(test(V.like("A_ice"), "Aice")).isFalse();
            assertThat(test(V.like("A_ice"), "Alliice")).isFalse();
            assertThat(test(V.like("___"), "abc")).isTrue();
            assertThat(test(V.like("___"), "ab")).isFalse();
        }

        @Test
        void wildcardsMatchNewlines() {
            assertThat(test(V.like("a%c"), "a\nb\nc")).isTrue();
            assertThat(test(V.like("a%"), "a\nb")).isTrue();
            assertThat(test(V.like("%b"), "a\nb")).isTrue();
            assertThat(test(V.like("a_c"), "a\nc")).isTrue();
        }

        @Test
        void patternIsAnchoredAtBothEnds() {
            assertThat(test(V.like("abc"), "abc")).isTrue();
            assertThat(test(V.like("abc"), "abc\n")).isFalse();
            assertThat(test(V.like("abc"), "xabc")).isFalse();
            assertThat(test(V.like("abc"), "abcd")).isFalse();
            assertThat(test(V.like("b"), "abc")).isFalse();
            assertThat(test(V.like("a%c"), "abc\n")).isFalse();
        }

        @Test
        void everythingElseIsLiteral() {
            assertThat(test(V.like("a.c"), "abc")).isFalse();
            assertThat(test(V.like("a.c"), "a.c")).isTrue();
            assertThat(test(V.like("(x)*%"), "(x)*yz")).isTrue();
            assertThat(test(V.like("[ab]%"), "a")).isFalse();
            assertThat(test(V.like("a\\b"), "a\\b")).isTrue();
            assertThat(test(V.like("$^%"), "$^!")).isTrue();
        }

        @Test
        void escapeCharacterMakesTheNextCharacterLiteral() {
            assertThat(test(V.like("50\\%", '\\'), "50%")).isTrue();
            assertThat(test(V.like("50\\%", '\\'), "500")).isFalse();
            assertThat(test(V.like("a\\_c", '\\'), "a_c")).isTrue();
            assertThat(test(V.like("a\\_c", '\\'), "abc")).isFalse();
            assertThat(test(V.like("100!%%", '!'), "100% sure")).isTrue();
            assertThat(test(V.like("100!%%", '!'), "1000")).isFalse();
            assertThat(test(V.like("a\\bc%", '\\'), "abcd")).isTrue();
            assertThat(test(V.like("a\\\\%", '\\'), "a\\z")).isTrue();
        }

        @Test
        void ilikeIgnoresCase() {
            assertThat(test(V.ilike("a%"), "Alice")).isTrue();
            assertThat(test(V.ilike("%ICE"), "alice")).isTrue();
            assertThat(test(V.ilike("a_ICE"), "ALice")).isTrue();
            assertThat(test(V.ilike("bob"), "Alice")).isFalse();
            assertThat(test(V.ilike("50\\%", '\\'), "50%")).isTrue();
        }

        @Test
        void likeIsFalseForNonStrings() {
            assertThat(test(V.like("5"), 5)).isFalse();
            assertThat(test(V.like("%"), 5)).isFalse();
            assertThat(test(V.like("%"), null)).isFalse();
            assertThat(testMissing(V.like("%"))).isFalse();
            assertThat(test(V.ilike("%"), List.of("a"))).isFalse();
        }
    }

    @Nested
    class Text {
        @Test
        void startsWithAndEndsWithAreLiteral() {
            assertThat(test(V.startsWith("Al"), "Alice")).isTrue();
            assertThat(test(V.startsWith("al"), "Alice")).isFalse();
            assertThat(test(V.startsWith("a%"), "abc")).isFalse();
            assertThat(test(V.startsWith("a%"), "a%c")).isTrue();
            assertThat(test(V.endsWith("ce"), "Alice")).isTrue();
            assertThat(test(V.endsWith("_e"), "Alice")).isFalse();
            assertThat(test(V.startsWith("1"), 12)).isFalse();
            assertThat(testMissing(V.endsWith(""))).isFalse();
        }

        @Test
        void containsMatchesSubstringsListElementsAndMapKeys() {
            assertThat(test(V.contains("lic"), "Alice")).isTrue();
            assertThat(test(V.contains("LIC"), "Alice")).isFalse();
            assertThat(test(V.contains("b"), List.of("a", "b"))).isTrue();
            assertThat(test(V.contains("c"), List.of("a", "b"))).isFalse();
            assertThat(test(V.contains(2), List.of(1, 2L))).isTrue();
            assertThat(test(V.contains(2), List.of(1, 2.0))).isTrue();
            assertThat(test(V.contains("k"), Map.of("k", 1))).isTrue();
            assertThat(test(V.contains(1), Map.of("k", 1))).isFalse();
            assertThat(test(V.contains("x"), Map.of("k", "x"))).isFalse();
        }

        @Test
        void containsIsFalseForOtherTypes() {
            assertThat(test(V.contains("1"), 12)).isFalse();
            assertThat(test(V.contains(1), 1)).isFalse();
            assertThat(test(V.contains("a"), null)).isFalse();
            assertThat(testMissing(V.contains("a"))).isFalse();
        }

        @Test
        void caseInsensitiveTests() {
            assertThat(test(V.iequals("ALICE"), "alice")).isTrue();
            assertThat(test(V.iequals("ALICE"), "alicea")).isFalse();
            assertThat(test(V.icontains("LIC"), "Alice")).isTrue();
            assertThat(test(V.icontains("xyz"), "Alice")).isFalse();
            assertThat(test(V.istartsWith("AL"), "alice")).isTrue();
            assertThat(test(V.istartsWith("LI"), "alice")).isFalse();
            assertThat(test(V.iendsWith("CE"), "alice")).isTrue();
            assertThat(test(V.iendsWith("AL"), "alice")).isFalse();
            assertThat(test(V.iequals("1"), 1)).isFalse();
            assertThat(testMissing(V.icontains(""))).isFalse();
        }

        @Test
        void caseInsensitiveTestsUseTheRootLocale() {
            Locale saved = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                assertThat(test(Field.of("v").iequals("TITLE"), "title")).isTrue();
                assertThat(test(Field.of("v").icontains("I"), "abi")).isTrue();
                assertThat(test(Field.of("v").ilike("TI%"), "title")).isTrue();
            } finally {
                Locale.setDefault(saved);
            }
        }
    }

    @Nested
    class Nulls {
        @Test
        void isNullMatchesNullAndMissing() {
            assertThat(test(V.isNull(), null)).isTrue();
            assertThat(testMissing(V.isNull())).isTrue();
            assertThat(test(V.isNull(), "")).isFalse();
            assertThat(test(V.isNull(), 0)).isFalse();
        }

        @Test
        void isNotNullMatchesPresentValues() {
            assertThat(test(V.isNotNull(), "")).isTrue();
            assertThat(test(V.isNotNull(), false)).isTrue();
            assertThat(test(V.isNotNull(), null)).isFalse();
            assertThat(testMissing(V.isNotNull())).isFalse();
        }
    }

    @Nested
    class Combinators {
        private final Condition isA = V.eq("a");
        private final Condition isB = V.eq("b");
        private final Condition startsA = V.startsWith("a");

        @Test
        void andRequiresEveryPart() {
            assertThat(test(Condition.and(startsA, isA), "a")).isTrue();
            assertThat(test(Condition.and(startsA, isB), "b")).isFalse();
            assertThat(test(Condition.and(startsA, V.endsWith("c"), V.like("a_c")), "abc")).isTrue();
            assertThat(test(Condition.and(startsA, V.endsWith("c"), V.like("a_c")), "abbc")).isFalse();
            assertThat(test(startsA.and(V.endsWith("z")), "az")).isTrue();
            assertThat(test(startsA.and(V.endsWith("z")), "ay")).isFalse();
        }

        @Test
        void orRequiresOnePart() {
            assertThat(test(Condition.or(isA, isB), "a")).isTrue();
            assertThat(test(Condition.or(isA, isB), "b")).isTrue();
            assertThat(test(Condition.or(isA, isB), "c")).isFalse();
            assertThat(test(Condition.or(isA, isB, V.eq("c")), "c")).isTrue();
            assertThat(test(isA.or(isB), "b")).isTrue();
            assertThat(test(isA.or(isB), "z")).isFalse();
        }

        @Test
        void notNegates() {
            assertThat(test(Condition.not(isA), "a")).isFalse();
            assertThat(test(Condition.not(isA), "b")).isTrue();
            assertThat(testMissing(Condition.not(isA))).isTrue();
            assertThat(test(isA.negate(), "a")).isFalse();
            assertThat(test(isA.negate().negate(), "a")).isTrue();
        }

        @Test
        void combinatorsNest() {
            Condition c = Condition.or(Condition.and(startsA, Condition.not(isA)), isB);

            assertThat(test(c, "ab")).isTrue();
            assertThat(test(c, "a")).isFalse();
            assertThat(test(c, "b")).isTrue();
            assertThat(test(c, "c")).isFalse();
        }

        @Test
        void predicateConditionsRunJavaCode() {
            Condition c = Condition.of(row -> row.getString("v") != null && row.getString("v").length() == 3);

            assertThat(test(c, "abc")).isTrue();
            assertThat(test(c, "ab")).isFalse();
            assertThat(test(c.and(startsA), "abc")).isTrue();
            assertThat(test(c.and(startsA), "xbc")).isFalse();
        }

        @Test
        void allMatchesEveryRow() {
            assertThat(Condition.all().matches(Map.of())).isTrue();
            assertThat(test(Condition.all(), null)).isTrue();
            assertThat(test(Condition.not(Condition.all()), "x")).isFalse();
        }

        @Test
        void lambdasAreConditions() {
            Condition c = row -> row.containsKey("v");

            assertThat(test(c, null)).isTrue();
            assertThat(testMissing(c)).isFalse();
        }
    }

    @Nested
    class ThroughATable {
        private DictDB db;
        private Table staff;

        @BeforeEach
        void open() {
            db = new DictDB();
            staff = db.createTable("staff");
            staff.insertAll(List.of(
                    rec("name", "Alice", "dept", "IT", "age", 30, "email", "alice@x.io"),
                    rec("name", "Bob", "dept", "HR", "age", 40),
                    rec("name", "Carol", "dept", "IT", "age", 25.5, "email", null),
                    rec("name", "Dan", "dept", "Sales", "age", "unknown", "email", "dan@x.io")));
        }

        @AfterEach
        void close() {
            db.close();
        }

        @Test
        void missingAndNullFields() {
            assertThat(ids(staff.select(staff.field("email").isNull()))).containsExactly(2L, 3L);
            assertThat(ids(staff.select(staff.field("email").isNotNull()))).containsExactly(1L, 4L);
            assertThat(ids(staff.select(staff.field("email").eq(null)))).containsExactly(2L, 3L);
            assertThat(ids(staff.select(staff.field("email").ne("alice@x.io")))).containsExactly(2L, 3L, 4L);
        }

        @Test
        void rangesSkipOtherTypes() {
            assertThat(ids(staff.select(staff.field("age").gte(30)))).containsExactly(1L, 2L);
            assertThat(ids(staff.select(staff.field("age").lt(30)))).containsExactly(3L);
            assertThat(ids(staff.select(staff.field("age").gt("a")))).containsExactly(4L);
        }

        @Test
        void combinedConditions() {
            Condition itOrOld = Condition.or(staff.field("dept").eq("IT"), staff.field("age").gt(35));

            assertThat(ids(staff.select(itOrOld))).containsExactly(1L, 2L, 3L);
            assertThat(ids(staff.select(Condition.not(itOrOld)))).containsExactly(4L);
            assertThat(ids(staff.select(Condition.of(r -> r.getString("name").contains("a")))))
                    .containsExactly(3L, 4L);
            assertThat(ids(staff.select(Condition.all()))).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void predicateReceivesImmutableRows() {
            assertThatThrownBy(() -> staff.select(Condition.of(r -> r.put("x", 1) == null)))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(staff.get(1L).orElseThrow()).doesNotContainKey("x");
        }
    }
}
