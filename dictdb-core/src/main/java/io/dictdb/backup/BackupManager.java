package io.dictdb.backup;

import io.dictdb.DictDB;
import io.dictdb.FileFormat;
import io.dictdb.internal.backup.BackupWriter;
import io.dictdb.internal.backup.ChangeCollector;
import io.dictdb.internal.backup.Retention;
import io.dictdb.internal.engine.EngineAccess;
import io.dictdb.internal.io.CurrentFileIo;
import io.dictdb.internal.io.FileIo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Backs up one database into one directory: full backups, and in incremental mode deltas between them; periodically
 * once {@link #start() started}, on demand, and debounced after {@link #notifyChange() changes}.
 *
 * <pre>{@code
 * try (BackupManager backups = BackupManager.builder(db, Path.of("backups"))
 *         .backupInterval(Duration.ofMinutes(5))
 *         .incremental(true).maxDeltasBeforeFull(10)
 *         .onBackupFailure((error, failures) -> alert(error, failures))
 *         .build()) {
 *     backups.start();
 *     ...
 *     backups.backupFull();          // a last full backup before shutting down
 * }
 * }</pre>
 *
 * <p>Invariants. Backups are serialised (one at a time, whoever asks). A full backup is the database at one commit,
 * read from an immutable snapshot without blocking writers; a delta holds every change committed since the previous
 * backup of the chain, taken from the engine's change log, so a write made while a backup runs is in the next one,
 * never lost. A backup that fails leaves no file under a final name, keeps its changes for the next backup, is
 * counted in {@link #consecutiveFailures()}, logged at ERROR and passed to the failure listener; it never throws
 * to the caller or to the background thread, and later backups still run. Background work runs on one daemon thread
 * named {@code dictdb-backup-<directory>}; {@link #notifyChange()} never blocks and never backs up on the caller's
 * thread.
 *
 * <p>Debounce. {@code notifyChange} asks for one backup ({@link #backupNow()}) on the backup thread: at once when
 * the last backup attempt is at least {@code minBackupInterval} old, else at the end of that window (a trailing
 * backup), so the last change is never left unsaved until the next period. Notifications while a backup is already
 * scheduled are folded into it.
 *
 * <p>Lifecycle. {@link #start()} once; {@link #stop()} (or {@link #close()}) cancels the periodic backups, runs a
 * trailing backup still pending, waits for the backup in progress, and releases the thread and the change log
 * subscription. After that, backup methods throw {@link IllegalStateException} and {@code notifyChange} does
 * nothing. {@code stop} does not take a final backup by itself: call {@link #backupFull()} before it.
 */
public final class BackupManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.dictdb.backup");

    private enum Lifecycle { NEW, RUNNING, STOPPED }

    private enum Kind { NOW, FULL, DELTA }

    private final Path dir;
    private final Duration backupInterval;
    private final long minIntervalNanos;
    private final boolean incremental;
    private final int maxDeltasBeforeFull;
    private final int keepFullBackups;
    private final BackupFailureListener failureListener;
    private final FileIo io;
    private final ChangeCollector collector;
    private final BackupWriter writer;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ReentrantLock backupLock = new ReentrantLock();

    /** Guarded by this. */
    private Lifecycle lifecycle = Lifecycle.NEW;
    /** Guarded by this. */
    private ScheduledFuture<?> periodic;
    /** The debounced backup waiting to run, or null. Guarded by this. */
    private ScheduledFuture<?> trailing;
    /** Guarded by backupLock. */
    private boolean closed;
    private volatile long lastAttemptNanos;
    private volatile boolean attempted;
    private volatile int consecutiveFailures;
    private volatile int deltasSinceFull;
    private volatile Instant lastBackupTime;
    private volatile Duration lastBackupDuration;
    private volatile long lastBackupBytes = -1;
    private volatile Path lastBackupFile;
    private volatile long lastBackupSequence;

    private BackupManager(Builder b) {
        this.dir = b.dir;
        this.backupInterval = b.backupInterval;
        this.minIntervalNanos = b.minBackupInterval.toNanos();
        this.incremental = b.incremental;
        this.maxDeltasBeforeFull = b.maxDeltasBeforeFull;
        this.keepFullBackups = b.keepFullBackups;
        this.failureListener = b.failureListener;
        this.io = b.io;
        this.collector = ChangeCollector.attach(EngineAccess.of(b.db));
        this.writer = new BackupWriter(collector, dir, b.fileFormat, io, b.clock);
        Path name = dir.toAbsolutePath().getFileName();
        String threadName = "dictdb-backup-" + (name == null ? "root" : name);
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Starts configuring a backup manager.
     *
     * @param db        the database to back up
     * @param backupDir the directory for its backups (created when missing, by {@code build()})
     * @return the builder
     */
    public static Builder builder(DictDB db, Path backupDir) {
        return new Builder(db, backupDir);
    }

    /**
     * Starts the periodic backups: {@link #backupNow()} every {@code backupInterval}, the first one an interval
     * from now.
     *
     * @throws IllegalStateException when already started, or stopped
     */
    public synchronized void start() {
        if (lifecycle != Lifecycle.NEW) {
            throw new IllegalStateException(lifecycle == Lifecycle.RUNNING
                    ? "The backup manager of '" + dir + "' is already started."
                    : "The backup manager of '" + dir + "' was stopped; build a new one.");
        }
        long nanos = backupInterval.toNanos();
        periodic = scheduler.scheduleWithFixedDelay(this::periodicBackup, nanos, nanos, TimeUnit.NANOSECONDS);
        lifecycle = Lifecycle.RUNNING;
        LOG.atInfo().setMessage("Started automatic backups").addKeyValue("dir", dir)
                .addKeyValue("intervalMs", backupInterval.toMillis()).log();
    }

    /**
     * Stops: cancels the periodic backups, runs a debounced backup that is still pending, waits for the backup in
     * progress, then releases the background thread. Does nothing when already stopped; may be called without
     * {@link #start()}.
     */
    public void stop() {
        synchronized (this) {
            if (lifecycle == Lifecycle.STOPPED) {
                return;
            }
            lifecycle = Lifecycle.STOPPED;
            if (periodic != null) {
                periodic.cancel(false);
            }
            if (trailing != null && trailing.cancel(false)) {
                scheduler.execute(() -> run(Kind.NOW));
            }
            trailing = null;
        }
        scheduler.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        backupLock.lock();
        try {
            closed = true;
        } finally {
            backupLock.unlock();
        }
        collector.detach();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        LOG.atInfo().setMessage("Stopped automatic backups").addKeyValue("dir", dir).log();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Backs up now, on the calling thread: in incremental mode a delta, or a full backup when there is none yet in
     * this chain or after {@code maxDeltasBeforeFull} deltas; otherwise a full backup. A delta with nothing to say
     * (no change since the last backup) writes no file. Never throws for a failed backup.
     *
     * @throws IllegalStateException after {@link #stop()}
     */
    public void backupNow() {
        run(Kind.NOW);
    }

    /**
     * Writes a full backup now, on the calling thread, and starts a new chain from it. Never throws for a failed
     * backup.
     *
     * @throws IllegalStateException after {@link #stop()}
     */
    public void backupFull() {
        run(Kind.FULL);
    }

    /**
     * Writes a delta now, on the calling thread (a full backup when there is none yet in this chain; no file when
     * nothing changed). Never throws for a failed backup.
     *
     * @throws IllegalStateException after {@link #stop()}
     */
    public void backupDelta() {
        run(Kind.DELTA);
    }

    /**
     * Says that the database changed: asks for a {@link #backupNow()} on the backup thread, at once or, within
     * {@code minBackupInterval} of the last backup attempt, at the end of that window. Never blocks; works with or
     * without {@link #start()}; does nothing after {@link #stop()}.
     */
    public synchronized void notifyChange() {
        if (lifecycle == Lifecycle.STOPPED || trailing != null) {
            return;
        }
        long delay = remainingWindowNanos();
        if (delay > 0) {
            LOG.atDebug().setMessage("Backup deferred to the end of the minimum interval").addKeyValue("dir", dir)
                    .addKeyValue("delayMs", TimeUnit.NANOSECONDS.toMillis(delay)).log();
        }
        trailing = scheduler.schedule(this::trailingBackup, delay, TimeUnit.NANOSECONDS);
    }

    /** @return how many backups in a row have failed (0 after a success) */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** @return how many deltas were written since the last full backup */
    public int deltasSinceFull() {
        return deltasSinceFull;
    }

    /** @return when the last successful backup finished */
    public Optional<Instant> lastBackupTime() {
        return Optional.ofNullable(lastBackupTime);
    }

    /** @return how long the last successful backup took */
    public Optional<Duration> lastBackupDuration() {
        return Optional.ofNullable(lastBackupDuration);
    }

    /** @return the size in bytes of the last successful backup's file */
    public OptionalLong lastBackupBytes() {
        long bytes = lastBackupBytes;
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    /** @return the file of the last successful backup */
    public Optional<Path> lastBackupFile() {
        return Optional.ofNullable(lastBackupFile);
    }

    /** For tests: the commit sequence number of the state the last successful backup holds (0 before any). */
    long lastBackupSequence() {
        return lastBackupSequence;
    }

    /** @return the backup directory */
    public Path backupDirectory() {
        return dir;
    }

    private long remainingWindowNanos() {
        if (!attempted) {
            return 0;
        }
        long since = System.nanoTime() - lastAttemptNanos;
        return Math.max(0, minIntervalNanos - since);
    }

    private void trailingBackup() {
        synchronized (this) {
            trailing = null;
            long remaining = remainingWindowNanos();
            if (remaining > 0) {
                // Another backup ran since this one was scheduled: wait for the end of its window.
                if (lifecycle != Lifecycle.STOPPED) {
                    trailing = scheduler.schedule(this::trailingBackup, remaining, TimeUnit.NANOSECONDS);
                }
                return;
            }
        }
        LOG.atDebug().setMessage("Backup after a change").addKeyValue("dir", dir).log();
        run(Kind.NOW);
    }

    private void periodicBackup() {
        LOG.atDebug().setMessage("Periodic backup").addKeyValue("dir", dir).log();
        run(Kind.NOW);
    }

    private void run(Kind kind) {
        backupLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The backup manager of '" + dir + "' is stopped.");
            }
            attempted = true;
            lastAttemptNanos = System.nanoTime();
            BackupWriter.Outcome outcome;
            try {
                outcome = write(kind);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (outcome == null) {
                LOG.atDebug().setMessage("No change since the last backup").addKeyValue("dir", dir).log();
                return;
            }
            succeeded(outcome);
        } finally {
            backupLock.unlock();
        }
    }

    private BackupWriter.Outcome write(Kind kind) {
        switch (kind) {
            case FULL:
                return writer.full();
            case DELTA:
                return writer.delta();
            default:
                boolean full = !incremental || !writer.hasChain() || deltasSinceFull >= maxDeltasBeforeFull;
                return full ? writer.full() : writer.delta();
        }
    }

    private void succeeded(BackupWriter.Outcome outcome) {
        consecutiveFailures = 0;
        deltasSinceFull = outcome.full() ? 0 : deltasSinceFull + 1;
        lastBackupTime = writer.now();
        lastBackupDuration = outcome.duration();
        lastBackupBytes = outcome.bytes();
        lastBackupFile = outcome.file();
        lastBackupSequence = outcome.sequence();
        LOG.atInfo().setMessage(outcome.full() ? "Full backup saved" : "Delta backup saved")
                .addKeyValue("file", outcome.file())
                .addKeyValue("sequence", outcome.sequence())
                .addKeyValue("rows", outcome.rows())
                .addKeyValue("bytes", outcome.bytes())
                .addKeyValue("durationMs", outcome.duration().toMillis())
                .log();
        if (outcome.full() && keepFullBackups > 0) {
            try {
                Retention.apply(dir, keepFullBackups, io);
            } catch (RuntimeException e) {
                LOG.atWarn().setMessage("Could not apply the backup retention").addKeyValue("dir", dir)
                        .setCause(e).log();
            }
        }
    }

    private void failed(RuntimeException error) {
        int failures = ++consecutiveFailures;
        Path file = writer.attemptedFile();
        LOG.atError().setMessage("Backup failed")
                .addKeyValue("file", file)
                .addKeyValue("consecutiveFailures", failures)
                .setCause(error)
                .log();
        if (failureListener != null) {
            try {
                failureListener.onFailure(error, failures);
            } catch (RuntimeException | Error e) {
                LOG.atError().setMessage("Backup failure listener threw; ignored").addKeyValue("dir", dir)
                        .setCause(e).log();
            }
        }
    }

    /**
     * Configures a {@link BackupManager}. Every option has a default: a backup every 5 minutes, JSON full backups,
     * a 5-second minimum interval between debounced backups, no failure listener, full backups only (not
     * incremental), a full backup after 10 deltas, and every backup kept.
     */
    public static final class Builder {
        private final DictDB db;
        private final Path dir;
        private Duration backupInterval = Duration.ofMinutes(5);
        private FileFormat fileFormat = FileFormat.JSON;
        private Duration minBackupInterval = Duration.ofSeconds(5);
        private BackupFailureListener failureListener;
        private boolean incremental;
        private int maxDeltasBeforeFull = 10;
        private int keepFullBackups;
        private FileIo io = CurrentFileIo.get();
        private Clock clock = Clock.systemUTC();

        private Builder(DictDB db, Path dir) {
            this.db = Objects.requireNonNull(db, "db");
            this.dir = Objects.requireNonNull(dir, "backupDir");
        }

        /**
         * @param interval the time between periodic backups (positive)
         * @return this builder
         */
        public Builder backupInterval(Duration interval) {
            requirePositive(interval, "backupInterval");
            this.backupInterval = interval;
            return this;
        }

        /**
         * @param format the format of full backups (deltas are always JSON)
         * @return this builder
         */
        public Builder fileFormat(FileFormat format) {
            this.fileFormat = Objects.requireNonNull(format, "fileFormat");
            return this;
        }

        /**
         * @param interval the least time between two backups caused by {@link BackupManager#notifyChange()}
         *                 (zero or more)
         * @return this builder
         */
        public Builder minBackupInterval(Duration interval) {
            Objects.requireNonNull(interval, "minBackupInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("minBackupInterval must not be negative, got " + interval);
            }
            this.minBackupInterval = interval;
            return this;
        }

        /**
         * @param listener told about each failed backup (null for none)
         * @return this builder
         */
        public Builder onBackupFailure(BackupFailureListener listener) {
            this.failureListener = listener;
            return this;
        }

        /**
         * @param incremental whether {@link BackupManager#backupNow()} writes deltas between full backups
         * @return this builder
         */
        public Builder incremental(boolean incremental) {
            this.incremental = incremental;
            return this;
        }

        /**
         * @param max how many deltas {@link BackupManager#backupNow()} writes before the next full backup (0 or more)
         * @return this builder
         */
        public Builder maxDeltasBeforeFull(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxDeltasBeforeFull must not be negative, got " + max);
            }
            this.maxDeltasBeforeFull = max;
            return this;
        }

        /**
         * Keeps only the newest {@code n} full backups whose checksum verifies, with their deltas; older backup files
         * are deleted after each full backup. The newest verified full backup and its deltas are never deleted.
         *
         * @param n how many full backups to keep (at least 1; 0 keeps everything, the default)
         * @return this builder
         */
        public Builder keepFullBackups(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("keepFullBackups must not be negative, got " + n);
            }
            this.keepFullBackups = n;
            return this;
        }

        /** For tests: the file layer. */
        Builder fileIo(FileIo io) {
            this.io = Objects.requireNonNull(io, "io");
            return this;
        }

        /** For tests: the clock of file names and timestamps. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Creates the backup directory when missing and the manager (not started).
         *
         * @return the manager
         * @throws java.io.UncheckedIOException when the directory cannot be created
         */
        public BackupManager build() {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the backup directory '" + dir + "': "
                        + e.getMessage(), e);
            }
            return new BackupManager(this);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
        }
    }
}
