package dev.htmlescape;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way the walk calls code of the graph it escapes: a collection's or map's own methods,
 * the {@code hashCode}, {@code equals} and {@code compareTo} they call in turn, a record's
 * canonical constructor, a copy factory. What such code throws leaves here wrapped in a
 * {@link GraphCodeFailure}, and only that kind becomes an {@link EscapeException} with a path, or
 * makes the fast walk hand over to the full one. Anything else thrown inside the walk is a bug of
 * the walk and propagates as it is.
 *
 * <p>Each method is a plain call in a {@code try}: once inlined, the path without an exception
 * costs nothing more.
 */
final class GraphCode {

    private GraphCode() {
    }

    static int size(Collection<?> collection) {
        try {
            return collection.size();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static int size(Map<?, ?> map) {
        try {
            return map.size();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static Object get(List<?> list, int index) {
        try {
            return list.get(index);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static void set(List<Object> list, int index, Object element) {
        try {
            list.set(index, element);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static Object[] toArray(Collection<?> collection) {
        try {
            return collection.toArray();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static boolean add(Collection<Object> collection, Object element) {
        try {
            return collection.add(element);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static void addAll(Collection<Object> collection, Object[] elements) {
        try {
            collection.addAll(Arrays.asList(elements));
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static boolean contains(Set<Object> set, Object element) {
        try {
            return set.contains(element);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static void clear(Collection<?> collection) {
        try {
            collection.clear();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static void clear(Map<?, ?> map) {
        try {
            map.clear();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static Object put(Map<Object, Object> map, Object key, Object value) {
        try {
            return map.put(key, value);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static boolean containsKey(Map<Object, Object> map, Object key) {
        try {
            return map.containsKey(key);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static boolean equal(Object a, Object b) {
        try {
            return a.equals(b);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Iterator<Map.Entry<Object, Object>> entries(Map<?, ?> map) {
        try {
            return ((Map<Object, Object>) map).entrySet().iterator();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static <T> Iterator<T> iterator(Collection<T> collection) {
        try {
            return collection.iterator();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static ListIterator<Object> listIterator(List<Object> list) {
        try {
            return list.listIterator();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static boolean hasNext(Iterator<?> iterator) {
        try {
            return iterator.hasNext();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static <T> T next(Iterator<T> iterator) {
        try {
            return iterator.next();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static void set(ListIterator<Object> iterator, Object element) {
        try {
            iterator.set(element);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static Object key(Map.Entry<?, ?> entry) {
        try {
            return entry.getKey();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static Object value(Map.Entry<?, ?> entry) {
        try {
            return entry.getValue();
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    static void setValue(Map.Entry<Object, Object> entry, Object value) {
        try {
            entry.setValue(value);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }

    /** Calls a record's canonical constructor, spread to take an {@code Object[]}. */
    static Object construct(MethodHandle canonicalConstructor, Object[] components) {
        try {
            return (Object) canonicalConstructor.invokeExact(components);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        } catch (Error e) {
            throw e;
        } catch (Throwable checked) {
            // a constructor that throws a checked exception it does not declare (sneaky throws)
            throw new GraphCodeFailure(new IllegalStateException(checked));
        }
    }

    /** Makes a copy in a library's or the application's own type. */
    static Object copy(Function<Object, Object> copyOf, Object jdkCopy) {
        try {
            return copyOf.apply(jdkCopy);
        } catch (RuntimeException e) {
            throw new GraphCodeFailure(e);
        }
    }
}
