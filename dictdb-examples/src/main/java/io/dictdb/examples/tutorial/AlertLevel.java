package io.dictdb.examples.tutorial;

import java.util.Optional;

/** How loudly to alert about failed backups, escalating with the number of failures in a row. */
public enum AlertLevel {
    /** The first failure: keep an eye on it. */
    WARNING,
    /** Three failures in a row: someone should check the disk (an e-mail to the administrators). */
    ERROR,
    /** Five failures or more: act now (a text message to whoever is on call). */
    CRITICAL;

    /**
     * The tutorial's escalation rule: an alert at the 1st, the 3rd and from the 5th consecutive failure on.
     *
     * @param consecutiveFailures how many backups in a row have failed (1, 2, ...)
     * @return the level to alert at, or empty when this failure raises no alert (the 2nd and the 4th)
     */
    // tag::rule[]
    public static Optional<AlertLevel> forConsecutiveFailures(int consecutiveFailures) {
        if (consecutiveFailures >= 5) {
            return Optional.of(CRITICAL);
        }
        if (consecutiveFailures == 3) {
            return Optional.of(ERROR);
        }
        return consecutiveFailures == 1 ? Optional.of(WARNING) : Optional.empty();
    }
    // end::rule[]
}
