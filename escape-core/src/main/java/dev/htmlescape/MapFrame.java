package dev.htmlescape;

import java.util.Arrays;
import java.util.Collections;
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

    private ContainerMode mode;
    /** The number of entries; the snapshot holds the keys, then the values. */
    private int size;
    private boolean escapeKeys;
    /**
     * An escaped key of a {@code WeakHashMap} would be referenced by nothing but the map, so the
     * collector could drop its entry: such keys are left as they are.
     */
    private boolean weakKeys;
    /** Keys and values after escaping; allocated on the first replacement. */
    private Object[] newKeys;
    private Object[] newValues;
    private boolean keyContentChanged;
    /** A key is an object that was still being escaped when this map reached it. */
    private boolean keyReachedUnfinished;
    /** The map this frame made, when it made a copy; refilled again at the end if needed. */
    private Map<Object, Object> copy;

    MapFrame(GraphWalker walker) {
        super(walker, POOL);
    }

    @Override
    void begin(ClassPlan plan) {
        copyOf = plan.copyOf;
        mode = plan.containerMode;
        escapeKeys = walker.escapeMapKeys();
        weakKeys = plan.weakKeys;
        newKeys = null;
        newValues = null;
        keyContentChanged = false;
        keyReachedUnfinished = false;
        copy = null;
        Map<?, ?> map = (Map<?, ?>) node;
        size = map.size();
        reserveSnapshot(2 * size);
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (i == size) {
                throw changedWhileRead("grew");
            }
            snapshot[base + i] = entry.getKey();
            snapshot[base + size + i] = entry.getValue();
            i++;
        }
        if (i != size) {
            throw changedWhileRead("shrank");
        }
    }

    private EscapeException changedWhileRead(String how) {
        return error(-1, "the map " + how + " while it was read; " + GraphWalker.CHANGED_WHILE_ESCAPED, null);
    }

    @Override
    void clear() {
        super.clear();
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
            if (isKey && (!escapeKeys || weakKeys)) {
                leaveKey(value);
                continue;
            }
            if (!isKey && key(slot >> 1) instanceof String name && walker.isSecretName(name)) {
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
        Object[] escapedKeys = newKeys == null ? originalKeys() : newKeys;
        Object[] escapedValues = newValues == null ? originalValues() : newValues;
        if (mode == ContainerMode.REFILL_AFTER_PROBE) {
            if (keysChanged) {
                requireNoCollision(escapedKeys);
            }
            requireUnchangedSize(map.size());
            if (!probe(map, escapedKeys, escapedValues)) {
                // a map of another library or the application that refuses every write: copied
                mode = ContainerMode.UNMODIFIABLE_COPY;
            }
        }
        if (!keysChanged && mode != ContainerMode.UNMODIFIABLE_COPY) {
            replaceValues(map);
            return;
        }
        switch (mode) {
            case REFILL_IN_PLACE:
                requireNoCollision(escapedKeys);
                requireUnchangedSize(map.size());
                refillInPlace(map, escapedKeys, escapedValues, originalKeys(), originalValues());
                break;
            case REFILL_AFTER_PROBE:
                // checked before the probe, which may have added the first escaped key
                refillInPlace(map, escapedKeys, escapedValues, originalKeys(), originalValues());
                break;
            case UNMODIFIABLE_COPY:
                copy = SameKindContainers.emptyMapLike((Map<?, ?>) node, size);
                for (int i = 0; i < size; i++) {
                    if (copy.containsKey(escapedKeys[i])) {
                        throw collision(i, escapedKeys);
                    }
                    copy.put(escapedKeys[i], escapedValues[i]);
                }
                result = inTheOriginalsType(copy instanceof NavigableMap
                        ? Collections.unmodifiableNavigableMap((NavigableMap<Object, Object>) copy)
                        : Collections.unmodifiableMap(copy), "entries");
                break;
            default:
                throw new AssertionError("no write-only map: " + node.getClass().getName());
        }
        if (keyReachedUnfinished) {
            // a key is an object still being escaped further up: refill again once it is done
            walker.refillAtEnd(this);
        }
    }

    /**
     * Writes changed values through the entries, which neither reorders an access-ordered
     * {@code LinkedHashMap} nor rehashes anything. An application's own map may hand out entries
     * that are copies, so its values are put.
     */
    private void replaceValues(Map<Object, Object> map) {
        requireUnchangedSize(map.size());
        boolean throughEntries = TypeClassifier.isJdk(node.getClass());
        int i = 0;
        try {
            if (!throughEntries) {
                for (; i < size; i++) {
                    if (newValues[i] != value(i)) {
                        map.put(key(i), newValues[i]);
                    }
                }
                return;
            }
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                if (entry.getKey() != key(i)) {
                    throw error(-1, "the map changed while it was escaped; "
                            + GraphWalker.CHANGED_WHILE_ESCAPED, null);
                }
                if (newValues[i] != value(i)) {
                    setValue(map, entry, newValues[i]);
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

    private static void setValue(Map<Object, Object> map, Map.Entry<Object, Object> entry, Object value) {
        try {
            entry.setValue(value);
        } catch (UnsupportedOperationException e) {
            // entries of ConcurrentSkipListMap are snapshots; a put on a present key keeps the order
            map.put(entry.getKey(), value);
        }
    }

    /**
     * Fails before anything is changed when escaping made two keys equal, judged like the map
     * judges them. A map that held unchanged keys that look equal that way judges differently (a
     * wrapped identity map), and its own size check after the refill decides.
     */
    private void requireNoCollision(Object[] escapedKeys) {
        Map<Object, Object> seen = SameKindContainers.emptyMapLike((Map<?, ?>) node, size);
        for (int i = 0; i < size; i++) {
            if (seen.containsKey(escapedKeys[i])) {
                int earlier = equalEarlier(i, escapedKeys);
                boolean bothReplaced = escapedKeys[earlier] != key(earlier) && escapedKeys[i] != key(i);
                if (bothReplaced && SameKindContainers.sameKey((Map<?, ?>) node, key(earlier), key(i))) {
                    return;
                }
                throw collision(i, escapedKeys);
            }
            seen.put(escapedKeys[i], Boolean.TRUE);
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
            map.put(escapedKeys[first], escapedValues[first]);
            return true;
        } catch (UnsupportedOperationException refused) {
            if (TypeClassifier.isJdk(node.getClass()) || heldAsItself) {
                // a JDK wrapper of a view: copying it would cut it off from what it views; or a
                // cycle holds the map itself
                throw probeRefused(refused);
            }
            return false;
        } catch (RuntimeException e) {
            throw probeRefused(e);
        }
    }

    private EscapeException probeRefused(RuntimeException e) {
        return error(-1, node.getClass().getName() + " refused an escaped entry (" + e + ") and was"
                + " left as it was; hold the entries in a HashMap, LinkedHashMap or TreeMap,"
                + " leave map keys alone (Escaper.builder().escapeMapKeys(false)), or mark the"
                + " field @NoEscape", e);
    }

    /**
     * Clears {@code target} and puts the entries in order. If that fails, or the target then holds
     * fewer entries than it should (it judged two keys equal), the original entries are put back and
     * the failure is an {@link EscapeException}.
     */
    private void refillInPlace(Map<Object, Object> target, Object[] newKeys, Object[] newValues,
            Object[] originalKeys, Object[] originalValues) {
        String problem;
        Throwable cause = null;
        try {
            target.clear();
            for (int i = 0; i < newKeys.length; i++) {
                target.put(newKeys[i], newValues[i]);
            }
            if (target.size() == newKeys.length) {
                return;
            }
            problem = "escaping made keys equal that " + node.getClass().getName() + " held apart,"
                    + " and it would have lost " + (newKeys.length - target.size()) + " entries";
        } catch (RuntimeException | StackOverflowError e) {
            // a StackOverflowError too: a hashCode or compareTo of the graph overflowing the stack
            // after the clear must not leave the map empty
            problem = node.getClass().getName() + " refused an escaped entry (" + e + ")";
            cause = e;
        }
        String restored;
        try {
            target.clear();
            for (int i = 0; i < originalKeys.length; i++) {
                target.put(originalKeys[i], originalValues[i]);
            }
            restored = target.size() == originalKeys.length ? "its entries were put back unescaped"
                    : "putting its entries back kept only " + target.size() + " of " + originalKeys.length;
        } catch (RuntimeException again) {
            restored = "putting its entries back failed too (" + again + ")";
        }
        throw error(-1, problem + "; " + restored, cause);
    }

    @Override
    void refillAgain() {
        @SuppressWarnings("unchecked")
        Map<Object, Object> target = copy != null ? copy : (Map<Object, Object>) node;
        Object[] currentKeys = new Object[target.size()];
        Object[] currentValues = new Object[currentKeys.length];
        int i = 0;
        for (Map.Entry<Object, Object> entry : target.entrySet()) {
            currentKeys[i] = entry.getKey();
            currentValues[i] = entry.getValue();
            i++;
        }
        Map<Object, Object> seen = SameKindContainers.emptyMapLike((Map<?, ?>) node, currentKeys.length);
        for (i = 0; i < currentKeys.length; i++) {
            if (seen.put(currentKeys[i], Boolean.TRUE) != null) {
                throw error(-1, "escaping made two keys equal, both now "
                        + GraphWalker.describe(currentKeys[i]) + "; the map would lose an entry", null);
            }
        }
        refillInPlace(target, currentKeys, currentValues, currentKeys, currentValues);
    }

    /** The first escaped key before {@code index} that the map would call equal to it. */
    private int equalEarlier(int index, Object[] escapedKeys) {
        int earlier = 0;
        while (earlier < index
                && !SameKindContainers.sameKey((Map<?, ?>) node, escapedKeys[earlier], escapedKeys[index])) {
            earlier++;
        }
        return earlier;
    }

    private EscapeException collision(int index, Object[] escapedKeys) {
        int earlier = equalEarlier(index, escapedKeys);
        return error(2 * index, "escaping made two keys equal, " + GraphWalker.describe(key(earlier))
                + " and " + GraphWalker.describe(key(index)) + " both became "
                + GraphWalker.describe(escapedKeys[index]) + "; the map would lose an entry", null);
    }

    /**
     * Fails before the map is written if it no longer holds as many entries as were read: refilling
     * it would drop what was put meanwhile.
     */
    private void requireUnchangedSize(int now) {
        if (now != size) {
            throw error(-1, "the map changed size while it was escaped (" + size + " to " + now + "); "
                    + GraphWalker.CHANGED_WHILE_ESCAPED, null);
        }
    }

    @Override
    String label(int slot) {
        Object key = key(slot >> 1);
        String name = key instanceof String ? GraphWalker.describe(key) : "#" + (slot >> 1);
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
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                if (entry.getKey() == key) {
                    setValue(map, entry, replacement);
                    return;
                }
            }
            map.put(key, replacement);
        } catch (RuntimeException e) {
            throw error(slot, node.getClass().getName() + " refused the escaped copy (" + e + ")", e);
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
