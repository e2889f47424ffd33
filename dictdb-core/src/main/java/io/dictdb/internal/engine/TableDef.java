package io.dictdb.internal.engine;

import io.dictdb.FieldType;
import io.dictdb.Schema;
import io.dictdb.SchemaField;

import java.util.Optional;

/**
 * The definition of a table: its name, primary-key field and effective schema (the caller's schema with the
 * key field added as a required LONG when it was missing). Immutable.
 */
public final class TableDef {
    private final String name;
    private final String primaryKey;
    private final Schema schema;
    private final boolean autoKey;

    private TableDef(String name, String primaryKey, Schema schema) {
        this.name = name;
        this.primaryKey = primaryKey;
        this.schema = schema;
        this.autoKey = schema == null || schema.field(primaryKey).map(f -> f.type() == FieldType.LONG).orElse(true);
    }

    /**
     * Validates names and builds the effective definition.
     *
     * @param name       the table name
     * @param primaryKey the key field
     * @param schema     the caller's schema, or null
     * @return the definition
     * @throws IllegalArgumentException when a name is null or blank
     */
    public static TableDef create(String name, String primaryKey, Schema schema) {
        requireName(name);
        if (primaryKey == null || primaryKey.isBlank()) {
            throw new IllegalArgumentException("Primary key name must not be null or blank.");
        }
        Schema effective = schema;
        if (schema != null && !schema.hasField(primaryKey)) {
            effective = schema.with(new SchemaField(primaryKey, FieldType.LONG, false, null, false));
        }
        return new TableDef(name, primaryKey, effective);
    }

    /**
     * Checks a table name.
     *
     * @param name a table name
     * @throws IllegalArgumentException when null or blank
     */
    public static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Table name must not be null or blank.");
        }
    }

    /** @return the table name */
    public String name() {
        return name;
    }

    /** @return the primary-key field */
    public String primaryKey() {
        return primaryKey;
    }

    /** @return the effective schema, empty when the table has none */
    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
    }

    /** @return the effective schema or null */
    Schema schemaOrNull() {
        return schema;
    }

    /** @return whether missing keys are generated from the counter (no schema, or a LONG key field) */
    public boolean autoKey() {
        return autoKey;
    }
}
