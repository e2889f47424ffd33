package io.dictdb.internal.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;

/**
 * Lays JSON out as the Python DictDB writes its files: the top-level object, the {@code tables} object, each
 * table object and each array directly inside a table (its {@code records}) are blocks, one entry per line,
 * indented by four spaces per level, with the closing bracket on its own line even when empty; everything deeper
 * (a record, a schema) is on one line with Python's {@code ", "} and {@code ": "} separators.
 *
 * <p>One instance per generator: it tracks which open containers are blocks. Separators are pre-encoded
 * ({@link SerializableString}), which the UTF-8 generator copies as bytes: this printer runs several times per
 * record.
 */
final class PythonLayoutPrinter implements PrettyPrinter {
    private static final int MAX_DEPTH = 64;
    private static final int BLOCK_OBJECT_DEPTH = 3;
    private static final int BLOCK_ARRAY_DEPTH = 4;
    private static final SerializableString OPEN_OBJECT = new SerializedString("{");
    private static final SerializableString CLOSE_OBJECT = new SerializedString("}");
    private static final SerializableString OPEN_ARRAY = new SerializedString("[");
    private static final SerializableString CLOSE_ARRAY = new SerializedString("]");
    private static final SerializableString NAME_SEPARATOR = new SerializedString(": ");
    private static final SerializableString INLINE_SEPARATOR = new SerializedString(", ");
    /** A line break and the indentation of each level. */
    private static final SerializableString[] NEW_LINE = new SerializableString[BLOCK_ARRAY_DEPTH + 1];
    /** A comma, a line break and the indentation of each level. */
    private static final SerializableString[] NEXT_LINE = new SerializableString[BLOCK_ARRAY_DEPTH + 1];

    static {
        for (int level = 0; level <= BLOCK_ARRAY_DEPTH; level++) {
            NEW_LINE[level] = new SerializedString("\n" + " ".repeat(4 * level));
            NEXT_LINE[level] = new SerializedString(",\n" + " ".repeat(4 * level));
        }
    }

    /** Whether each open container (by depth, from 1) is a block; deeper containers are always inline. */
    private final boolean[] blocks = new boolean[MAX_DEPTH];
    private int depth;

    private void open(boolean block) {
        depth++;
        if (depth < MAX_DEPTH) {
            blocks[depth] = block;
        }
    }

    private boolean isBlock() {
        return depth < MAX_DEPTH && blocks[depth];
    }


    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        // A file holds one root value.
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw(OPEN_OBJECT);
        open(depth + 1 <= BLOCK_OBJECT_DEPTH && (depth == 0 || isBlock()));
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        closeContainer(g, CLOSE_OBJECT);
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(NAME_SEPARATOR);
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw(OPEN_ARRAY);
        open(depth + 1 == BLOCK_ARRAY_DEPTH && isBlock());
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        closeContainer(g, CLOSE_ARRAY);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        separator(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (isBlock()) {
            g.writeRaw(NEW_LINE[depth]);
        }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        if (isBlock()) {
            g.writeRaw(NEW_LINE[depth]);
        }
    }

    private void separator(JsonGenerator g) throws IOException {
        g.writeRaw(isBlock() ? NEXT_LINE[depth] : INLINE_SEPARATOR);
    }

    private void closeContainer(JsonGenerator g, SerializableString bracket) throws IOException {
        if (isBlock()) {
            g.writeRaw(NEW_LINE[depth - 1]);
        }
        depth--;
        g.writeRaw(bracket);
    }
}
