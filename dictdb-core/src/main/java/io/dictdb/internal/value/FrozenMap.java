package io.dictdb.internal.value;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * An immutable, insertion-ordered map from field names to normalised values, allowing null values. Stored rows use
 * it for nested maps.
 */
public final class FrozenMap extends AbstractMap<String, Object> {
    private final LinkedHashMap<String, Object> entries;

    FrozenMap(LinkedHashMap<String, Object> entries) {
        this.entries = entries;
    }

    @Override
    public Object get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(entries).entrySet();
    }
}
