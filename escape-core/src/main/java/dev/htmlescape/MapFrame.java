package dev.htmlescape;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A map: keys (unless the policy leaves them) and values. Slot {@code 2i} is the key of the i-th
 * entry, slot {@code 2i+1} its value. Changed values are written through the entries; a map whose
 * keys changed is refilled from a map of the same kind, so lookups see the escaped keys, in place or
 * as a copy as its {@link ContainerMode} allows. A key collision is an error, never a lost entry.
 */
final class MapFrame extends Frame {

    static final int POOL = 5;

    private ClassPlan.Container plan;
    private ContainerMode mode;
    /** The number of entries; the snapshot holds the keys, then the values. */
    private int size;
    private boolean escapeKeys;
    /** Keys and values after escaping; allocated on the first replacement. */
    private Object[] newKeys;
    private Object[] newValues;
    private boolean keyContentChanged;
    /** A key is an object that was still being escaped when this map reached it. */
    private boolean keyReachedUnfinished;
    /** The map this frame made, when it made a copy; refilled again at the end if needed. */
    private Map<Object, Object> copy;

    MapFrame(FullWalk walk) {
        super(walk, POOL);
    }

    @Override
    void read(ClassPlan containerPlan) {
        plan = (ClassPlan.Container) containerPlan;
        mode = plan.mode;
        escapeKeys = walk.policy.escapeMapKeys();
        newKeys = null;
        newValues = null;
        keyContentChanged = false;
        keyReachedUnfinished = false;
        copy = null;
        Map<?, ?> map = (Map<?, ?>) node;
        size = GraphCode.size(map);
        reserveSnapshot(2 * size);
        int i = 0;
        for (Iterator<Map.Entry<Object, Object>> entries = GraphCode.entries(map); GraphCode.hasNext(entries); i++) {
            if (i == size) {
                throw changedWhileRead("grew");
            }
            Map.Entry<Object, Object> entry = GraphCode.next(entries);
            snapshot[base + i] = GraphCode.key(entry);
            snapshot[base + size + i] = GraphCode.value(entry);
        }
        if (i != size) {
            throw changedWhileRead("shrank");
        }
    }

    private EscapeException changedWhileRead(String how) {
        return error(-1, "the map " + how + " while it was read; " + Messages.CHANGED_WHILE_ESCAPED, null);
    }

    @Override
    void clear() {
        super.clear();
        plan = null;
        newKeys = null;
        newValues = null;
        copy = null;
    }

    private Object key(int index) {
        return snapshot[base + index];
    }

    private Object value(int index) {
        return snapshot[base + size + index];
    }

    private Object[] originalKeys() {
        return Arrays.copyOfRange(snapshot, base, base + size);
    }

    private Object[] originalValues() {
        return Arrays.copyOfRange(snapshot, base + size, base + 2 * size);
    }

    @Override
    Object next() {
        int end = size * 2;
        while (++slot < end) {
            boolean isKey = (slot & 1) == 0;
            Object value = isKey ? key(slot >> 1) : value(slot >> 1);
            if (value == null) {
                continue;
            }
            if (isKey && (!escapeKeys || plan.weakKeys)) {
                leaveKey(value);
                continue;
            }
            if (!isKey && key(slot >> 1) instanceof String name && walk.policy.secretNames().matches(name)) {
                // the value of a credential's key stays as typed, whatever it is
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
        if (plan.weakKeys && escapeKeys && walk.policy.strict() && key instanceof String
                && encode((String) key, context) != key) {
            throw error(slot, "a WeakHashMap key that needs escaping cannot be escaped: the escaped"
                    + " key would be referenced by nothing but the map, which could then drop the"
                    + " entry; use a HashMap or mark the field @NoEscape", null);
        }
        // an escaped key of a WeakHashMap would be held by nothing but the map, which could drop the
        // entry; a key object escaped in place through another path hashes differently now
        keyContentChanged |= !(key instanceof String) && walk.seen.mayHaveChanged(key);
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
    Object writeBack() {
        if (newKeys == null && newValues == null && !keyContentChanged) {
            return node;
        }
        changed = true;
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) node;
        boolean keysChanged = newKeys != null || keyContentChanged;
        Object[] escapedKeys = newKeys == null ? originalKeys() : newKeys;
        Object[] escapedValues = newValues == null ? originalValues() : newValues;
        if (mode == ContainerMode.REFILL_AFTER_PROBE) {
            if (keysChanged) {
                requireNoCollision(escapedKeys);
            }
            requireUnchangedSize(GraphCode.size(map));
            if (!probe(map, escapedKeys, escapedValues)) {
                // a map of another library or the application that refuses every write: copied
                mode = ContainerMode.UNMODIFIABLE_COPY;
            }
        }
        if (!keysChanged && mode != ContainerMode.UNMODIFIABLE_COPY) {
            replaceValues(map);
            return node;
        }
        Object written = node;
        switch (mode) {
            case REFILL_IN_PLACE:
                requireNoCollision(escapedKeys);
                requireUnchangedSize(GraphCode.size(map));
                refillInPlace(map, escapedKeys, escapedValues, originalKeys(), originalValues());
                break;
            case REFILL_AFTER_PROBE:
                // checked before the probe, which may have added the first escaped key
                refillInPlace(map, escapedKeys, escapedValues, originalKeys(), originalValues());
                break;
            case UNMODIFIABLE_COPY:
                copy = SameKindContainers.emptyMapLike((Map<?, ?>) node, size);
                for (int i = 0; i < size; i++) {
                    if (GraphCode.containsKey(copy, escapedKeys[i])) {
                        throw collision(i, escapedKeys);
                    }
                    GraphCode.put(copy, escapedKeys[i], escapedValues[i]);
                }
                written = inTheOriginalsType(plan, copy instanceof NavigableMap
                        ? Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) copy)
                        : Collections.unmodifiableMap(copy), "entries");
                break;
            default:
                throw new AssertionError("no write-only map: " + node.getClass().getName());
        }
        if (keyReachedUnfinished) {
            // a key is an object still being escaped further up: refill again once it is done
            walk.refillAtEnd(this);
        }
        return written;
    }

