package dev.htmlescape;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A map: keys (unless the policy leaves them) and values. Slot {@code 2i} is the key of the i-th
 * entry, slot {@code 2i+1} its value. A map whose keys changed is refilled from a map of the same
 * kind, so lookups see the escaped keys; a key collision is an error, never a lost entry.
 */
final class MapFrame extends Frame {

    private final ClassPlan plan;
    private final Object[] keys;
    private final Object[] values;
    private final boolean escapeKeys;
    /** Keys and values after escaping; allocated on the first replacement. */
    private Object[] newKeys;
    private Object[] newValues;
    private boolean keyContentChanged;

    MapFrame(GraphWalker walker, Object node, ClassPlan plan, Frame parent, int slotInParent,
            EscapeContext context, boolean escapeKeys) {
        super(walker, node, parent, slotInParent, context);
        this.plan = plan;
        this.escapeKeys = escapeKeys;
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
            if (isKey && !escapeKeys) {
                continue;
            }
            Object value = isKey ? keys[slot >> 1] : values[slot >> 1];
            if (value == null) {
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
        try {
            if (plan.mutable && newKeys == null && !keyContentChanged) {
                replaceValues(map);
                return;
            }
            Map<Object, Object> rebuilt = rebuild();
            if (plan.mutable) {
                requireUnchangedSize(map.size());
                map.clear();
                map.putAll(rebuilt);
            } else {
                result = rebuilt instanceof NavigableMap
                        ? Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) rebuilt)
                        : Collections.unmodifiableMap(rebuilt);
            }
        } catch (UnsupportedOperationException e) {
            throw error(-1, node.getClass().getName() + " cannot be changed in place; hold the"
                    + " entries in a standard JDK map", e);
        }
    }

    /**
     * Writes changed values through the entries, which neither reorders an access-ordered
     * {@code LinkedHashMap} nor rehashes anything.
     */
    private void replaceValues(Map<Object, Object> map) {
        requireUnchangedSize(map.size());
        int i = 0;
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            if (entry.getKey() != keys[i]) {
                throw error(-1, "the map changed while it was escaped; do not change a graph from"
                        + " another thread while escaping it", null);
            }
            if (newValues[i] != values[i]) {
                try {
                    entry.setValue(newValues[i]);
                } catch (UnsupportedOperationException e) {
                    // entries of ConcurrentSkipListMap are snapshots; a put on a present key keeps order
                    map.put(keys[i], newValues[i]);
                }
            }
            i++;
        }
    }

    private Map<Object, Object> rebuild() {
        Object[] escapedKeys = newKeys == null ? keys : newKeys;
        Object[] escapedValues = newValues == null ? values : newValues;
        Map<Object, Object> rebuilt = SameKindContainers.emptyMapLike((Map<?, ?>) node, keys.length);
        for (int i = 0; i < keys.length; i++) {
            if (rebuilt.containsKey(escapedKeys[i])) {
                int earlier = 0;
                while (!SameKindContainers.sameKey((Map<?, ?>) node, escapedKeys[earlier], escapedKeys[i])) {
                    earlier++;
                }
                throw error(2 * i, "escaping made two keys equal, " + GraphWalker.describe(keys[earlier])
                        + " and " + GraphWalker.describe(keys[i]) + " both became "
                        + GraphWalker.describe(escapedKeys[i]) + "; the map would lose an entry", null);
            }
            rebuilt.put(escapedKeys[i], escapedValues[i]);
        }
        return rebuilt;
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
        return !plan.mutable;
    }

    @Override
    void writeLater(int slot, Object replacement) {
        if (!plan.mutable || (slot & 1) == 0) {
            super.writeLater(slot, replacement);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) node;
        Object[] currentKeys = newKeys == null ? keys : newKeys;
        map.put(currentKeys[slot >> 1], replacement);
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
