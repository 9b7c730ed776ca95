package dev.htmlescape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Escapes the String keys of one map in place, in its order, and nothing else: what {@link
 * EscapeContext#escapeKeys} does for adapters that escaped the values as they read them. Keys that
 * escaping makes equal are an {@link EscapeException}, and the map is then as it was; no entry is
 * ever lost.
 */
final class KeyEscaper {

    private KeyEscaper() {
    }

    static <M extends Map<?, ?>> M escapeKeys(M map, EscapeContext context, Set<?> keep) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> entries = (Map<Object, Object>) map;
        if (!anyKeyChanges(entries, context, keep)) {
            return map; // the common, clean case: nothing allocated
        }
        List<Object> keys = new ArrayList<>(entries.size());
        List<Object> values = new ArrayList<>(entries.size());
        for (Map.Entry<Object, Object> entry : entries.entrySet()) {
            keys.add(escapedKey(entry.getKey(), context, keep));
            values.add(entry.getValue());
        }
        Set<Object> seen = new HashSet<>();
        for (Object key : keys) {
            if (!seen.add(key)) {
                throw new EscapeException("", "escaping made two keys of this map equal: both became "
                        + GraphWalker.describe(key) + ", and the map would lose an entry", null);
            }
        }
        List<Object> originalKeys = new ArrayList<>(entries.keySet());
        refill(entries, keys, values);
        if (entries.size() != keys.size()) {
            // the map judges keys equal that differ (a comparator ignoring case): put it back
            refill(entries, originalKeys, values);
            throw new EscapeException("", "escaping made two keys of this " + map.getClass().getName()
                    + " equal, and it would lose an entry", null);
        }
        return map;
    }

    private static boolean anyKeyChanges(Map<Object, Object> map, EscapeContext context, Set<?> keep) {
        for (Object key : map.keySet()) {
            if (escapedKey(key, context, keep) != key) {
                return true;
            }
        }
        return false;
    }

    private static Object escapedKey(Object key, EscapeContext context, Set<?> keep) {
        return key instanceof String && !keep.contains(key) ? context.encode((String) key) : key;
    }

    private static void refill(Map<Object, Object> map, List<Object> keys, List<Object> values) {
        map.clear();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
    }
}
