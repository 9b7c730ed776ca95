package dev.htmlescape;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import org.owasp.encoder.Encode;

/**
 * An oracle for any graph of test classes and JDK containers, sharing no code with the walker:
 * the multiset of the Strings in every slot the walker is documented to escape (fields of the
 * test's classes, record components, array slots, collection elements, map keys and values,
 * {@code Optional} contents), and of the size of every container.
 *
 * <p>{@link #expected} takes it before escaping, with each escapable String replaced by
 * {@code Encode.forHtml} of it; {@link #found} takes it after, as it is. They are equal exactly
 * when every String was escaped once, none twice, none skipped, and no element, entry or slot was
 * lost or added. {@code final} String fields of plain classes count as they are (the lenient
 * default leaves them; strict mode refuses the graph if one needed escaping), and map keys too when
 * the escaper leaves keys alone.
 *
 * <p>{@link #found} also checks that each container still works: every element of a set is found
 * in it, every key of a map finds its value, a sorted container is in order, a priority queue is a
 * heap.
 */
final class ReachableText {

    private final Map<String, Integer> counts = new HashMap<>();
    private final List<String> brokenContainers = new ArrayList<>();
    private final boolean escapeMapKeys;
    private final UnaryOperator<String> escapable;

    private ReachableText(boolean escapeMapKeys, UnaryOperator<String> escapable) {
        this.escapeMapKeys = escapeMapKeys;
        this.escapable = escapable;
    }

    /** What the walker must make of the graph: escapable Strings as {@code Encode.forHtml} makes them. */
    static Map<String, Integer> expected(Object root, boolean escapeMapKeys) {
        ReachableText text = new ReachableText(escapeMapKeys, Encode::forHtml);
        text.walk(root);
        return text.counts;
    }

    /**
     * What the graph holds, after escaping.
     *
     * @throws AssertionError if a container no longer finds its own elements or keys, or lost its order
     */
    static Map<String, Integer> found(Object root, boolean escapeMapKeys) {
        ReachableText text = new ReachableText(escapeMapKeys, UnaryOperator.identity());
        text.walk(root);
        if (!text.brokenContainers.isEmpty()) {
            throw new AssertionError("containers that no longer work: " + text.brokenContainers);
        }
        return text.counts;
    }

    private void walk(Object root) {
        Deque<Object> pending = new ArrayDeque<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        offer(root, true, pending, seen);
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof Object[] array) {
                count("array of " + array.length);
                for (Object element : array) {
                    offer(element, true, pending, seen);
                }
            } else if (node instanceof Map<?, ?> map) {
                count("map of " + map.size());
                checkLookups(map);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (escapeMapKeys) {
                        offer(entry.getKey(), true, pending, seen);
                    } else if (entry.getKey() instanceof String key) {
                        count("key " + key);
                    }
                    offer(entry.getValue(), true, pending, seen);
                }
            } else if (node instanceof Collection<?> collection) {
                count("collection of " + collection.size());
                checkLookups(collection);
                for (Object element : collection) {
                    offer(element, true, pending, seen);
                }
            } else if (node instanceof Optional<?> optional) {
                count("optional " + optional.isPresent());
                optional.ifPresent(value -> offer(value, true, pending, seen));
            } else if (node.getClass().isRecord()) {
                for (RecordComponent component : node.getClass().getRecordComponents()) {
                    offer(read(component, node), true, pending, seen);
                }
            } else {
                for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())) {
                            offer(read(field, node), !Modifier.isFinal(field.getModifiers()), pending, seen);
                        }
                    }
                }
            }
        }
    }

    private void offer(Object value, boolean writable, Deque<Object> pending, IdentityHashMap<Object, Boolean> seen) {
        if (value instanceof String text) {
            count("text " + (writable ? escapable.apply(text) : text));
        } else if (isEntered(value) && seen.put(value, Boolean.TRUE) == null) {
            pending.push(value);
        }
    }

    /** What the walker enters: arrays of references, collections, maps, optionals and the test's own classes. */
    private static boolean isEntered(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Object[] || value instanceof Collection || value instanceof Map || value instanceof Optional) {
            return true;
        }
        Class<?> type = value.getClass();
        return type.getName().startsWith("dev.htmlescape.") && !type.isEnum() && !type.isHidden() && !type.isSynthetic();
    }

    private void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private void checkLookups(Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!map.containsKey(entry.getKey()) || map.get(entry.getKey()) != entry.getValue()) {
                brokenContainers.add(describe(map) + " does not find key " + entry.getKey());
                return;
            }
        }
        if (map instanceof SortedMap<?, ?> sorted) {
            checkOrder(sorted.keySet(), sorted.comparator(), map);
        }
    }

    private void checkLookups(Collection<?> collection) {
        if (collection instanceof Set<?> set) {
            for (Object element : set) {
                if (!set.contains(element)) {
                    brokenContainers.add(describe(set) + " does not find element " + element);
                    return;
                }
            }
        }
        if (collection instanceof SortedSet<?> sorted) {
            checkOrder(sorted, sorted.comparator(), collection);
        }
        if (collection instanceof PriorityQueue<?> queue) {
            checkHeap(queue);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void checkOrder(Collection<?> keys, Comparator comparator, Object container) {
        Comparator<Object> order = comparator != null ? comparator : (Comparator) Comparator.naturalOrder();
        Object previous = null;
        boolean first = true;
        for (Object key : keys) {
            if (!first && order.compare(previous, key) >= 0) {
                brokenContainers.add(describe(container) + " is out of order at " + key);
                return;
            }
            previous = key;
            first = false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void checkHeap(PriorityQueue<?> queue) {
        // iteration follows the heap's array: each element is no greater than its children
        Object[] heap = queue.toArray();
        Comparator<Object> order = queue.comparator() != null ? (Comparator) queue.comparator()
                : (Comparator) Comparator.naturalOrder();
        for (int i = 0; i < heap.length; i++) {
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < heap.length; child++) {
                if (order.compare(heap[i], heap[child]) > 0) {
                    brokenContainers.add(describe(queue) + " is no longer a heap at " + heap[child]);
                    return;
                }
            }
        }
    }

    private static String describe(Object container) {
        return container.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(container));
    }

    private static Object read(Field field, Object holder) {
        try {
            field.setAccessible(true);
            return field.get(holder);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + field, e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + component, e);
        }
    }
}
