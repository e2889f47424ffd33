package io.dictdb.internal.storage;

import io.dictdb.internal.engine.TableDef;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Loads a large file on two threads: a short-lived parsing thread reads and decodes the file while the calling
 * thread, which owns the new database's write transaction, inserts what was decoded. The parsing thread is the
 * busier one (it decodes every value into the array the stored row keeps), so the calling thread also wraps
 * those arrays as rows ({@link RecordBatch#rows()}) before inserting them; a large load then takes about the
 * parsing time on a machine with two cores or more.
 *
 * <p>Invariants: only the calling thread touches the transaction (operations travel through a bounded queue,
 * which also bounds the memory held by decoded records); the parsing thread always ends with one final
 * {@link SnapshotFiles.Outcome} in the queue, after reading the file to its end so that the checksum can be
 * verified; when inserting fails, the parser is told to stop, and its further operations are discarded; when the
 * calling thread gives up (interrupted), the parser stops at its next hand-over and exits.
 */
final class PipelinedSnapshotLoad {
    private static final int QUEUE_CAPACITY = 4;
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** Set by the calling thread: the parser must stop handing over operations. */
    private volatile boolean cancelled;
    /** Set by the calling thread when it no longer reads the queue at all. */
    private volatile boolean abandoned;

    private PipelinedSnapshotLoad() {
    }

    /**
     * Parses on a new thread and applies on the calling one.
     *
     * @param format the file format
     * @param in     the file's bytes
     * @param tagged whether the file is one we wrote
     * @param target applies the operations (used on the calling thread only)
     * @return what parsing found, with the first failure of either thread
     */
    static SnapshotFiles.Outcome run(SnapshotFormat format, TrailingChecksumInputStream in, boolean tagged,
                                     SnapshotSink target) {
        return new PipelinedSnapshotLoad().load(format, in, tagged, target);
    }

    private SnapshotFiles.Outcome load(SnapshotFormat format, TrailingChecksumInputStream in, boolean tagged,
                                       SnapshotSink target) {
        Thread parser = new Thread(() -> parse(format, in, tagged), "dictdb-load-parser");
        parser.setDaemon(true);
        parser.start();
        RuntimeException applyFailure = null;
        try {
            while (true) {
                Object item = queue.take();
                if (item instanceof SnapshotFiles.Outcome) {
                    SnapshotFiles.Outcome outcome = (SnapshotFiles.Outcome) item;
                    return applyFailure == null
                            ? outcome
                            : new SnapshotFiles.Outcome(outcome.claimsOurs(), applyFailure, -1);
                }
                if (applyFailure == null) {
                    try {
                        @SuppressWarnings("unchecked")
                        Consumer<SnapshotSink> operation = (Consumer<SnapshotSink>) item;
                        operation.accept(target);
                    } catch (RuntimeException e) {
                        applyFailure = e;
                        cancelled = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while loading a file"));
        } finally {
            cancelled = true;
            abandoned = true;
        }
    }

    private void parse(SnapshotFormat format, TrailingChecksumInputStream in, boolean tagged) {
        SnapshotFiles.Outcome outcome;
        try {
            outcome = SnapshotFiles.parse(format, in, tagged, new QueueSink());
        } catch (Throwable t) {
            outcome = new SnapshotFiles.Outcome(false, t, -1);
        }
        try {
            while (!queue.offer(outcome, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands operations over to the calling thread. */
    private final class QueueSink implements SnapshotSink {
        private void handOver(Consumer<SnapshotSink> operation) {
            try {
                while (!queue.offer(operation, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new CancellationException("loading was stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("loading was interrupted");
            }
            if (cancelled) {
                throw new CancellationException("loading was stopped");
            }
        }

        @Override
        public void createTable(TableDef def) {
            handOver(sink -> sink.createTable(def));
        }

        @Override
        public void insert(String table, RecordBatch records, long firstRecord) {
            handOver(sink -> sink.insert(table, records, firstRecord));
        }

        @Override
        public void finishTable(String table, List<IndexDefinition> indexes, Long nextKey) {
            handOver(sink -> sink.finishTable(table, indexes, nextKey));
        }
    }
}
