package io.dictdb.internal.backup;

import io.dictdb.CorruptFileException;
import io.dictdb.DictDB;
import io.dictdb.DictDBException;
import io.dictdb.FileFormat;
import io.dictdb.backup.BackupChainException;
import io.dictdb.backup.RestoreResult;
import io.dictdb.internal.engine.Engine;
import io.dictdb.internal.engine.EngineAccess;
import io.dictdb.internal.io.FileIo;
import io.dictdb.internal.storage.DeltaFiles;
import io.dictdb.internal.storage.ParsedDelta;
import io.dictdb.internal.storage.SnapshotFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Restores a database from a backup directory: the newest full backup that loads (its checksum verifies), then
 * every later delta in name (time) order, each checked to follow the file before it. A damaged full backup is
 * passed over for an older one only when restore may stop at the last good point: in strict mode the newer,
 * damaged backup is reported, since the state it held cannot be reached.
 *
 * <p>Invariants: a delta of ours is applied only when its chain says it builds on the chosen full backup, follows
 * the previous file, and starts at the sequence number the restored state has reached, so a missing, foreign or
 * repeated delta is never applied. The Python DictDB's deltas carry no chain: they follow only a full backup of
 * the Python DictDB (no sequence number) and are then applied in name order. Each delta is applied atomically. In
 * strict mode any problem throws (nothing is returned); otherwise restore stops before the first problem and says
 * where and why.
 */
public final class ChainRestore {
    private static final Logger LOG = LoggerFactory.getLogger("io.dictdb.backup");

    private final Path dir;
    private final FileIo io;
    private final boolean strict;

    /**
     * @param dir    the backup directory
     * @param io     the file layer
     * @param strict whether any problem throws (else restore stops at the last good point)
     */
    public ChainRestore(Path dir, FileIo io, boolean strict) {
        this.dir = dir;
        this.io = io;
        this.strict = strict;
    }

    /**
     * Restores.
     *
     * @return the restored database and what it was made from
     * @throws BackupChainException when there is no full backup, or (strict) the chain breaks
     * @throws CorruptFileException when every full backup is damaged, or (strict) a delta is
     */
    public RestoreResult restore() {
        List<Path> files = BackupDirectory.list(dir);
        List<Path> skipped = new ArrayList<>();
        Map<Path, CorruptFileException> damage = new HashMap<>();
        CorruptFileException newestDamage = null;
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            Matcher full = BackupFileNames.FULL.matcher(file.getFileName().toString());
            if (!full.matches()) {
                continue;
            }
            DictDB db = new DictDB();
            long sequence;
            try {
                sequence = SnapshotFiles.load(EngineAccess.of(db), file,
                        FileFormat.valueOf(full.group(3).toUpperCase(Locale.ROOT)), io);
            } catch (CorruptFileException e) {
                LOG.atWarn().setMessage("Skipping a damaged full backup").addKeyValue("file", file)
                        .addKeyValue("problem", e.getMessage()).log();
                skipped.add(file);
                damage.put(file, e);
                newestDamage = newestDamage == null ? e : newestDamage;
                continue;
            }
            return applyDeltas(db, file, sequence, files.subList(i + 1, files.size()), skipped, damage);
        }
        if (newestDamage != null) {
            throw newestDamage;
        }
        throw new BackupChainException(dir, "There is no full backup in '" + dir + "' to restore from.");
    }

    private RestoreResult applyDeltas(DictDB db, Path fullFile, long fullSequence, List<Path> later,
                                      List<Path> skipped, Map<Path, CorruptFileException> damage) {
        Engine engine = EngineAccess.of(db);
        List<Path> applied = new ArrayList<>();
        String previous = fullFile.getFileName().toString();
        long sequence = fullSequence;
        for (Path file : later) {
            if (!BackupFileNames.DELTA.matcher(file.getFileName().toString()).matches()) {
                // A full backup newer than the one restored was damaged: its own deltas cannot follow.
                String problem = "the full backup '" + file.getFileName() + "' after '" + fullFile.getFileName()
                        + "' is damaged, so the deltas built on it cannot be applied";
                return stop(db, fullFile, applied, skipped, file, problem, damage.get(file));
            }
            ParsedDelta delta;
            try {
                delta = DeltaFiles.read(io, file);
            } catch (CorruptFileException e) {
                return stop(db, fullFile, applied, skipped, file, e.getMessage(), e);
            }
            String gap = gap(delta, fullFile.getFileName().toString(), previous, fullSequence, sequence);
            if (gap != null) {
                return stop(db, fullFile, applied, skipped, file, gap,
                        new BackupChainException(file, "Broken backup chain at '" + file + "': " + gap + "."));
            }
            try {
                engine.write(txn -> {
                    // The restored database continues the numbering of the one backed up.
                    delta.chain().ifPresent(c -> txn.continueSequenceFrom(c.toSequence()));
                    return DeltaFiles.apply(txn, delta);
                });
            } catch (CorruptFileException e) {
                return stop(db, fullFile, applied, skipped, file, e.getMessage(), e);
            }
            applied.add(file);
            previous = file.getFileName().toString();
            sequence = delta.chain().map(DeltaFiles.Chain::toSequence).orElse(sequence);
        }
        LOG.atInfo().setMessage("Restored from backups").addKeyValue("file", fullFile)
                .addKeyValue("deltas", applied.size()).addKeyValue("sequence", sequence).log();
        return new RestoreResult(db, fullFile, applied, skipped, Optional.empty(), Optional.empty());
    }

    /** @return why a delta does not follow the restored state, or null when it does */
    private static String gap(ParsedDelta delta, String base, String previous, long fullSequence, long sequence) {
        Optional<DeltaFiles.Chain> chain = delta.chain();
        if (chain.isEmpty()) {
            return fullSequence < 0 ? null
                    : "it is a delta of the Python DictDB, which cannot be proven to follow the backup '" + previous
                    + "'";
        }
        DeltaFiles.Chain c = chain.get();
        if (!c.base().equals(base)) {
            return "it builds on the full backup '" + c.base() + "', not on '" + base + "'";
        }
        if (!c.previous().equals(previous) || c.fromSequence() != sequence) {
            return "it follows '" + c.previous() + "' at sequence " + c.fromSequence() + ", but the restored state is '"
                    + previous + "' at sequence " + sequence + " (a delta is missing in between)";
        }
        return null;
    }

    private RestoreResult stop(DictDB db, Path fullFile, List<Path> applied, List<Path> skipped, Path at,
                               String problem, DictDBException strictFailure) {
        if (strict) {
            throw strictFailure;
        }
        LOG.atWarn().setMessage("Restore stopped at the last good point").addKeyValue("file", at)
                .addKeyValue("problem", problem).log();
        return new RestoreResult(db, fullFile, applied, skipped, Optional.of(at), Optional.of(problem));
    }
}
