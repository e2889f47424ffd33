package io.dictdb.bench.peers;

/** One group of the W5 aggregation as the JDBC adapters return it: a department and its average salary. */
public final class DeptAverage {
    private final String dept;
    private final double average;

    public DeptAverage(String dept, double average) {
        this.dept = dept;
        this.average = average;
    }

    public String dept() {
        return dept;
    }

    public double average() {
        return average;
    }

    @Override
    public String toString() {
        return dept + '=' + average;
    }
}
