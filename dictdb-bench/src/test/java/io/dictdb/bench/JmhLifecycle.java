package io.dictdb.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A minimal stand-in for the JMH life cycle, for the smoke tests that run benchmark methods outside JMH: finds the
 * {@code @Benchmark} methods, runs the {@code @Setup} and {@code @TearDown} helpers of the states of one level
 * (including those the states inherit), and invokes methods with the cause of a failure unwrapped.
 */
public final class JmhLifecycle {

    private JmhLifecycle() {
    }

    /** The {@code @Benchmark} methods of the class, by name. */
    public static List<Method> benchmarkMethods(Class<?> benchmarkClass) {
        return Arrays.stream(benchmarkClass.getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class))
                .sorted(Comparator.comparing(Method::getName))
                .collect(Collectors.toList());
    }

    /** Runs the {@code @Setup} helpers of {@code level} of every state, in the given order. */
    public static void setUp(Collection<?> states, Level level) throws Exception {
        for (Object state : states) {
            runHelpers(state, Setup.class, level);
        }
    }

    /** Runs the {@code @TearDown} helpers of {@code level} of every state, in the reverse of the given order. */
    public static void tearDown(Collection<?> states, Level level) throws Exception {
        List<Object> reversed = new ArrayList<>(states);
        Collections.reverse(reversed);
        for (Object state : reversed) {
            runHelpers(state, TearDown.class, level);
        }
    }

    private static void runHelpers(Object state, Class<?> kind, Level level) throws Exception {
        for (Method m : state.getClass().getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && levelOf(m, kind) == level) {
                invoke(m, state);
            }
        }
    }

    /** The level of the method's {@code @Setup} or {@code @TearDown} ({@code kind}), or {@code null}. */
    private static Level levelOf(Method m, Class<?> kind) {
        if (kind == Setup.class && m.isAnnotationPresent(Setup.class)) {
            return m.getAnnotation(Setup.class).value();
        }
        if (kind == TearDown.class && m.isAnnotationPresent(TearDown.class)) {
            return m.getAnnotation(TearDown.class).value();
        }
        return null;
    }

    /** Invokes the method; an exception or error it throws is rethrown as it is. */
    public static Object invoke(Method m, Object target, Object... args) throws Exception {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }
}
