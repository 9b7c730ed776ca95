package dev.htmlescape;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Empty containers that judge equality like a given one: the same comparator for sorted ones,
 * identity for identity maps, {@code equals} and insertion order otherwise.
 */
final class SameKindContainers {

    private SameKindContainers() {
    }

    @SuppressWarnings("unchecked")
    static Set<Object> emptySetLike(Set<?> original, int size) {
        if (original instanceof SortedSet) {
            return new TreeSet<>((Comparator<Object>) ((SortedSet<?>) original).comparator());
        }
        return new LinkedHashSet<>(capacityFor(size));
    }

    @SuppressWarnings("unchecked")
    static Map<Object, Object> emptyMapLike(Map<?, ?> original, int size) {
        if (original instanceof SortedMap) {
            return new TreeMap<>((Comparator<Object>) ((SortedMap<?, ?>) original).comparator());
        }
        if (original instanceof IdentityHashMap) {
            return new IdentityHashMap<>(size);
        }
        return new LinkedHashMap<>(capacityFor(size));
    }

    /** Whether {@code like} would hold {@code a} and {@code b} as one key. */
    static boolean sameKey(Map<?, ?> like, Object a, Object b) {
        Map<Object, Object> probe = emptyMapLike(like, 1);
        probe.put(a, Boolean.TRUE);
        return probe.containsKey(b);
    }

    /** Whether {@code like} would hold {@code a} and {@code b} as one element. */
    static boolean sameElement(Set<?> like, Object a, Object b) {
        Set<Object> probe = emptySetLike(like, 1);
        probe.add(a);
        return probe.contains(b);
    }

    private static int capacityFor(int size) {
        return (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
    }
}
