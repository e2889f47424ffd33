package io.dictdb.internal.storage;

import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A delta file read and verified but not yet applied. Its row sections are kept as token buffers because rows are
 * decoded with the schema of the table they go to, which is known only when the delta is applied.
 */
public final class ParsedDelta {
    private final Path file;
    private final DeltaFiles.Chain chain;
    private final TokenBuffer events;
    private final TokenBuffer tables;
    private final Map<String, Long> nextKeys;

    ParsedDelta(Path file, DeltaFiles.Chain chain, TokenBuffer events, TokenBuffer tables,
                Map<String, Long> nextKeys) {
        this.file = file;
        this.chain = chain;
        this.events = events;
        this.tables = tables;
        this.nextKeys = nextKeys;
    }

    /** @return the file it was read from */
    public Path file() {
        return file;
    }

    /** @return its place in a backup chain; empty for a delta of the Python DictDB */
    public Optional<DeltaFiles.Chain> chain() {
        return Optional.ofNullable(chain);
    }

    /** @return whether it is one of ours (checksummed, with chain, events and typed values) */
    public boolean ours() {
        return chain != null;
    }

    TokenBuffer events() {
        return events;
    }

    TokenBuffer tables() {
        return tables;
    }

    Map<String, Long> nextKeys() {
        return nextKeys;
    }
}
