package dev.htmlescape;

import java.lang.reflect.Field;
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
     * Framework and runtime types whose objects are infrastructure, not user text, by the exact
     * name of a class or interface they extend or implement, with the reason the walker gives for
     * not entering them. Names, not classes: the core depends on none of these libraries. What
     * decides is what a class is; a class of the application is entered whatever its package.
     */
    private static final Map<String, String> INFRASTRUCTURE = Map.ofEntries(
            Map.entry("org.springframework.context.ApplicationContext", "a Spring application context"),
            Map.entry("org.springframework.beans.factory.BeanFactory", "a Spring bean factory"),
            Map.entry("org.springframework.core.env.Environment", "a Spring environment"),
            Map.entry("org.springframework.aop.SpringProxy", "a Spring AOP proxy"),
            Map.entry("org.springframework.aop.framework.Advised", "a Spring AOP proxy"),
            Map.entry("org.springframework.cglib.proxy.Factory", "a CGLIB proxy"),
            Map.entry("org.springframework.core.io.InputStreamSource", "a file or resource, binary content"),
            Map.entry("jakarta.servlet.ServletRequest", "a servlet request"),
            Map.entry("jakarta.servlet.ServletResponse", "a servlet response"),
            Map.entry("jakarta.servlet.ServletContext", "a servlet context"),
            Map.entry("jakarta.servlet.http.HttpSession", "an HTTP session"),
            Map.entry("jakarta.servlet.http.Part", "a part of a multipart request, binary content"),
            Map.entry("javax.servlet.ServletRequest", "a servlet request"),
            Map.entry("javax.servlet.ServletResponse", "a servlet response"),
            Map.entry("javax.servlet.ServletContext", "a servlet context"),
            Map.entry("javax.servlet.http.HttpSession", "an HTTP session"),
            Map.entry("jakarta.persistence.EntityManager", "a JPA entity manager"),
            Map.entry("jakarta.persistence.EntityManagerFactory", "a JPA entity manager factory"),
            Map.entry("javax.persistence.EntityManager", "a JPA entity manager"),
            Map.entry("org.hibernate.collection.spi.PersistentCollection",
                    "a Hibernate persistent collection, which would load lazily from the database"),
            Map.entry("org.hibernate.proxy.HibernateProxy",
                    "a Hibernate lazy proxy, which would load from the database"),
            Map.entry("org.hibernate.SharedSessionContract", "a Hibernate session"),
            Map.entry("org.hibernate.SessionFactory", "a Hibernate session factory"),
            Map.entry("org.eclipse.persistence.indirection.IndirectContainer",
                    "an EclipseLink lazy collection, which would load from the database"),
            Map.entry("org.eclipse.persistence.indirection.ValueHolderInterface",
                    "an EclipseLink lazy value, which would load from the database"),
            Map.entry("org.apache.openjpa.util.Proxy", "an OpenJPA proxy"),
            Map.entry("com.fasterxml.jackson.databind.JsonNode",
                    "a Jackson tree (read the JSON with escape-jackson2 to escape it)"),
            Map.entry("tools.jackson.databind.JsonNode",
                    "a Jackson tree (read the JSON with escape-jackson to escape it)"),
            Map.entry("com.fasterxml.jackson.databind.ObjectMapper", "a Jackson mapper"),
            Map.entry("tools.jackson.databind.ObjectMapper", "a Jackson mapper"),
            Map.entry("org.slf4j.Logger", "a logger"),
            Map.entry("org.apache.logging.log4j.Logger", "a logger"),
            Map.entry("org.apache.commons.logging.Log", "a logger"),
            Map.entry("io.micrometer.core.instrument.MeterRegistry", "a metrics registry"),
            Map.entry("io.micrometer.core.instrument.Meter", "a meter"),
            Map.entry("io.micrometer.observation.ObservationRegistry", "an observation registry"),
            Map.entry("org.reactivestreams.Publisher", "a reactive stream, whose values are not there yet"),
            Map.entry("kotlin.Lazy", "a Kotlin lazy value"),
            Map.entry("kotlin.jvm.internal.Lambda", "a Kotlin lambda"),
            Map.entry("groovy.lang.MetaClass", "a Groovy meta-class"),
            Map.entry("groovy.lang.Closure", "a Groovy closure"),
            Map.entry("javassist.util.proxy.ProxyObject", "a Javassist proxy"));

    /**
     * Infrastructure that is binary content, left alone by design and said so in the README (an
     * uploaded file and its name): declining it is not reported, or every upload form would fail
     * in strict mode.
     */
    private static final Set<String> BINARY_CONTENT = Set.of(
            "org.springframework.core.io.InputStreamSource", "jakarta.servlet.http.Part", "javax.servlet.http.Part");

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
        if (isJdk(type)) {
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
        // a declined class stays in the plan, so that meeting one is reported
        return Modifier.isFinal(declaredType.getModifiers()) && kindOf(declaredType) == NodeKind.OPAQUE
                && declineReason(declaredType) == null;
    }

    /** How a container class is written back; see {@link #modeOf(Object, ContainerMode)}. */
    static ContainerMode containerMode(Class<?> type) {
        if (!isJdk(type)) {
            return LibraryCopies.isImmutable(type) ? ContainerMode.UNMODIFIABLE_COPY : ContainerMode.REFILL_AFTER_PROBE;
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
            if (!GraphCode.equal(added, value)) {
                return ContainerMode.UNMODIFIABLE_COPY;
            }
        }
        return ContainerMode.REFILL_IN_PLACE;
    }

    /** See {@link ClassPlan.Container#contentPlaced}. */
    static boolean isContentPlaced(Class<?> type) {
        return Set.class.isAssignableFrom(type) || PriorityQueue.class.isAssignableFrom(type)
                || PriorityBlockingQueue.class.isAssignableFrom(type)
                || DelayQueue.class.isAssignableFrom(type);
    }

    /**
     * Whether a class belongs to the JDK: loaded by the boot or the platform class loader. Its
     * objects are values or internals, never entered; its containers are walked as containers.
     */
    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    /**
     * Why the walker does not enter instances of a class outside the JDK although they are objects
     * with state: framework infrastructure or a run-time proxy; or {@code null} for every other
     * class. (An application's subclass of {@code Thread} or {@code ClassLoader} is entered through
     * its own fields only, like any class whose superclass belongs to the JDK.)
     */
    static String declineReason(Class<?> type) {
        if (isJdk(type)) {
            return null;
        }
        if (Proxy.isProxyClass(type)) {
            return "a run-time proxy (java.lang.reflect.Proxy)";
        }
        String name = type.getName();
        // CGLIB, ByteBuddy and Hibernate proxies: subclasses generated at run time around real objects
        if (name.contains("$$") || name.contains("$HibernateProxy$") || name.contains("$ByteBuddy$")) {
            return "a run-time proxy (a generated subclass)";
        }
        return infrastructureReason(type);
    }

    /** The reason {@link #INFRASTRUCTURE} gives for the first of a class's supertypes it names. */
    private static String infrastructureReason(Class<?> type) {
        Class<?> named = supertypeNamed(type, INFRASTRUCTURE.keySet());
        return named == null ? null : INFRASTRUCTURE.get(named.getName());
    }

    /**
     * The first of {@code type} and its supertypes outside the JDK, classes and interfaces, whose
     * name is one of {@code names}; or {@code null}. How the core recognises other libraries' types
     * without depending on them.
     */
    static Class<?> supertypeNamed(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return c;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                Class<?> named = supertypeNamed(implemented, names);
                if (named != null) {
                    return named;
                }
            }
        }
        return null;
    }

    /**
     * Whether not entering a declined class is reported: it holds state that may be text (an
     * instance field of a reference type anywhere in its hierarchy) and is not binary content left
     * alone by design. A stateless proxy is not reported either.
     */
    static boolean reportsDecline(Class<?> type) {
        return holdsState(type) && supertypeNamed(type, BINARY_CONTENT) == null;
    }

    private static boolean holdsState(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOpaque(Class<?> type) {
        if (type.isAnnotationPresent(NoEscape.class)) {
            return true;
        }
        if (Enum.class.isAssignableFrom(type) || type.isAnnotation() || type.isHidden() || type.isSynthetic()
                || Proxy.isProxyClass(type)) {
            return true;
        }
        return declineReason(type) != null;
    }
}
