package io.dictdb.bench.peers;

/**
 * The JVM options of every peer workload's fork, as annotation constants: a fixed 5 GB heap, touched when the JVM
 * starts.
 *
 * <p>Why touched in advance: on the virtual machines these figures come from, the first write to a page of memory
 * costs about a millisecond per megabyte (the host backs guest memory lazily). A one-fork run of a few seconds
 * that allocates into fresh heap pays that cost per allocated byte: without {@code AlwaysPreTouch}, the average
 * time of an allocating operation grew iteration after iteration with no collection at all (a
 * {@code ConcurrentHashMap} update from 89 to 368 ns, a DictDB update from 3 to 11 µs), so each system was measured
 * on how much it allocates rather than on its steady state. A long-running application has touched its heap long
 * ago. Why fixed: with a growing heap, touching the new part happens inside a collection pause (pauses of 1 to 3 s
 * were logged). 5 GB holds the largest peer at 1 000 000 rows with room to spare; touching it costs each fork
 * about 3 s of start-up, outside the measurement.
 */
final class PeerJvm {
    /** Initial heap size. */
    static final String HEAP_MIN = "-Xms5g";
    /** Maximum heap size, equal to the initial one. */
    static final String HEAP_MAX = "-Xmx5g";
    /** Touch the whole heap at start-up. */
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    private PeerJvm() {
    }
}
