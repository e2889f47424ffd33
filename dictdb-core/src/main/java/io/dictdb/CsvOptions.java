package io.dictdb;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link DictDB#importCsv}: {@code CsvOptions.builder().primaryKey("id").delimiter(';')
 * .hasHeader(true).encoding(UTF_8).schema(schema).inferTypes(true).skipValidation(false).build()}.
 */
public final class CsvOptions {
    private final String primaryKey;
    private final char delimiter;
    private final boolean hasHeader;
    private final Charset encoding;
    private final Schema schema;
    private final boolean inferTypes;
    private final boolean skipValidation;

    private CsvOptions(Builder b) {
        this.primaryKey = b.primaryKey;
        this.delimiter = b.delimiter;
        this.hasHeader = b.hasHeader;
        this.encoding = b.encoding;
        this.schema = b.schema;
        this.inferTypes = b.inferTypes;
        this.skipValidation = b.skipValidation;
    }

    /**
     * The defaults: key {@code id}, comma, header, UTF-8, no schema, type inference, validation.
     *
     * @return the default options
     */
    public static CsvOptions defaults() {
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

    /** @return the primary-key field of the created table */
    public String primaryKey() {
        return primaryKey;
    }

    /** @return the field delimiter */
    public char delimiter() {
        return delimiter;
    }

    /** @return whether the first line holds the column names */
    public boolean hasHeader() {
        return hasHeader;
    }

    /** @return the file encoding */
    public Charset encoding() {
        return encoding;
    }

    /** @return the schema that drives conversion and validation, if any */
    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
    }

    /** @return whether column types are inferred when there is no schema */
    public boolean inferTypes() {
        return inferTypes;
    }

    /** @return whether schema validation is skipped */
    public boolean skipValidation() {
        return skipValidation;
    }

    /** Builder of {@link CsvOptions}. */
    public static final class Builder {
        private String primaryKey = "id";
        private char delimiter = ',';
        private boolean hasHeader = true;
        private Charset encoding = StandardCharsets.UTF_8;
        private Schema schema;
        private boolean inferTypes = true;
        private boolean skipValidation;

        private Builder() {
        }

        /**
         * @param primaryKey the key field of the created table
         * @return this builder
         */
        public Builder primaryKey(String primaryKey) {
            if (primaryKey == null || primaryKey.isBlank()) {
                throw new IllegalArgumentException("Primary key name must not be null or blank.");
            }
            this.primaryKey = primaryKey;
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
         * @param hasHeader whether the first line holds column names
         * @return this builder
         */
        public Builder hasHeader(boolean hasHeader) {
            this.hasHeader = hasHeader;
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

        /**
         * @param schema the schema of the created table, or null
         * @return this builder
         */
        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        /**
         * @param inferTypes whether to infer column types
         * @return this builder
         */
        public Builder inferTypes(boolean inferTypes) {
            this.inferTypes = inferTypes;
            return this;
        }

        /**
         * @param skipValidation whether to skip schema validation
         * @return this builder
         */
        public Builder skipValidation(boolean skipValidation) {
            this.skipValidation = skipValidation;
            return this;
        }

        /** @return the options */
        public CsvOptions build() {
            return new CsvOptions(this);
        }
    }
}
