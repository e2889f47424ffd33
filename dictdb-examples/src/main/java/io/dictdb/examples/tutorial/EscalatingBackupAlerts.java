package io.dictdb.examples.tutorial;

import io.dictdb.backup.BackupFailureListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tutorial's {@code on_backup_failure} callback: turns failed backups into alerts of rising
 * {@link AlertLevel}, at the 1st, 3rd and 5th-and-later failure in a row, and keeps the alerts it raised.
 */
public final class EscalatingBackupAlerts implements BackupFailureListener {
    /**
     * An alert about failed backups.
     *
     * @param consecutiveFailures how many backups in a row had failed
     * @param level               how loud the alert is
     * @param error               the last failure
     */
    public record Alert(int consecutiveFailures, AlertLevel level, Throwable error) {
        /**
         * The failure in a few words: the exception and its cause, for example
         * {@code UncheckedIOException caused by NoSuchFileException}.
         *
         * @return the description
         */
        public String reason() {
            Throwable cause = error.getCause();
            return error.getClass().getSimpleName()
                    + (cause == null ? "" : " caused by " + cause.getClass().getSimpleName());
        }
    }

    private final Consumer<Alert> notifier;
    private final List<Alert> raised = new ArrayList<>();

    /**
     * Creates the listener.
     *
     * @param notifier who is told about each alert (an e-mail, a text message, a log line...)
     */
    public EscalatingBackupAlerts(Consumer<Alert> notifier) {
        this.notifier = notifier;
    }

    // tag::listener[]
    @Override
    public void onFailure(Throwable error, int consecutiveFailures) {
        // BackupManager has already logged the failure at ERROR (logger io.dictdb.backup).
        AlertLevel.forConsecutiveFailures(consecutiveFailures).ifPresent(level -> {
            Alert alert = new Alert(consecutiveFailures, level, error);
            synchronized (raised) {
                raised.add(alert);
            }
            notifier.accept(alert);   // WARNING: watch; ERROR: e-mail the admins; CRITICAL: page on-call
        });
    }
    // end::listener[]

    /**
     * The alerts raised so far, oldest first.
     *
     * @return a copy of them
     */
    public List<Alert> raised() {
        synchronized (raised) {
            return List.copyOf(raised);
        }
    }
}
