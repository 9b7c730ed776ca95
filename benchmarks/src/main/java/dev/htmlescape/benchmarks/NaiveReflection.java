package dev.htmlescape.benchmarks;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.owasp.encoder.Encode;

/**
 * The first idea anyone has: a recursive walk with plain reflection that looks every class up
 * again on every call ({@code getDeclaredFields()}, {@code setAccessible(true)}, {@code
 * Field.get}/{@code set}). It is here for scale, to show what caching the class metadata and
 * resolving accessors once is worth.
 *
 * <p>It escapes String fields of the object and its superclasses, walks lists with {@code
 * ListIterator.set}, rebuilds maps, recurses into every other object outside {@code java.*},
 * and keeps an identity set of visited objects so shared references and cycles are handled. It
 * does nothing more: it cannot write records' fields, does not rebuild immutable collections, and
 * recurses as deep as the graph goes.
 */
final class NaiveReflection {

    private NaiveReflection() {
    }

    /**
     * Escapes every String reachable from {@code root} in place.
     *
     * @param root a mutable bean, list or map
     * @param <T> the root's type
     * @return {@code root}
     */
    static <T> T escape(T root) {
        enter(root, new IdentityHashMap<>());
        return root;
    }

    private static void enter(Object object, Map<Object, Boolean> visited) {
        if (object == null || visited.put(object, Boolean.TRUE) != null) {
            return;
        }
        if (object instanceof List<?> list) {
            escapeList(list, visited);
        } else if (object instanceof Map<?, ?> map) {
            escapeMap(map, visited);
        } else if (!isJdkClass(object.getClass())) {
            escapeFields(object, visited);
        }
    }

    private static void escapeFields(Object object, Map<Object, Boolean> visited) {
        for (Class<?> type = object.getClass(); !isJdkClass(type); type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    Object value = field.get(object);
                    if (value instanceof String text) {
                        field.set(object, Encode.forHtml(text));
                    } else {
                        enter(value, visited);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot write " + field, e);
                }
            }
        }
    }

    private static void escapeList(List<?> list, Map<Object, Boolean> visited) {
        @SuppressWarnings("unchecked") // puts back a String where it took one out
        ListIterator<Object> elements = (ListIterator<Object>) list.listIterator();
        while (elements.hasNext()) {
            Object element = elements.next();
            if (element instanceof String text) {
                elements.set(Encode.forHtml(text));
            } else {
                enter(element, visited);
            }
        }
    }

    /** Escaped keys hash elsewhere: collect the escaped entries, then refill the map. */
    private static void escapeMap(Map<?, ?> map, Map<Object, Boolean> visited) {
        Map<Object, Object> escaped = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            escaped.put(escaped(entry.getKey(), visited), escaped(entry.getValue(), visited));
        }
        @SuppressWarnings("unchecked") // puts back keys and values of the types it took out
        Map<Object, Object> target = (Map<Object, Object>) map;
        target.clear();
        target.putAll(escaped);
    }

    private static Object escaped(Object value, Map<Object, Boolean> visited) {
        if (value instanceof String text) {
            return Encode.forHtml(text);
        }
        enter(value, visited);
        return value;
    }

    /** {@code Object} itself, boxed primitives, {@code java.time} and the like: nothing to do. */
    private static boolean isJdkClass(Class<?> type) {
        return type == null || type.getName().startsWith("java.");
    }
}
