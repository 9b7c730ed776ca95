package dev.htmlescape;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Escapes the String keys of one map in place, in its order, and nothing else: what {@code
 * AdapterSupport.escapeKeys} does for adapters that escaped the values as they read them. Keys that
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
        int size = entries.size();
        Object[] originalKeys = new Object[size];
        Object[] keys = new Object[size];
        Object[] values = new Object[size];
        Set<Object> seen = new HashSet<>();
        int i = 0;
        for (Map.Entry<Object, Object> entry : entries.entrySet()) {
            originalKeys[i] = entry.getKey();
            keys[i] = escapedKey(entry.getKey(), context, keep);
            values[i] = entry.getValue();
            if (!seen.add(keys[i])) {
                throw new EscapeException("", "escaping made two keys of this map equal: both became "
                        + Messages.describe(keys[i]) + ", and the map would lose an entry", null);
            }
            i++;
        }
        Refill.Failure failure = Refill.map(entries, keys, values, originalKeys, values);
        if (failure != null) {
            throw new EscapeException("", failure.problem(), failure.cause());
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
}
