/**
 * Backups of a {@link io.dictdb.DictDB}: the {@link io.dictdb.backup.BackupManager} writes full backups and
 * incremental deltas into a directory (periodically, on demand, or debounced after changes), and
 * {@link io.dictdb.backup.Backups} restores a database from them. The files, the chain they form and how restore
 * checks it are described in {@code docs/backups.md}.
 */
package io.dictdb.backup;
