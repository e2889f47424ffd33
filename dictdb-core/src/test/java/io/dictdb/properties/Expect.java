package io.dictdb.properties;

import io.dictdb.DictDBException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * What the reference model says an operation must do: return a value, or throw one of a few acceptable
 * exceptions (type, and message when API.md fixes it).
 */
final class Expect {
    private final boolean ok;
    private final Object value;
    private final List<Failure> failures;

    /** An acceptable exception. {@code message == null} accepts any message. */
    record Failure(Class<? extends Throwable> type, String message, boolean prefixOnly, String mustContain) {
        boolean matches(Throwable t) {
            boolean typeOk = type == DictDBException.class ? type.isInstance(t) : type == t.getClass();
            if (!typeOk) {
                return false;
            }
            if (message == null) {
                return true;
            }
            String m = t.getMessage();
            if (m == null) {
                return false;
            }
            if (prefixOnly) {
                return m.startsWith(message) && (mustContain == null || m.contains(mustContain)) && m.endsWith("'.");
            }
            return m.equals(message);
        }

        @Override
        public String toString() {
            return type.getSimpleName() + (message == null ? "" : (prefixOnly ? "(starting with \"" + message
                    + "\"" + (mustContain == null ? "" : ", containing \"" + mustContain + "\"") + ")"
                    : "(\"" + message + "\")"));
        }
    }

    private Expect(boolean ok, Object value, List<Failure> failures) {
        this.ok = ok;
        this.value = value;
        this.failures = failures;
    }

    static Expect ok(Object value) {
        return new Expect(true, value, List.of());
    }

    static Expect fail(Class<? extends Throwable> type, String exactMessage) {
        return new Expect(false, null, List.of(new Failure(type, exactMessage, false, null)));
    }

    static Expect failAnyMessage(Class<? extends Throwable> type) {
        return new Expect(false, null, List.of(new Failure(type, null, false, null)));
    }

    static Expect failStartingWith(Class<? extends Throwable> type, String prefix, String mustContain) {
        return new Expect(false, null, List.of(new Failure(type, prefix, true, mustContain)));
    }

    /** This failure or another one (used where API.md does not fix which of two errors wins). */
    Expect or(Expect other) {
        if (ok || other.ok) {
            throw new IllegalArgumentException("only failures can be alternatives");
        }
        List<Failure> all = new ArrayList<>(failures);
        all.addAll(other.failures);
        return new Expect(false, null, all);
    }

    boolean isOk() {
        return ok;
    }

    Object value() {
        return value;
    }

    /** Runs the engine's call and checks its outcome against this expectation; returns what it returned. */
    Object verify(String what, Callable<?> call) {
        Object actual;
        try {
            actual = call.call();
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            if (ok) {
                throw new AssertionError(what + ": expected to return " + cut(value) + " but threw " + t, t);
            }
            for (Failure f : failures) {
                if (f.matches(t)) {
                    return null;
                }
            }
            throw new AssertionError(what + ": expected to throw " + failures + " but threw " + t, t);
        }
        if (!ok) {
            throw new AssertionError(what + ": expected to throw " + failures + " but returned " + cut(actual));
        }
        if (!Objects.equals(actual, value)) {
            throw new AssertionError(what + ": expected " + cut(value) + " but got " + cut(actual));
        }
        return actual;
    }

    private static String cut(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "... (" + s.length() + " characters)";
    }

    @Override
    public String toString() {
        return ok ? "ok(" + value + ")" : "fail" + failures;
    }
}
