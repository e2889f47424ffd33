package io.dictdb.bench.peers;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The JMH settings shared by the peer workloads that measure the average time of one operation on a loaded store
 * (W2 to W6): nanoseconds per operation, one fork with the {@link PeerJvm} options, 2 warm-up iterations of 1 s, then 8
 * measured iterations of 500 ms. JMH applies the class-level annotations of a superclass to the benchmarks of its
 * subclasses (an annotation on the subclass would win), so the workloads extend this class and state only what is
 * their own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {PeerJvm.HEAP_MIN, PeerJvm.HEAP_MAX, PeerJvm.PRE_TOUCH})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public abstract class AverageTimeWorkload {
}
