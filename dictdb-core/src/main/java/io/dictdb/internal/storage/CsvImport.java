package io.dictdb.internal.storage;

import io.dictdb.CorruptFileException;
import io.dictdb.CsvOptions;
import io.dictdb.FieldType;
import io.dictdb.Schema;
import io.dictdb.SchemaField;
import io.dictdb.internal.io.FileIo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CSV file into records for {@code DictDB.importCsv}, with Apache Commons CSV (RFC 4180 quoting: quoted
 * fields may hold the delimiter, doubled quotes and line breaks).
 *
 * <p>Rules, those of the Python DictDB unless noted: the first row holds the column names (not trimmed; a
 * leading byte-order mark is removed, which the Python DictDB keeps in the first name), or without a header the
 * columns are {@code col_0 … col_<n-1>} after the first row's width; a shorter row is padded with empty cells, a
 * longer one cut; a column named twice keeps its last cell. Blank lines are skipped (the Python DictDB turns them
 * into records of empty cells). With a schema, the schema's columns are converted to their types and the other
 * columns stay strings; without one and with inference, each column gets the inferred type
 * ({@link CsvValues#infer}); otherwise every cell stays a string. A record whose primary-key cell is empty (null
 * once converted) gets no key field, so it receives an automatic key.
 */
public final class CsvImport {
    private CsvImport() {
    }

    /**
     * Reads and converts a CSV file.
     *
     * @param io      the file layer
     * @param file    the CSV file
     * @param options the import options
     * @return the records in file order
     * @throws CorruptFileException when the file is not valid text in the encoding or not valid CSV
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<Map<String, Object>> read(FileIo io, Path file, CsvOptions options) {
        String text = decode(io, file, options);
        List<List<String>> rows = parse(file, text, options.delimiter());
        if (rows.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> columns;
        int first;
        if (options.hasHeader()) {
            columns = rows.get(0);
            first = 1;
        } else {
            columns = new ArrayList<>();
            for (int i = 0; i < rows.get(0).size(); i++) {
                columns.add("col_" + i);
            }
            first = 0;
        }
        List<List<String>> data = rows.subList(first, rows.size());
        FieldType[] types = columnTypes(columns, data, options);
        List<Map<String, Object>> records = new ArrayList<>(data.size());
        for (List<String> row : data) {
            Map<String, Object> record = new LinkedHashMap<>(Math.max(8, columns.size() * 2));
            for (int c = 0; c < columns.size(); c++) {
                String cell = c < row.size() ? row.get(c) : "";
                record.put(columns.get(c), types[c] == null ? cell : CsvValues.convert(cell, types[c]));
            }
            if (record.containsKey(options.primaryKey()) && record.get(options.primaryKey()) == null) {
                record.remove(options.primaryKey());
            }
            records.add(record);
        }
        return records;
    }

    /** The type each column is converted to, null to keep its cells as strings. */
    private static FieldType[] columnTypes(List<String> columns, List<List<String>> data, CsvOptions options) {
        FieldType[] types = new FieldType[columns.size()];
        Optional<Schema> schema = options.schema();
        for (int c = 0; c < types.length; c++) {
            if (schema.isPresent()) {
                SchemaField field = schema.get().fieldOrNull(columns.get(c));
                types[c] = field == null ? null : field.type();
            } else if (options.inferTypes()) {
                types[c] = CsvValues.infer(column(data, c));
            }
        }
        // When a name is repeated, the last column wins (as in a dict); give every copy that column's type.
        Map<String, FieldType> byName = new LinkedHashMap<>();
        for (int c = 0; c < types.length; c++) {
            byName.put(columns.get(c), types[c]);
        }
        for (int c = 0; c < types.length; c++) {
            types[c] = byName.get(columns.get(c));
        }
        return types;
    }

    private static List<String> column(List<List<String>> data, int c) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                List<String> row = data.get(index);
                return c < row.size() ? row.get(c) : "";
            }

            @Override
            public int size() {
                return data.size();
            }
        };
    }

    private static String decode(FileIo io, Path file, CsvOptions options) {
        byte[] bytes;
        try (InputStream in = io.openRead(file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + file + "': " + e.getMessage(), e);
        }
        String text;
        try {
            text = options.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CorruptFileException(file, "not valid " + options.encoding().name() + " text", e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<List<String>> parse(Path file, String text, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .build();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            throw new CorruptFileException(file, "not valid CSV: " + cause.getMessage(), e);
        }
        return rows;
    }
}
