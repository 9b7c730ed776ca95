package dev.htmlescape;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Copies of other libraries' immutable collections in their own type, so that a copy fits
 * wherever the original did, a field declared {@code ImmutableList<String>} included. Guava's are
 * built in, found by name on the class path: the core does not depend on Guava. Where no factory
 * is known, the walk's unmodifiable JDK copy is the copy.
 *
 * <p>The factory of each runtime class is looked up once.
 */
final class LibraryCopies {

    /** A static factory of a library type, taking the JDK copy's contents. */
    private record Factory(String typeName, String method, Class<?> parameter) {
    }

    /** Most specific first: a sorted set is a set too, and must stay sorted by its comparator. */
    private static final List<Factory> FACTORIES = List.of(
            new Factory("com.google.common.collect.ImmutableSortedSet", "copyOfSorted", SortedSet.class),
            new Factory("com.google.common.collect.ImmutableSortedMap", "copyOfSorted", SortedMap.class),
            new Factory("com.google.common.collect.ImmutableBiMap", "copyOf", Map.class),
            new Factory("com.google.common.collect.ImmutableList", "copyOf", Collection.class),
            new Factory("com.google.common.collect.ImmutableSet", "copyOf", Collection.class),
            new Factory("com.google.common.collect.ImmutableMap", "copyOf", Map.class));

    /** The supertypes whose every instance refuses writes: copied, never written. */
    private static final Set<String> IMMUTABLE_TYPES = Set.of(
            "com.google.common.collect.ImmutableCollection", "com.google.common.collect.ImmutableMap");

    private static final ClassValue<Method> FACTORY_OF = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Factory factory : FACTORIES) {
                Class<?> declaring = TypeClassifier.supertypeNamed(type, Set.of(factory.typeName()));
                if (declaring != null) {
                    try {
                        return declaring.getMethod(factory.method(), factory.parameter());
                    } catch (NoSuchMethodException e) {
                        return null; // a version of the library without that factory: the JDK copy serves
                    }
                }
            }
            return null;
        }
    };

    private LibraryCopies() {
    }

    /** Whether every instance of {@code type} refuses writes, as another library documents it. */
    static boolean isImmutable(Class<?> type) {
        return TypeClassifier.supertypeNamed(type, IMMUTABLE_TYPES) != null;
    }

    /**
     * How to copy an instance of {@code type} in its own type from the escaped contents, an
     * unmodifiable JDK container in the original's order (sorted by its comparator where it is
     * sorted); or {@code null} where no factory is known and the JDK container is the copy. What
     * the factory throws (a {@code BiMap} given two equal values, say) is thrown as it is, for the
     * caller to report with its path.
     */
    static Function<Object, Object> factoryFor(Class<?> type) {
        Method factory = FACTORY_OF.get(type);
        if (factory == null) {
            return null;
        }
        return jdkCopy -> {
            try {
                return factory.invoke(null, jdkCopy);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException refused) {
                    throw refused;
                }
                throw new IllegalStateException(factory + " failed", e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(factory + " is not accessible", e);
            }
        };
    }
}