    /**
     * Writes changed values through the entries, which neither reorders an access-ordered
     * {@code LinkedHashMap} nor rehashes anything. An application's own map may hand out entries
     * that are copies, so its values are put.
     */
    private void replaceValues(Map<Object, Object> map) {
        requireUnchangedSize(GraphCode.size(map));
        boolean throughEntries = TypeClassifier.isJdk(node.getClass());
        int i = 0;
        try {
            if (!throughEntries) {
                for (; i < size; i++) {
                    if (newValues[i] != value(i)) {
                        GraphCode.put(map, key(i), newValues[i]);
                    }
                }
                return;
            }
            for (Iterator<Map.Entry<Object, Object>> entries = GraphCode.entries(map); GraphCode.hasNext(entries); i++) {
                Map.Entry<Object, Object> entry = GraphCode.next(entries);
                if (GraphCode.key(entry) != key(i)) {
                    throw error(-1, "the map changed while it was escaped; " + Messages.CHANGED_WHILE_ESCAPED, null);
                }
                if (newValues[i] != value(i)) {
                    setValue(map, entry, newValues[i]);
                }
            }
        } catch (GraphCodeFailure refused) {
            throw error(2 * i + 1, node.getClass().getName() + " refused an escaped value (" + refused.thrown()
                    + "); hold the entries in a HashMap or mark the field @NoEscape", refused.thrown());
        }
    }

    private static void setValue(Map<Object, Object> map, Map.Entry<Object, Object> entry, Object value) {
        try {
            GraphCode.setValue(entry, value);
        } catch (GraphCodeFailure snapshotEntry) {
            if (!(snapshotEntry.thrown() instanceof UnsupportedOperationException)) {
                throw snapshotEntry;
            }
            // entries of ConcurrentSkipListMap are snapshots; a put on a present key keeps the order
            GraphCode.put(map, GraphCode.key(entry), value);
        }
    }

    /** Fails before anything is changed when escaping made two keys equal, judged like the map judges them. */
    private void requireNoCollision(Object[] escapedKeys) {
        int collision = SameKindContainers.firstCollision(node, escapedKeys, this::key);
        if (collision >= 0) {
            throw collision(collision, escapedKeys);
        }
    }

    /**
     * Puts the first changed entry, escaped, so that a view that refuses additions is found before
     * clearing: whether the map took it. A put of a changed value alone writes that value as
     * {@link #replaceValues} would. One that refuses every write (an immutable map of another
     * library) is copied instead, unless it is a JDK wrapper, which may wrap a view; any other
     * refusal is an error.
     */
    private boolean probe(Map<Object, Object> map, Object[] escapedKeys, Object[] escapedValues) {
        int first = 0;
        while (first < size && escapedKeys[first] == key(first) && escapedValues[first] == value(first)) {
            first++;
        }
        if (first == size) {
            return true;
        }
        try {
            GraphCode.put(map, escapedKeys[first], escapedValues[first]);
            return true;
        } catch (GraphCodeFailure failed) {
            if (refusesEveryWrite(failed)) {
                return false;
            }
            throw probeRefused(failed.thrown());
        }
    }

