package io.dictdb.internal.storage;

import io.dictdb.DictDBException;
import io.dictdb.Row;
import io.dictdb.Schema;
import io.dictdb.internal.io.FileIo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Writes rows to a CSV file for {@code Table.exportCsv}, with Apache Commons CSV: RFC 4180 (fields quoted only
 * when they hold the delimiter, a quote or a line break; quotes doubled; records ended by CRLF), a header line,
 * then one line per row with the cells of {@link CsvValues#format}. The file is replaced atomically, like a
 * database file.
 *
 * <p>Columns: those asked for; else the schema's fields followed by any other field met in the rows; else every
 * field met in the rows, in first-seen order (as the Python DictDB). With no row to write, only the header is
 * written when columns were asked for, and no file is created otherwise (as the Python DictDB).
 */
public final class CsvExport {
    private CsvExport() {
    }

    /**
     * Writes the rows.
     *
     * @param io        the file layer
     * @param file      the target file
     * @param rows      the rows, in the order to write them
     * @param columns   the columns to write, or null for the default
     * @param schema    the table's schema, or null
     * @param delimiter the field delimiter
     * @param encoding  the file encoding
     * @return the number of rows written
     * @throws UncheckedIOException when the file cannot be written (a previous file is then unchanged)
     * @throws DictDBException      when a value cannot be represented in the encoding
     */
    public static int write(FileIo io, Path file, List<Row> rows, List<String> columns, Schema schema,
                            char delimiter, Charset encoding) {
        if (rows.isEmpty() && columns == null) {
            return 0;
        }
        List<String> header = columns != null ? columns : defaultColumns(rows, schema);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).build();
        AtomicFileWriter.replace(io, file, out -> {
            Writer writer = new OutputStreamWriter(out, encoding.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
            try {
                CSVPrinter printer = new CSVPrinter(writer, format);
                printer.printRecord(header);
                List<String> cells = new ArrayList<>(header.size());
                for (Row row : rows) {
                    cells.clear();
                    for (String column : header) {
                        cells.add(CsvValues.format(row.get(column)));
                    }
                    printer.printRecord(cells);
                }
                printer.flush();
            } catch (CharacterCodingException e) {
                throw new DictDBException("The rows hold text that cannot be written in " + encoding.name()
                        + "; export with another encoding.", e);
            }
        });
        return rows.size();
    }

    private static List<String> defaultColumns(List<Row> rows, Schema schema) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (schema != null) {
            names.addAll(schema.fieldNames());
        }
        for (Row row : rows) {
            names.addAll(row.keySet());
        }
        return new ArrayList<>(names);
    }
}
