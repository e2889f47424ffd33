/**
 * DictDB for Java: an embedded, in-memory database of tables of records. The API is the package
 * {@code io.dictdb}; everything under {@code io.dictdb.internal} is implementation.
 */
module io.dictdb {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;

    exports io.dictdb;
}
