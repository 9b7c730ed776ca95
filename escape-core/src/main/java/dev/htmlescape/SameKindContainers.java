package dev.htmlescape;

import java.util.Collections;
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
import java.util.function.IntFunction;

/**
 * Empty containers that judge equality like a given set or map: the same comparator for sorted
 * ones, identity for identity maps, {@code equals} and insertion order otherwise; and, with them,
 * where escaping made two elements or keys one. What they call of the graph's elements (their
 * {@code hashCode}, {@code equals}, a comparator) goes through {@link GraphCode}.
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

    /** An empty set that judges elements as {@code like} judges its elements, or its keys if it is a map. */
    @SuppressWarnings("unchecked")
    private static Set<Object> emptyLike(Object like, int size) {
        if (like instanceof Map<?, ?> map) {
            return Collections.newSetFromMap((Map<Object, Boolean>) (Map<?, ?>) emptyMapLike(map, size));
        }
        return emptySetLike((Set<?>) like, size);
    }

    /**
     * The first of {@code escaped} that {@code like} would hold as one with an earlier one, where the
     * two originals were not already held as one; -1 if there is none. A container that held
     * replaced originals that look equal this way judges differently (it is backed by an identity
     * map), and its own size check after the refill decides.
     *
     * @param original the original of each escaped element or key, by index
     */
    static int firstCollision(Object like, Object[] escaped, IntFunction<Object> original) {
        Set<Object> seen = emptyLike(like, escaped.length);
        for (int i = 0; i < escaped.length; i++) {
            if (!GraphCode.add(seen, escaped[i])) {
                int earlier = equalEarlier(like, i, escaped);
                // replaced elements are immutable values whose originals are as they were
                boolean bothReplaced = escaped[earlier] != original.apply(earlier) && escaped[i] != original.apply(i);
                if (bothReplaced && same(like, original.apply(earlier), original.apply(i))) {
                    return -1;
                }
                return i;
            }
        }
        return -1;
    }

    /** The first of {@code escaped} before {@code index} that {@code like} would hold as one with it. */
    static int equalEarlier(Object like, int index, Object[] escaped) {
        int earlier = 0;
        while (earlier < index && !same(like, escaped[earlier], escaped[index])) {
            earlier++;
        }
        return earlier;
    }

    /** Whether {@code like} would hold {@code a} and {@code b} as one element or key. */
    private static boolean same(Object like, Object a, Object b) {
        Set<Object> probe = emptyLike(like, 1);
        GraphCode.add(probe, a);
        return !GraphCode.add(probe, b);
    }

    private static int capacityFor(int size) {
        return (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
    }
}
