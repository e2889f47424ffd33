package io.dictdb;

import java.util.List;

/**
 * A fluent aggregation over a table (each call returns this builder):
 *
 * <pre>{@code
 * // SQL: SELECT dept, COUNT(*) AS n, AVG(salary) AS avg_salary FROM staff WHERE age >= 30 GROUP BY dept
 * List<Row> rows = staff.aggregate()
 *     .where(staff.field("age").gte(30))
 *     .groupBy("dept")
 *     .agg("n", Aggregate.count())
 *     .agg("avg_salary", Aggregate.avg("salary"))
 *     .list();
 * }</pre>
 *
 * <p>Groups come in order of first appearance in primary-key order; values equal by value (1 and 1.0) fall in
 * one group, shown with the first value met. Each result row holds the group fields, then the aggregates, in
 * declaration order (an aggregate named like a group field replaces it). Result rows are mutable copies.
 */
public interface AggregateQuery {

    /**
     * Restricts the rows aggregated.
     *
     * @param where the filter
     * @return this builder
     */
    AggregateQuery where(Condition where);

    /**
     * Groups rows by the values of fields (a missing field groups as null).
     *
     * @param fields the grouping fields
     * @return this builder
     */
    AggregateQuery groupBy(String... fields);

    /**
     * Adds an aggregate to compute.
     *
     * @param name      the name of the result field
     * @param aggregate the function
     * @return this builder
     * @throws IllegalArgumentException when the name is empty or already used by another aggregate
     */
    AggregateQuery agg(String name, Aggregate aggregate);

    /**
     * Computes one row per group (without {@link #groupBy}, a single row).
     *
     * @return the result rows
     */
    List<Row> list();

    /**
     * Computes the single result row of an aggregation without {@link #groupBy}; on an empty selection the
     * counts are 0 and the other aggregates null.
     *
     * @return the result row
     * @throws IllegalStateException when {@link #groupBy} was used
     */
    Row one();
}
