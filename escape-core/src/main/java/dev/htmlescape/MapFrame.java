package dev.htmlescape;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.WeakHashMap;

/**
 * A map: keys (unless the policy leaves them) and values. Slot {@code 2i} is the key of the i-th
 * entry, slot {@code 2i+1} its value. Changed values are written through the entries; a map whose
 * keys changed is refilled from a map of the same kind, so lookups see the escaped keys, in place or
 * as a copy as its {@link ContainerMode} allows. A key collision is an error, never a lost entry.
 */
final class MapFrame extends Frame {

    private final ContainerMode mode;
    private final Object[] keys;
    private final Object[] values;
    private final boolean escapeKeys;
    /**
     * An escaped key of a {@code WeakHashMap} would be referenced by nothing but the map, so the
     * collector could drop its entry: such keys are left as they are.
     */
    private final boolean weakKeys;
    /** Keys and values after escaping; allocated on the first replacement. */
    private Object[] newKeys;
    private Object[] newValues;
    private boolean keyContentChanged;

    MapFrame(GraphWalker walker, Object node, ClassPlan plan, Frame parent, int slotInParent,
            EscapeContext context, boolean escapeKeys) {
        super(walker, node, parent, slotInParent, context);
        this.mode = plan.containerMode;
        this.escapeKeys = escapeKeys;
        this.weakKeys = node instanceof WeakHashMap;
        Map<?, ?> map = (Map<?, ?>) node;
        int size = map.size();
        this.keys = new Object[size];
        this.values = new Object[size];
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (i == size) {
                throw error(-1, "the map grew while it was read; do not change a graph from another"
                        + " thread while escaping it", null);
            }
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
    }

    @Override
    Object next() {
        int end = keys.length * 2;
        while (++slot < end) {
            boolean isKey = (slot & 1) == 0;
            Object value = isKey ? keys[slot >> 1] : values[slot >> 1];
            if (value == null) {
                continue;
            }
            if (isKey && (!escapeKeys || weakKeys)) {
                leaveKey(value);
                continue;
            }
            if (value instanceof String) {
                String text = (String) value;
                String escaped = encode(text, context);
                if (escaped != text) {
                    replace(slot, escaped);
                }
                continue;
            }
            return value;
        }
        return null;
    }

    private void leaveKey(Object key) {
        if (weakKeys && escapeKeys && walker.strict() && key instanceof String
                && encode((String) key, context) != key) {
            throw error(slot, "a WeakHashMap key that needs escaping cannot be escaped: the escaped"
                    + " key would be referenced by nothing but the map, which could then drop the"
                    + " entry; use a HashMap or mark the field @NoEscape", null);
        }
        // a key object escaped in place through another path hashes differently now
        keyContentChanged |= !(key instanceof String) && walker.mayHaveChanged(key);
    }

    @Override
    void accept(int slot, Object original, Object replacement, boolean childChanged) {
        if ((slot & 1) == 0) {
            keyContentChanged |= childChanged;
        }
        changed |= childChanged;
        if (replacement != original) {
            replace(slot, replacement);
        }
    }

