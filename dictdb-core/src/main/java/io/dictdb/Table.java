package io.dictdb;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A table of records with a primary key. Obtained from {@link DictDB#createTable} or {@link DictDB#getTable};
 * a table handle refers to its table by name, so it stays valid for as long as the table exists.
 *
 * <p><b>Values.</b> Stored values are normalised: {@code Byte/Short/Integer/Long} become {@code Long};
 * {@code Float/Double} become {@code Double} (a Float through its shortest decimal form); {@code BigInteger}
 * becomes {@code Long} when it fits, else {@code BigDecimal}; {@code BigDecimal}, {@code String}, {@code Boolean},
 * {@code LocalDate}, {@code LocalDateTime}, {@code Instant}, {@code UUID} and {@code null} are kept; lists and
 * maps (String keys) are copied recursively into immutable values. Any other type is rejected with
 * {@link SchemaValidationException} ({@code Field '<f>' has unsupported type '<class>'.}). The caller's map is
 * never kept nor modified.
 *
 * <p><b>Primary keys.</b> A record without its key field gets the next value of the table's counter (a Long
 * starting at 1, never reused, moved past any explicit integral key). Explicit keys may be any non-null scalar
 * value; keys are compared by value ({@code 1}, {@code 1L} and {@code 1.0} are the same key). An existing key
 * raises {@link DuplicateKeyException}; a null key {@link SchemaValidationException}; changing a key through
 * {@code update} is rejected.
 *
 * <p><b>Atomicity.</b> Every method that writes is atomic: it applies completely or not at all, indexes
 * included. All methods are thread-safe; reads run on a consistent snapshot and never block.
 */
public interface Table {

    /**
     * The table name.
     *
     * @return the name
     */
    String name();

    /**
     * The primary-key field name.
     *
     * @return the key field
     */
    String primaryKey();

    /**
     * Inserts a record.
     *
     * @param record the record
     * @return its primary key
     * @throws DuplicateKeyException     when the key exists
     * @throws SchemaValidationException when the record breaks the schema or a value rule
     */
    Object insert(Map<String, ?> record);

    /**
     * Inserts a record with options.
     *
     * @param record  the record
     * @param options insert options
     * @return its primary key
     */
    Object insert(Map<String, ?> record, InsertOptions options);

    /**
     * Inserts records atomically: all of them, or none (the key counter is then unchanged).
     *
     * @param records the records
     * @return their primary keys, in input order
     */
    List<Object> insertAll(Collection<? extends Map<String, ?>> records);

    /**
     * Inserts records atomically with options.
     *
     * @param records the records
     * @param options insert options
     * @return their primary keys, in input order
     */
    List<Object> insertAll(Collection<? extends Map<String, ?>> records, InsertOptions options);

    /**
     * Inserts the record, or merges it into the stored one with the same key ({@link OnConflict#UPDATE}).
     *
     * @param record the record
     * @return the key and what was done
     */
    UpsertResult upsert(Map<String, ?> record);

    /**
     * Inserts the record, or resolves a key conflict as told. A merge is validated as a whole and changes nothing
     * when invalid.
     *
     * @param record     the record
     * @param onConflict what to do when the key exists
     * @return the key and what was done
     */
    UpsertResult upsert(Map<String, ?> record, OnConflict onConflict);

    /**
     * Looks a row up by primary key (a direct lookup).
     *
     * @param primaryKey the key
     * @return the stored row (immutable, not copied), empty when absent
     */
    Optional<Row> get(Object primaryKey);

    /**
     * Starts a query.
     *
     * @return a query builder
     */
    Select select();

    /**
     * Shortcut for {@code select().where(where).list()}.
     *
     * @param where the filter
     * @return mutable copies of the matching rows, in primary-key order
     */
    List<Row> select(Condition where);

    /**
     * Sets fields on every matching row, atomically.
     *
     * @param changes field to new value
     * @param where   the rows to change
     * @return the number of matched rows
     * @throws RecordNotFoundException   when no row matches
     * @throws SchemaValidationException when a changed row breaks the schema, or the change touches the key
     */
    int update(Map<String, ?> changes, Condition where);

    /**
     * Sets fields on every row, atomically.
     *
     * @param changes field to new value
     * @return the number of rows
     * @throws RecordNotFoundException when the table is empty
     */
    int update(Map<String, ?> changes);

    /**
     * Read-modify-write of every matching row, atomically: the function receives each stored row and returns
     * the fields to set (null or empty for none).
     *
     * @param where   the rows to change
     * @param changes computes the changes of one row
     * @return the number of matched rows
     * @throws RecordNotFoundException when no row matches
     */
    int update(Condition where, Function<Row, Map<String, ?>> changes);

    /**
     * Deletes the matching rows.
     *
     * @param where the rows to delete
     * @return the number deleted
     * @throws RecordNotFoundException when no row matches
     */
    int delete(Condition where);

    /**
     * Deletes every row.
     *
     * @return the number deleted
     * @throws RecordNotFoundException when the table is empty
     */
    int delete();

    /**
     * Creates a {@link IndexType#HASH} index on a field.
     *
     * @param field the field
     */
    void createIndex(String field);

    /**
     * Creates an index on a field. Creating the same index again is a no-op; asking another type for an indexed
     * field throws {@link DictDBException}.
     *
     * @param field the field
     * @param type  the index type
     */
    void createIndex(String field, IndexType type);

    /**
     * Drops the index of a field.
     *
     * @param field the field
     * @throws DictDBException when the field has no index
     */
    void dropIndex(String field);

    /**
     * Starts an aggregation.
     *
     * @return an aggregation builder
     */
    AggregateQuery aggregate();

    /**
     * A field of this table, for building conditions: {@code users.field("age").gte(18)}.
     *
     * @param name the field name
     * @return the field
     */
    Field field(String name);

    /**
     * The number of rows.
     *
     * @return the row count
     */
    long count();

    /**
     * Same as {@link #count()}.
     *
     * @return the row count
     */
    default long size() {
        return count();
    }

    /**
     * The schema's fields in schema order when there is a schema, otherwise the sorted union of the fields
     * present in the rows.
     *
     * @return the column names
     */
    List<String> columns();

    /**
     * The indexed fields, in index creation order.
     *
     * @return the indexed fields
     */
    List<String> indexedFields();

    /**
     * Whether a field is indexed.
     *
     * @param field the field
     * @return true when it has an index
     */
    boolean hasIndex(String field);

    /**
     * The index type of a field.
     *
     * @param field the field
     * @return its index type, empty when not indexed
     */
    Optional<IndexType> indexType(String field);

    /**
     * The schema's field names, empty when the table has no schema.
     *
     * @return the schema fields
     */
    List<String> schemaFields();

    /**
     * The table's schema (including the primary key field it may have added).
     *
     * @return the schema, empty when the table has none
     */
    Optional<Schema> schema();

    /**
     * Every row as a mutable copy, in primary-key order.
     *
     * @return the rows
     */
    List<Row> all();

    /**
     * Every row as a mutable copy, by primary key, in primary-key order.
     *
     * @return primary key to row
     */
    Map<Object, Row> copy();

    /**
     * Writes rows to a CSV file.
     *
     * @param file    the target file
     * @param options the export options
     * @return the number of rows written
     */
    int exportCsv(Path file, CsvExportOptions options);
}
