package dev.htmlescape;

import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.PriorityBlockingQueue;

/** Decides, once per class, whether and how the walker enters its instances. */
final class TypeClassifier {

    /**
     * Packages of frameworks whose objects hold framework state, not user input: entering them could
     * reach half the application context. Their collections and maps (Spring's
     * {@code LinkedMultiValueMap} of form fields, say) are walked as containers all the same.
     */
    private static final List<String> FRAMEWORK_PACKAGES = List.of(
            "org.springframework.", "com.fasterxml.jackson.", "tools.jackson.",
            "net.bytebuddy.", "javassist.", "org.aopalliance.", "jakarta.", "javax.", "kotlin.",
            "scala.", "groovy.", "org.slf4j.", "ch.qos.logback.", "org.apache.logging.", "reactor.",
            "io.micrometer.");

    /**
     * Packages of persistence providers: their collections load lazily from the database, so not
     * even those are entered.
     */
    private static final List<String> PERSISTENCE_PACKAGES = List.of(
            "org.hibernate.", "org.eclipse.persistence.", "org.apache.openjpa.");

    /** Packages of the JDK: never entered, except for the containers below. */
    private static final List<String> JDK_PACKAGES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** JDK containers that own their storage, so clearing and refilling them loses nothing. */
    private static final Set<String> OWNING_JDK_CONTAINERS = Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.Vector", "java.util.Stack",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ArrayDeque", "java.util.PriorityQueue",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Hashtable",
            "java.util.Properties", "java.util.IdentityHashMap", "java.util.WeakHashMap",
            "java.util.EnumMap",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentSkipListMap",
            "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentLinkedDeque", "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.ArrayBlockingQueue",
            "java.util.concurrent.PriorityBlockingQueue", "java.util.concurrent.LinkedTransferQueue",
            "java.util.concurrent.DelayQueue");

    /** JDK wrappers and collections backed by a map: they own no storage of their own. */
    private static final Set<String> WRAPPING_JDK_CONTAINERS = Set.of(
            "java.util.Collections$SynchronizedCollection", "java.util.Collections$SynchronizedList",
            "java.util.Collections$SynchronizedRandomAccessList", "java.util.Collections$SynchronizedSet",
            "java.util.Collections$SynchronizedSortedSet",
            "java.util.Collections$SynchronizedNavigableSet", "java.util.Collections$SynchronizedMap",
            "java.util.Collections$SynchronizedSortedMap",
            "java.util.Collections$SynchronizedNavigableMap",
            "java.util.Collections$CheckedCollection", "java.util.Collections$CheckedList",
            "java.util.Collections$CheckedRandomAccessList", "java.util.Collections$CheckedSet",
            "java.util.Collections$CheckedSortedSet", "java.util.Collections$CheckedNavigableSet",
            "java.util.Collections$CheckedQueue", "java.util.Collections$CheckedMap",
            "java.util.Collections$CheckedSortedMap", "java.util.Collections$CheckedNavigableMap",
            "java.util.Collections$SetFromMap");

    /** JDK containers that can be written element by element but not refilled. */
    private static final Set<String> WRITE_ONLY_JDK_CONTAINERS = Set.of(
            "java.util.Arrays$ArrayList", "java.util.Collections$AsLIFOQueue",
            "java.util.ArrayList$SubList", "java.util.AbstractList$SubList",
            "java.util.AbstractList$RandomAccessSubList",
            "java.util.concurrent.CopyOnWriteArrayList$COWSubList");

    private TypeClassifier() {
    }

    static NodeKind kindOf(Class<?> type) {
        if (type == String.class) {
            return NodeKind.STRING;
        }
        if (type.isPrimitive()) {
            return NodeKind.OPAQUE;
        }
        if (type.isArray()) {
            return type.getComponentType().isPrimitive() ? NodeKind.OPAQUE : NodeKind.ARRAY;
        }
        if (type == Optional.class) {
            return NodeKind.OPTIONAL;
        }
        if (isOpaque(type)) {
            return NodeKind.OPAQUE;
        }
        if (Map.class.isAssignableFrom(type)) {
            return NodeKind.MAP;
        }
        if (List.class.isAssignableFrom(type)) {
            return NodeKind.LIST;
        }
        if (Set.class.isAssignableFrom(type)) {
            return NodeKind.SET;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return NodeKind.COLLECTION;
        }
        if (isLibrary(type)) {
            return NodeKind.OPAQUE;
        }
        return type.isRecord() ? NodeKind.RECORD : NodeKind.BEAN;
    }

    /**
     * Whether a value of a field declared as {@code type} can never be entered, whatever its runtime
     * class: lets the plan drop such fields once instead of looking at them on every call.
     */
    static boolean neverEntered(Class<?> declaredType) {
        if (declaredType.isPrimitive() || declaredType.isEnum()) {
            return true;
        }
        if (declaredType.isArray()) {
            return neverEntered(declaredType.getComponentType());
        }
        return Modifier.isFinal(declaredType.getModifiers()) && kindOf(declaredType) == NodeKind.OPAQUE;
    }

    /** How a container class is written back; see {@link #modeOf(Object, ContainerMode)}. */
    static ContainerMode containerMode(Class<?> type) {
        if (!isJdk(type)) {
            return ContainerMode.REFILL_AFTER_PROBE;
        }
        String name = type.getName();
        if (OWNING_JDK_CONTAINERS.contains(name)) {
            return ContainerMode.REFILL_IN_PLACE;
        }
        if (WRAPPING_JDK_CONTAINERS.contains(name)) {
            return ContainerMode.REFILL_AFTER_PROBE;
        }
        return WRITE_ONLY_JDK_CONTAINERS.contains(name) ? ContainerMode.WRITE_ONLY
                : ContainerMode.UNMODIFIABLE_COPY;
    }

    /**
     * The mode of one container, where its class alone does not tell: a key set of a
     * {@code ConcurrentHashMap} owns its map only when it was made by {@code newKeySet()}, with
     * every value the default it adds; any other key set is a view of a map with values of its own.
     */
    static ContainerMode modeOf(Object container, ContainerMode classMode) {
        if (!(container instanceof ConcurrentHashMap.KeySetView)) {
            return classMode;
        }
        ConcurrentHashMap.KeySetView<?, ?> keys = (ConcurrentHashMap.KeySetView<?, ?>) container;
        Object added = keys.getMappedValue();
        if (added == null) {
            return ContainerMode.UNMODIFIABLE_COPY;
        }
        for (Object value : keys.getMap().values()) {
            if (!added.equals(value)) {
                return ContainerMode.UNMODIFIABLE_COPY;
            }
        }
        return ContainerMode.REFILL_IN_PLACE;
    }

    /** See {@link ClassPlan#contentPlaced}. */
    static boolean isContentPlaced(Class<?> type) {
        return Set.class.isAssignableFrom(type) || PriorityQueue.class.isAssignableFrom(type)
                || PriorityBlockingQueue.class.isAssignableFrom(type)
                || DelayQueue.class.isAssignableFrom(type);
    }

    /** Whether a class belongs to the JDK or a framework rather than to the application. */
    static boolean isLibrary(Class<?> type) {
        return isJdk(type) || startsWithAny(type.getName(), FRAMEWORK_PACKAGES);
    }

    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader()
                || startsWithAny(type.getName(), JDK_PACKAGES);
    }

    private static boolean isOpaque(Class<?> type) {
        if (type.isAnnotationPresent(NoEscape.class)) {
            return true;
        }
        if (Enum.class.isAssignableFrom(type) || type.isAnnotation() || type.isHidden()
                || type.isSynthetic() || Proxy.isProxyClass(type)) {
            return true;
        }
        String name = type.getName();
        // CGLIB, ByteBuddy and Hibernate proxies: subclasses generated at run time around real objects
        if (name.contains("$$") || name.contains("$HibernateProxy$") || name.contains("$ByteBuddy$")) {
            return true;
        }
        return !isJdk(type) && startsWithAny(name, PERSISTENCE_PACKAGES);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