    @Override
    void finish() {
        result = node;
        if (newKeys == null && newValues == null && !keyContentChanged) {
            return;
        }
        changed = true;
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) node;
        boolean keysChanged = newKeys != null || keyContentChanged;
        if (!keysChanged && mode != ContainerMode.UNMODIFIABLE_COPY) {
            replaceValues(map);
            return;
        }
        Map<Object, Object> refilled = refilled();
        switch (mode) {
            case REFILL_IN_PLACE:
                requireUnchangedSize(map.size());
                refillInPlace(map, refilled);
                break;
            case REFILL_AFTER_PROBE:
                requireUnchangedSize(map.size());
                probe(map, refilled);
                refillInPlace(map, refilled);
                break;
            case UNMODIFIABLE_COPY:
                result = refilled instanceof NavigableMap
                        ? Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) refilled)
                        : Collections.unmodifiableMap(refilled);
                break;
            default:
                throw new AssertionError("no write-only map: " + node.getClass().getName());
        }
    }

    /** Puts one escaped entry, so that a view that refuses additions is found before clearing. */
    private void probe(Map<Object, Object> map, Map<Object, Object> refilled) {
        if (refilled.isEmpty()) {
            return;
        }
        Map.Entry<Object, Object> first = refilled.entrySet().iterator().next();
        try {
            map.put(first.getKey(), first.getValue());
        } catch (RuntimeException e) {
            throw error(-1, node.getClass().getName() + " refused an escaped entry (" + e + ") and was"
                    + " left as it was; hold the entries in a HashMap, LinkedHashMap or TreeMap,"
                    + " leave map keys alone (Escaper.builder().escapeMapKeys(false)), or mark the"
                    + " field @NoEscape", e);
        }
    }

    /**
     * Writes changed values through the entries, which neither reorders an access-ordered
     * {@code LinkedHashMap} nor rehashes anything.
     */
    private void replaceValues(Map<Object, Object> map) {
        requireUnchangedSize(map.size());
        int i = 0;
        try {
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                if (entry.getKey() != keys[i]) {
                    throw error(-1, "the map changed while it was escaped; do not change a graph"
                            + " from another thread while escaping it", null);
                }
                if (newValues[i] != values[i]) {
                    try {
                        entry.setValue(newValues[i]);
                    } catch (UnsupportedOperationException e) {
                        // entries of ConcurrentSkipListMap are snapshots; a put on a present key
                        // keeps the order
                        map.put(keys[i], newValues[i]);
                    }
                }
                i++;
            }
        } catch (EscapeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw error(2 * i + 1, node.getClass().getName() + " refused an escaped value (" + e
                    + "); hold the entries in a HashMap or mark the field @NoEscape", e);
        }
    }

    private Map<Object, Object> refilled() {
        Object[] escapedKeys = newKeys == null ? keys : newKeys;
        Object[] escapedValues = newValues == null ? values : newValues;
        Map<Object, Object> refilled = SameKindContainers.emptyMapLike((Map<?, ?>) node, keys.length);
        for (int i = 0; i < keys.length; i++) {
            if (refilled.containsKey(escapedKeys[i])) {
                int earlier = 0;
                while (!SameKindContainers.sameKey((Map<?, ?>) node, escapedKeys[earlier], escapedKeys[i])) {
                    earlier++;
                }
                throw error(2 * i, "escaping made two keys equal, " + GraphWalker.describe(keys[earlier])
                        + " and " + GraphWalker.describe(keys[i]) + " both became "
                        + GraphWalker.describe(escapedKeys[i]) + "; the map would lose an entry", null);
            }
            refilled.put(escapedKeys[i], escapedValues[i]);
        }
        return refilled;
    }

    private void refillInPlace(Map<Object, Object> map, Map<Object, Object> refilled) {
        try {
            map.clear();
            map.putAll(refilled);
        } catch (RuntimeException e) {
            String restored;
            try {
                map.clear();
                for (int i = 0; i < keys.length; i++) {
                    map.put(keys[i], values[i]);
                }
                restored = "its entries were put back unescaped";
            } catch (RuntimeException again) {
                restored = "putting its entries back failed too (" + again + ")";
            }
            throw error(-1, node.getClass().getName() + " refused an escaped entry (" + e + "); "
                    + restored, e);
        }
    }

    private void requireUnchangedSize(int size) {
        if (size != keys.length) {
            throw error(-1, "the map changed size while it was escaped (" + keys.length + " to " + size
                    + "); do not change a graph from another thread while escaping it", null);
        }
    }

    @Override
    String label(int slot) {
        Object key = keys[slot >> 1];
        String name = key instanceof String ? GraphWalker.describe(key) : "#" + (slot >> 1);
        return (slot & 1) == 0 ? "[key " + name + "]" : "[" + name + "]";
    }

    @Override
    boolean mayBeRebuilt() {
        return mode == ContainerMode.UNMODIFIABLE_COPY;
    }

    @Override
    void writeLater(int slot, Object replacement) {
        if ((slot & 1) == 0 || mode == ContainerMode.UNMODIFIABLE_COPY) {
            super.writeLater(slot, replacement);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) node;
        Object[] currentKeys = newKeys == null ? keys : newKeys;
        try {
            map.put(currentKeys[slot >> 1], replacement);
        } catch (RuntimeException e) {
            throw error(slot, node.getClass().getName() + " refused the escaped copy (" + e + ")", e);
        }
    }

    private void replace(int slot, Object replacement) {
        int index = slot >> 1;
        if ((slot & 1) == 0) {
            if (newKeys == null) {
                newKeys = keys.clone();
            }
            newKeys[index] = replacement;
        } else {
            if (newValues == null) {
                newValues = values.clone();
            }
            newValues[index] = replacement;
        }
    }
}
