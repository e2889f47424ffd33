package io.dictdb;

/**
 * Options for {@link Table#insert(java.util.Map, InsertOptions)} and
 * {@link Table#insertAll(java.util.Collection, InsertOptions)}.
 *
 * <pre>{@code
 * InsertOptions.builder().batchSize(1000).skipValidation(true).build()
 * }</pre>
 */
public final class InsertOptions {
    private static final InsertOptions DEFAULTS = new InsertOptions(Integer.MAX_VALUE, false);

    private final int batchSize;
    private final boolean skipValidation;

    private InsertOptions(int batchSize, boolean skipValidation) {
        this.batchSize = batchSize;
        this.skipValidation = skipValidation;
    }

    /**
     * The default options: unbounded batches, schema validation on.
     *
     * @return the defaults
     */
    public static InsertOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many records are processed per internal step. It bounds work per step only: a bulk insert stays
     * atomic whatever the batch size.
     *
     * @return the batch size, at least 1
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Whether schema rules (required, type, unknown field) are skipped for trusted data. Value normalisation,
     * defaults and primary-key rules still apply.
     *
     * @return true when validation is skipped
     */
    public boolean skipValidation() {
        return skipValidation;
    }

    @Override
    public String toString() {
        return "InsertOptions[batchSize=" + batchSize + ", skipValidation=" + skipValidation + "]";
    }

    /** Builder of {@link InsertOptions}. */
    public static final class Builder {
        private int batchSize = Integer.MAX_VALUE;
        private boolean skipValidation;

        private Builder() {
        }

        /**
         * Sets the batch size.
         *
         * @param batchSize records per internal step, at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code batchSize < 1}
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize + ".");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets whether schema validation is skipped.
         *
         * @param skipValidation true to skip schema rules
         * @return this builder
         */
        public Builder skipValidation(boolean skipValidation) {
            this.skipValidation = skipValidation;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public InsertOptions build() {
            return new InsertOptions(batchSize, skipValidation);
        }
    }
}