    private EscapeException probeRefused(RuntimeException e) {
        return error(-1, node.getClass().getName() + " refused an escaped entry (" + e + ") and was"
                + " left as it was; hold the entries in a HashMap, LinkedHashMap or TreeMap,"
                + " leave map keys alone (Escaper.builder().escapeMapKeys(false)), or mark the"
                + " field @NoEscape", e);
    }

    private void refillInPlace(Map<Object, Object> target, Object[] keys, Object[] values,
            Object[] originalKeys, Object[] originalValues) {
        Refill.Failure failure = Refill.map(target, keys, values, originalKeys, originalValues);
        if (failure != null) {
            throw refillFailed(failure);
        }
    }

    @Override
    void refillAgain() {
        @SuppressWarnings("unchecked")
        Map<Object, Object> target = copy != null ? copy : (Map<Object, Object>) node;
        Object[] currentKeys = new Object[GraphCode.size(target)];
        Object[] currentValues = new Object[currentKeys.length];
        int i = 0;
        for (Iterator<Map.Entry<Object, Object>> entries = GraphCode.entries(target); GraphCode.hasNext(entries); i++) {
            Map.Entry<Object, Object> entry = GraphCode.next(entries);
            currentKeys[i] = GraphCode.key(entry);
            currentValues[i] = GraphCode.value(entry);
        }
        Map<Object, Object> seen = SameKindContainers.emptyMapLike((Map<?, ?>) node, currentKeys.length);
        for (i = 0; i < currentKeys.length; i++) {
            if (GraphCode.put(seen, currentKeys[i], Boolean.TRUE) != null) {
                throw error(-1, "escaping made two keys equal, both now "
                        + Messages.describe(currentKeys[i]) + "; the map would lose an entry", null);
            }
        }
        refillInPlace(target, currentKeys, currentValues, currentKeys, currentValues);
    }

    private EscapeException collision(int index, Object[] escapedKeys) {
        int earlier = SameKindContainers.equalEarlier(node, index, escapedKeys);
        return error(2 * index, "escaping made two keys equal, " + Messages.describe(key(earlier))
                + " and " + Messages.describe(key(index)) + " both became "
                + Messages.describe(escapedKeys[index]) + "; the map would lose an entry", null);
    }

    /**
     * Fails before the map is written if it no longer holds as many entries as were read: refilling
     * it would drop what was put meanwhile.
     */
    private void requireUnchangedSize(int now) {
        if (now != size) {
            throw error(-1, "the map changed size while it was escaped (" + size + " to " + now + "); "
                    + Messages.CHANGED_WHILE_ESCAPED, null);
        }
    }

    @Override
    String label(int slot) {
        Object key = key(slot >> 1);
        String name = key instanceof String ? Messages.describe(key) : "#" + (slot >> 1);
        return (slot & 1) == 0 ? "[key " + name + "]" : "[" + name + "]";
    }

    @Override
    boolean mayBeRebuilt() {
        return mode == ContainerMode.UNMODIFIABLE_COPY;
    }

    @Override
    void noteUnfinished(int slot) {
        keyReachedUnfinished |= (slot & 1) == 0;
    }

    @Override
    void writeLater(int slot, Object replacement) {
        if ((slot & 1) == 0 || mode == ContainerMode.UNMODIFIABLE_COPY) {
            super.writeLater(slot, replacement);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) node;
        Object key = newKeys == null ? key(slot >> 1) : newKeys[slot >> 1];
        try {
            for (Iterator<Map.Entry<Object, Object>> entries = GraphCode.entries(map); GraphCode.hasNext(entries); ) {
                Map.Entry<Object, Object> entry = GraphCode.next(entries);
                if (GraphCode.key(entry) == key) {
                    setValue(map, entry, replacement);
                    return;
                }
            }
            GraphCode.put(map, key, replacement);
        } catch (GraphCodeFailure refused) {
            throw error(slot, node.getClass().getName() + " refused the escaped copy (" + refused.thrown() + ")",
                    refused.thrown());
        }
    }

    private void replace(int slot, Object replacement) {
        int index = slot >> 1;
        if ((slot & 1) == 0) {
            if (newKeys == null) {
                newKeys = originalKeys();
            }
            newKeys[index] = replacement;
        } else {
            if (newValues == null) {
                newValues = originalValues();
            }
            newValues[index] = replacement;
        }
    }
}
