package io.dictdb.storage;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.Row;
import io.dictdb.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.dictdb.storage.StorageFixtures.list;
import static io.dictdb.storage.StorageFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows built by the file reader (which tells the engine whether a row holds lists or maps, instead of letting it
 * look) give the same copies as inserted rows: default results are deep mutable copies, whose nested lists and
 * maps can be changed without reaching the stored row.
 */
class LoadedRowCopiesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    @SuppressWarnings("unchecked")
    void nestedValuesOfLoadedRowsAreCopiedDeeply(FileFormat format) {
        DictDB db = new DictDB();
        Table t = db.createTable("t");
        t.insert(rec("tags", list("a", "b"), "meta", rec("k", list(1L))));
        t.insert(rec("flat", "no nesting", "n", 2L));
        Path file = dir.resolve("db." + format.name().toLowerCase());
        db.save(file, format);

        Table loaded = DictDB.load(file, format).getTable("t");
        List<Row> copies = loaded.all();
        Row first = copies.get(0);
        ((List<Object>) first.get("tags")).add("c");
        ((List<Object>) ((Map<String, Object>) first.get("meta")).get("k")).add(2L);
        first.put("extra", true);
        Row flat = copies.get(1);
        flat.put("n", 3L);

        assertThat(loaded.get(1L).orElseThrow()).isEqualTo(rec("id", 1L, "tags", list("a", "b"),
                "meta", rec("k", list(1L))));
        assertThat(loaded.get(2L).orElseThrow().get("n")).isEqualTo(2L);
        assertThat(loaded.all()).isEqualTo(t.all());
    }
}
