/**
 * DictDB for Java: an embedded, in-memory database of tables of records. The API is the package
 * {@code io.dictdb}; everything under {@code io.dictdb.internal} is implementation.
 */
@SuppressWarnings("requires-automatic")
module io.dictdb {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.dataformat.cbor;
    requires org.apache.commons.csv;
    requires org.slf4j;

    exports io.dictdb;
    exports io.dictdb.backup;
}
