package io.dictdb.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

import java.util.Objects;
import java.util.Set;

/**
 * How the meters of this module are named and tagged: a name prefix ({@code dictdb} by default) and the extra
 * tags the application gave, added to every meter. Shared by the binders of this module so that all of them
 * follow the same rules.
 *
 * @param prefix the first part of every meter name, e.g. {@code dictdb} for {@code dictdb.operations}
 * @param tags   the extra tags added to every meter
 */
record MeterNaming(String prefix, Tags tags) {
    /** The default name prefix. */
    static final String DEFAULT_PREFIX = "dictdb";

    /**
     * Checks the prefix.
     *
     * @throws IllegalArgumentException when the prefix is blank, starts or ends with a dot, or contains a blank
     */
    MeterNaming {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(tags, "tags");
        if (prefix.isBlank() || prefix.startsWith(".") || prefix.endsWith(".") || prefix.chars()
                .anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Meter name prefix must be non-empty words separated by dots, got '"
                    + prefix + "'.");
        }
    }

    /**
     * A meter name.
     *
     * @param suffix what follows the prefix, e.g. {@code operations}
     * @return {@code prefix.suffix}
     */
    String name(String suffix) {
        return prefix + "." + suffix;
    }

    /**
     * The tags of one meter: the extra tags and the meter's own.
     *
     * @param keysAndValues the meter's own tags as key, value, key, value …
     * @return all of its tags
     */
    Tags tags(String... keysAndValues) {
        return tags.and(keysAndValues);
    }

    /**
     * Checks extra tags against the tag keys a binder sets itself (a clash would silently replace one of them).
     *
     * @param extra    the application's tags
     * @param reserved the binder's own tag keys
     * @return the tags
     * @throws IllegalArgumentException when an extra tag uses a reserved key
     */
    static Tags checkExtraTags(Iterable<Tag> extra, Set<String> reserved) {
        Tags tags = Tags.of(Objects.requireNonNull(extra, "tags"));
        for (Tag tag : tags) {
            if (reserved.contains(tag.getKey())) {
                throw new IllegalArgumentException("Tag '" + tag.getKey() + "' is set by DictDB's meters; extra tags"
                        + " must not use the keys " + reserved + ".");
            }
        }
        return tags;
    }
}
