package io.dictdb;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link Table#exportCsv}: {@code CsvExportOptions.builder().columns("id", "name")
 * .where(condition).delimiter(',').encoding(UTF_8).build()}.
 */
public final class CsvExportOptions {
    private final List<String> columns;
    private final Condition where;
    private final char delimiter;
    private final Charset encoding;

    private CsvExportOptions(Builder b) {
        this.columns = b.columns;
        this.where = b.where;
        this.delimiter = b.delimiter;
        this.encoding = b.encoding;
    }

    /**
     * The defaults: every column, every row, comma, UTF-8.
     *
     * @return the default options
     */
    public static CsvExportOptions defaults() {
        return builder().build();
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the exported columns, empty for the table's columns */
    public Optional<List<String>> columns() {
        return Optional.ofNullable(columns);
    }

    /** @return the filter of exported rows, if any */
    public Optional<Condition> where() {
        return Optional.ofNullable(where);
    }

    /** @return the field delimiter */
    public char delimiter() {
        return delimiter;
    }

    /** @return the file encoding */
    public Charset encoding() {
        return encoding;
    }

    /** Builder of {@link CsvExportOptions}. */
    public static final class Builder {
        private List<String> columns;
        private Condition where;
        private char delimiter = ',';
        private Charset encoding = StandardCharsets.UTF_8;

        private Builder() {
        }

        /**
         * @param columns the columns to write, in order
         * @return this builder
         */
        public Builder columns(String... columns) {
            return columns(Arrays.asList(columns));
        }

        /**
         * @param columns the columns to write, in order
         * @return this builder
         */
        public Builder columns(List<String> columns) {
            this.columns = List.copyOf(columns);
            return this;
        }

        /**
         * @param where the filter of exported rows
         * @return this builder
         */
        public Builder where(Condition where) {
            this.where = where;
            return this;
        }

        /**
         * @param delimiter the field delimiter
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /**
         * @param encoding the file encoding
         * @return this builder
         */
        public Builder encoding(Charset encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** @return the options */
        public CsvExportOptions build() {
            return new CsvExportOptions(this);
        }
    }
}
