package io.dictdb.internal.engine;

import io.dictdb.TableNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog of {@link DbState}: finding tables by name and by remembered position, with a few tables (linear
 * search) and with more than {@link DbState#SCAN_LIMIT} (name map), across replacing, adding and removing tables,
 * without ever changing a state already built.
 */
class DbStateTest {

    private static TableState table(String name) {
        return TableState.empty(TableDef.create(name, "id", null));
    }

    private static DbState withTables(int count) {
        DbState state = DbState.EMPTY;
        for (int i = 0; i < count; i++) {
            state = state.plus(table("t" + i));
        }
        return state;
    }

    @Test
    void findsEveryTableByNameAndPositionWithFewAndManyTables() {
        for (int count : new int[]{1, DbState.SCAN_LIMIT, DbState.SCAN_LIMIT + 1, 40}) {
            DbState state = withTables(count);
            for (int i = 0; i < count; i++) {
                String name = "t" + i;
                assertThat(state.hasTable(name)).isTrue();
                assertThat(state.position(name)).isEqualTo(i);
                assertThat(state.table(name).name()).isEqualTo(name);
                assertThat(state.tableAt(i, name)).isSameAs(state.table(name));
            }
            assertThat(state.hasTable("missing")).isFalse();
            assertThatThrownBy(() -> state.table("missing"))
                    .isInstanceOf(TableNotFoundException.class)
                    .hasMessage("Table 'missing' does not exist.");
            assertThat(state.tableNames()).hasSize(count);
            assertThat(state.tableStates()).extracting(TableState::name).isEqualTo(state.tableNames());
        }
    }

    @Test
    void replacingATableLeavesTheEarlierStateUnchanged() {
        DbState before = withTables(12);
        TableState replacement = table("t5");

        DbState after = before.with(replacement);

        assertThat(after.table("t5")).isSameAs(replacement);
        assertThat(before.table("t5")).isNotSameAs(replacement);
        assertThat(after.tableNames()).isEqualTo(before.tableNames());
        assertThatThrownBy(() -> before.with(table("other"))).isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void removingATableShiftsTheLaterOnesAndStalePositionsAreRejected() {
        for (int count : new int[]{3, 12}) {
            DbState before = withTables(count);

            DbState after = before.minus("t1");

            List<String> expected = new ArrayList<>(before.tableNames());
            expected.remove("t1");
            assertThat(after.tableNames()).isEqualTo(expected);
            assertThat(after.hasTable("t1")).isFalse();
            assertThat(after.tableAt(1, "t1")).isNull();
            assertThat(after.tableAt(1, "t2")).isSameAs(before.table("t2"));
            assertThat(after.tableAt(2, "t2")).isNull();
            assertThat(after.position("t" + (count - 1))).isEqualTo(count - 2);
            assertThat(before.hasTable("t1")).isTrue();
            assertThatThrownBy(() -> after.minus("t1")).isInstanceOf(TableNotFoundException.class);
        }
    }

    @Test
    void aNewSequenceNumberKeepsTheCatalog() {
        DbState state = withTables(2);

        DbState next = state.withSequence(7);

        assertThat(next.sequence()).isEqualTo(7);
        assertThat(state.sequence()).isZero();
        assertThat(next.tableNames()).isEqualTo(state.tableNames());
        assertThat(state.withSequence(0)).isSameAs(state);
    }

    @Test
    void anyRememberedPositionIsAccepted() {
        DbState state = withTables(3);

        assertThat(state.tableAt(-1, "t0")).isNull();
        assertThat(state.tableAt(3, "t0")).isNull();
        assertThat(state.tableAt(Integer.MAX_VALUE, "t0")).isNull();
    }
}
