package dev.htmlescape;

import dev.htmlescape.GraphFixtures.Kind;
import dev.htmlescape.GraphFixtures.Value;
import java.util.AbstractCollection;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Hostile object graphs for the fuzz property of {@link GeneratedGraphProperties}: every kind of
 * container the JDK offers and the walker knows (and some it must leave alone), views sharing
 * storage, self-containing containers, cycles through records, deep chains and wide fans beyond
 * the limits, objects whose {@code hashCode}, comparator, iterator or constructor throw once
 * escaped text reaches them, containers that refuse writes, keys and elements that escape alike,
 * and {@code final} fields.
 *
 * <p>A {@link Plan} is plain data jqwik generates and shrinks; {@link #build} turns it into a graph.
 * What may happen to such a graph is only this: it is escaped, and then {@link ReachableText}
 * finds each String escaped exactly once and every container's lookups working; or an {@link
 * EscapeException} says why not. Anything else (another exception, an error, a walk that does not
 * end) is a bug.
 *
 * <p>The hostile code throws only while {@link #armed} is set, around the call to the walker, so
 * that building the graph and checking it afterwards run the same objects peacefully.
 */
final class HostileGraphs {

    /** Whether the hostile objects throw: set only while the walker runs (on a thread of its own). */
    static volatile boolean armed;

    /**
     * What the hostile code throws: a type of its own, so that a refusal can be told from a bug of
     * the walk, which the walk never wraps.
     */
    static final class Sabotage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Sabotage(String message) {
            super(message);
        }
    }

    private HostileGraphs() {
    }

    /** What one node of the graph is. */
    enum Shape {
        BEAN, VALUE_BEAN, FINAL_BEAN, HASH_THROWS_ON_ENTITY,
        ARRAY_LIST, LINKED_LIST, ARRAY_DEQUE, COPY_ON_WRITE_LIST, OBJECT_ARRAY, STRING_ARRAY,
        HASH_SET, LINKED_HASH_SET, TREE_SET, CONCURRENT_SKIP_LIST_SET, PRIORITY_QUEUE,
        HASH_MAP, LINKED_HASH_MAP, TREE_MAP, CONCURRENT_HASH_MAP, IDENTITY_HASH_MAP, ENUM_MAP,
        SYNCHRONIZED_LIST, SYNCHRONIZED_MAP, CHECKED_LIST,
        SELF_LIST, SELF_ARRAY, SELF_MAP,
        SUB_LIST, KEY_SET_VIEW, VALUES_VIEW, UNMODIFIABLE_LIST_VIEW, UNMODIFIABLE_MAP_VIEW, ARRAYS_AS_LIST,
        RECORD, PAIR_RECORD, VALIDATING_RECORD, LIST_OF, SET_OF, MAP_OF, OPTIONAL, SINGLETON_LIST, STREAM_TO_LIST,
        COMPARATOR_THROWS_ON_ENTITY, WRITE_REFUSING_LIST, ITERATOR_THROWS_ON_ENTITY, MAP_WITH_OWN_FIELDS,
        NEVER_ENTERED,
        DEEP_CHAIN, WIDE_FAN
    }

    /** One node: its shape and the values of its slots (Strings, references to other nodes, opaque values). */
    record NodePlan(Shape shape, List<Value> values) {
    }

    /**
     * A whole graph and the escaper's settings. The root is a list of all nodes (so each is
     * reachable, and each node another points at is shared), in an array or a record when
     * {@code rootKind} says so.
     */
    record Plan(List<NodePlan> nodes, int rootKind, boolean strict, boolean escapeMapKeys, int maxDepth,
            int maxNodes, boolean compiledReaders) {

        Escaper escaper() {
            return escaper(true);
        }

        /** The escaper of these settings, with the fast walk tried first or not. */
        Escaper escaper(boolean fastWalk) {
            EscaperBuilder builder = Escaper.builder().strict(strict).escapeMapKeys(escapeMapKeys);
            if (maxDepth > 0) {
                builder.maxDepth(maxDepth);
            }
            if (maxNodes > 0) {
                builder.maxNodes(maxNodes);
            }
            if (!compiledReaders) {
                builder.withoutCompiledReaders();
            }
            if (!fastWalk) {
                builder.withoutFastWalk();
            }
            return builder.build();
        }
    }

    // ---- the classes of the graph ----

    /** A mutable bean with two Strings and two references of any type. */
    static class Bean {
        String first;
        String second;
        Object left;
        Object right;
    }

    /** Equal by its text: its hash changes when it is escaped, so a set or map holding it must be refilled. */
    static final class ValueBean extends Bean {
        @Override
        public boolean equals(Object other) {
            return other instanceof ValueBean bean && Objects.equals(first, bean.first);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(first);
        }
    }

    /** A plain class with a {@code final} String: left as it is (lenient) or an EscapeException (strict). */
    static final class FinalBean {
        final String text;
        Object ref;

        FinalBean(String text) {
            this.text = text;
        }
    }

    /** Equal by its text; its {@code hashCode} fails on escaped text while {@link #armed}. */
    static final class HashThrowsOnEntity {
        String text;

        @Override
        public boolean equals(Object other) {
            return other instanceof HashThrowsOnEntity h && Objects.equals(text, h.text);
        }

        @Override
        public int hashCode() {
            if (armed && text != null && text.contains("&")) {
                throw new Sabotage("no entities in my hash");
            }
            return Objects.hashCode(text);
        }
    }

    record Rec(String text, Object ref) {
    }

    record Pair(Rec left, String right) {
    }

    /** A record whose constructor refuses an ampersand, as a validating value object might, while {@link #armed}. */
    record ValidatingRec(String text) {
        ValidatingRec {
            if (armed && text != null && text.contains("&")) {
                throw new Sabotage("no ampersands");
            }
        }
    }

    /** A list of the application's that cannot be written: {@code set} is {@code AbstractList}'s, which refuses. */
    static final class WriteRefusingList extends AbstractList<Object> {
        private final Object[] elements;

        WriteRefusingList(List<Object> elements) {
            this.elements = elements.toArray();
        }

        @Override
        public Object get(int index) {
            return elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }
    }

    /** A collection whose iterator fails on escaped text while {@link #armed}, say a lazy one. */
    static final class IteratorThrowsOnEntity extends AbstractCollection<String> {
        private final List<String> elements = new ArrayList<>();

        @Override
        public Iterator<String> iterator() {
            Iterator<String> inner = elements.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public String next() {
                    String next = inner.next();
                    if (armed && next != null && next.contains("&")) {
                        throw new Sabotage("cannot read back an entity");
                    }
                    return next;
                }

                @Override
                public void remove() {
                    inner.remove();
                }
            };
        }

        @Override
        public boolean add(String element) {
            return elements.add(element);
        }

        @Override
        public int size() {
            return elements.size();
        }
    }

    /** A map of the application's with a field of its own besides the entries (walked as a map, the field is not). */
    static final class MapWithOwnFields extends AbstractMap<String, Object> {
        private final Map<String, Object> entries = new LinkedHashMap<>();
        String title = "<title>";

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public Object put(String key, Object value) {
            return entries.put(key, value);
        }
    }

    /** The comparator of {@link Shape#COMPARATOR_THROWS_ON_ENTITY}. */
    static final Comparator<String> THROWS_ON_ENTITY = (a, b) -> {
        if (armed && (a.contains("&") || b.contains("&"))) {
            throw new Sabotage("cannot order entities");
        }
        return a.compareTo(b);
    };

    /** Holders of text the walker never enters: they must come out untouched. */
    static Object neverEntered(String text, int variant) {
        return switch (Math.floorMod(variant, 6)) {
            case 0 -> new StringBuilder(text);
            case 1 -> new AtomicReference<>(text);
            case 2 -> new AbstractMap.SimpleEntry<>(text, text);
            case 3 -> (Supplier<String>) () -> text;
            case 4 -> text.toCharArray();
            default -> Kind.values()[Math.floorMod(variant, 2)];
        };
    }

    /** The root in a record, when the plan says so: it is rebuilt and returned as a copy. */
    record Root(List<Object> nodes) {
    }

    // ---- building ----

    static Object build(Plan plan) {
        return new Builder(plan).build();
    }

    private static final class Builder {

        private final Plan plan;
        private final List<NodePlan> specs;
        private final Object[] objects;
        private final int size;

        Builder(Plan plan) {
            this.plan = plan;
            this.specs = plan.nodes();
            this.size = specs.size();
            this.objects = new Object[size];
        }

        Object build() {
            // 1. mutable nodes, still empty, so anything can point at them
            for (int i = 0; i < size; i++) {
                objects[i] = createMutable(specs.get(i));
            }
            // 2. immutable nodes and views, in order: they point at mutable nodes or earlier immutable ones
            for (int i = 0; i < size; i++) {
                if (objects[i] == null) {
                    objects[i] = createImmutable(specs.get(i), i);
                }
            }
            // 3. fill the mutable nodes; hashed and sorted containers last, once the beans they hold are filled
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < size; i++) {
                    if (isHashedOrSorted(specs.get(i).shape()) == (pass == 1)) {
                        fill(specs.get(i), objects[i]);
                    }
                }
            }
            List<Object> all = new ArrayList<>(Arrays.asList(objects));
            return switch (Math.floorMod(plan.rootKind(), 3)) {
                case 0 -> all;
                case 1 -> all.toArray();
                default -> new Root(all);
            };
        }

        private static boolean isHashedOrSorted(Shape shape) {
            return switch (shape) {
                case HASH_SET, LINKED_HASH_SET, TREE_SET, CONCURRENT_SKIP_LIST_SET, PRIORITY_QUEUE, HASH_MAP,
                        LINKED_HASH_MAP, TREE_MAP, CONCURRENT_HASH_MAP, IDENTITY_HASH_MAP, SYNCHRONIZED_MAP,
                        COMPARATOR_THROWS_ON_ENTITY, SELF_MAP, MAP_WITH_OWN_FIELDS -> true;
                default -> false;
            };
        }

        private Object createMutable(NodePlan spec) {
            List<Value> values = spec.values();
            return switch (spec.shape()) {
                case BEAN -> new Bean();
                case VALUE_BEAN -> {
                    // its hash is its text, set now and never again before escaping
                    ValueBean bean = new ValueBean();
                    bean.first = text(values, 0);
                    yield bean;
                }
                case FINAL_BEAN -> new FinalBean(text(values, 0));
                case HASH_THROWS_ON_ENTITY -> {
                    HashThrowsOnEntity bean = new HashThrowsOnEntity();
                    bean.text = text(values, 0);
                    yield bean;
                }
                case ARRAY_LIST, SELF_LIST -> new ArrayList<>();
                case LINKED_LIST -> new LinkedList<>();
                case ARRAY_DEQUE -> new ArrayDeque<>();
                case COPY_ON_WRITE_LIST -> new CopyOnWriteArrayList<>();
                case OBJECT_ARRAY, SELF_ARRAY -> new Object[values.size()];
                case STRING_ARRAY -> new String[values.size()];
                case HASH_SET -> new HashSet<>();
                case LINKED_HASH_SET -> new LinkedHashSet<>();
                case TREE_SET -> new TreeSet<String>();
                case CONCURRENT_SKIP_LIST_SET -> new ConcurrentSkipListSet<String>();
                case PRIORITY_QUEUE -> new PriorityQueue<String>();
                case HASH_MAP, SELF_MAP -> new HashMap<>();
                case LINKED_HASH_MAP -> new LinkedHashMap<>();
                case TREE_MAP -> new TreeMap<String, Object>();
                case CONCURRENT_HASH_MAP -> new ConcurrentHashMap<>();
                case IDENTITY_HASH_MAP -> new IdentityHashMap<>();
                case ENUM_MAP -> new EnumMap<Kind, Object>(Kind.class);
                case SYNCHRONIZED_LIST -> Collections.synchronizedList(new ArrayList<>());
                case SYNCHRONIZED_MAP -> Collections.synchronizedMap(new LinkedHashMap<>());
                case CHECKED_LIST -> Collections.checkedList(new ArrayList<>(), String.class);
                case COMPARATOR_THROWS_ON_ENTITY -> new TreeMap<String, Object>(THROWS_ON_ENTITY);
                case ITERATOR_THROWS_ON_ENTITY -> new IteratorThrowsOnEntity();
                case MAP_WITH_OWN_FIELDS -> new MapWithOwnFields();
                case DEEP_CHAIN -> new Bean();
                case WIDE_FAN -> new ArrayList<>();
                default -> null;
            };
        }

        private Object createImmutable(NodePlan spec, int index) {
            List<Value> values = spec.values();
            return switch (spec.shape()) {
                case SUB_LIST -> {
                    // a list and a view of its first half; the list is filled now, as filling it later would
                    // invalidate the view
                    List<Object> list = new ArrayList<>(refsAndTexts(values, index));
                    yield new Object[] {list, list.subList(0, list.size() / 2)};
                }
                case KEY_SET_VIEW -> {
                    Map<Object, Object> map = firstOf(Map.class, values, index);
                    yield map == null ? null : map.keySet();
                }
                case VALUES_VIEW -> {
                    Map<Object, Object> map = firstOf(Map.class, values, index);
                    yield map == null ? null : map.values();
                }
                case UNMODIFIABLE_LIST_VIEW -> {
                    List<Object> list = firstOf(List.class, values, index);
                    yield list == null ? null : Collections.unmodifiableList(list);
                }
                case UNMODIFIABLE_MAP_VIEW -> {
                    Map<Object, Object> map = firstOf(Map.class, values, index);
                    yield map == null ? null : Collections.unmodifiableMap(map);
                }
                case ARRAYS_AS_LIST -> {
                    Object[] array = firstOf(Object[].class, values, index);
                    yield array == null ? null : Arrays.asList(array);
                }
                case RECORD -> new Rec(text(values, 0), ref(values, 1, index));
                case PAIR_RECORD -> new Pair(firstOf(Rec.class, values, index), text(values, 0));
                case VALIDATING_RECORD -> new ValidatingRec(text(values, 0));
                case LIST_OF -> List.copyOf(nonNull(refsAndTexts(values, index)));
                case SET_OF -> Set.copyOf(distinctTexts(values));
                case MAP_OF -> Map.copyOf(textMap(values, index, false));
                case OPTIONAL -> Optional.ofNullable(values.isEmpty() ? null : slot(values.get(0), index));
                case SINGLETON_LIST -> Collections.singletonList(values.isEmpty() ? null : slot(values.get(0), index));
                case STREAM_TO_LIST -> refsAndTexts(values, index).stream().toList();
                case WRITE_REFUSING_LIST -> new WriteRefusingList(refsAndTexts(values, index));
                case NEVER_ENTERED -> neverEntered(String.valueOf(text(values, 0)), values.size());
                default -> null;
            };
        }

        @SuppressWarnings("unchecked")
        private void fill(NodePlan spec, Object node) {
            List<Value> values = spec.values();
            switch (spec.shape()) {
                case BEAN -> {
                    Bean bean = (Bean) node;
                    bean.first = text(values, 0);
                    bean.second = text(values, 1);
                    bean.left = ref(values, 2, size);
                    bean.right = ref(values, 3, size);
                }
                case VALUE_BEAN -> {
                    Bean bean = (Bean) node;
                    bean.second = text(values, 1);
                    bean.left = ref(values, 2, size);
                }
                case FINAL_BEAN -> ((FinalBean) node).ref = mutableRef(values, 1);
                case ARRAY_LIST, LINKED_LIST, COPY_ON_WRITE_LIST, SYNCHRONIZED_LIST ->
                        ((List<Object>) node).addAll(refsAndTexts(values, size));
                case ARRAY_DEQUE -> ((ArrayDeque<Object>) node).addAll(nonNull(refsAndTexts(values, size)));
                case SELF_LIST -> {
                    List<Object> list = (List<Object>) node;
                    list.addAll(refsAndTexts(values, size));
                    list.add(list);
                }
                case CHECKED_LIST -> ((List<String>) node).addAll(texts(values));
                case OBJECT_ARRAY -> {
                    Object[] array = (Object[]) node;
                    for (int i = 0; i < array.length; i++) {
                        array[i] = slot(values.get(i), size);
                    }
                }
                case SELF_ARRAY -> {
                    Object[] array = (Object[]) node;
                    for (int i = 0; i < array.length; i++) {
                        array[i] = i == 0 ? array : slot(values.get(i), size);
                    }
                }
                case STRING_ARRAY -> {
                    String[] array = (String[]) node;
                    for (int i = 0; i < array.length; i++) {
                        array[i] = values.get(i).tag() == Value.NULL ? null : values.get(i).text();
                    }
                }
                case HASH_SET, LINKED_HASH_SET -> ((Set<Object>) node).addAll(setElements(values));
                case TREE_SET, CONCURRENT_SKIP_LIST_SET, PRIORITY_QUEUE ->
                        ((Collection<String>) node).addAll(distinctTexts(values));
                case HASH_MAP, LINKED_HASH_MAP, SYNCHRONIZED_MAP ->
                        ((Map<Object, Object>) node).putAll(keyedMap(values, true));
                case SELF_MAP -> {
                    Map<Object, Object> map = (Map<Object, Object>) node;
                    map.putAll(keyedMap(values, true));
                    map.put("self", map);
                }
                case TREE_MAP, COMPARATOR_THROWS_ON_ENTITY, MAP_WITH_OWN_FIELDS ->
                        ((Map<Object, Object>) node).putAll(textMap(values, size, true));
                case CONCURRENT_HASH_MAP -> ((Map<Object, Object>) node).putAll(textMap(values, size, false));
                case IDENTITY_HASH_MAP -> {
                    // identity: two equal Strings may both be keys
                    Map<Object, Object> map = (Map<Object, Object>) node;
                    for (int i = 0; i < values.size(); i++) {
                        map.put(new String(String.valueOf(values.get(i).text())), slot(values.get(i), size));
                    }
                }
                case ENUM_MAP -> {
                    Map<Kind, Object> map = (Map<Kind, Object>) node;
                    for (int i = 0; i < values.size() && i < Kind.values().length; i++) {
                        map.put(Kind.values()[i], slot(values.get(i), size));
                    }
                }
                case ITERATOR_THROWS_ON_ENTITY -> ((Collection<String>) node).addAll(texts(values));
                case DEEP_CHAIN -> {
                    // a chain of beans as long as the first value's number, beyond the limits at times
                    Bean link = (Bean) node;
                    int length = values.isEmpty() ? 0 : values.get(0).number() % 101 * chainFactor();
                    for (int i = 0; i < length; i++) {
                        Bean next = new Bean();
                        next.first = i % 7 == 0 ? "<" + i + ">" : "x" + i;
                        link.left = next;
                        link = next;
                    }
                    link.right = values.size() > 1 ? slot(values.get(1), size) : null;
                }
                case WIDE_FAN -> {
                    List<Object> fan = (List<Object>) node;
                    int width = values.isEmpty() ? 0 : values.get(0).number() % 101 * chainFactor();
                    for (int i = 0; i < width; i++) {
                        Bean leaf = new Bean();
                        leaf.first = i % 5 == 0 ? "&" + i : "y";
                        fan.add(leaf);
                    }
                }
                default -> { }
            }
        }

        /** Chains and fans reach about three times the plan's limits at most, or a few thousand without them. */
        private int chainFactor() {
            int limit = Math.max(plan.maxDepth(), plan.maxNodes());
            return limit > 0 ? Math.max(1, limit * 3 / 100) : 30;
        }

        private static String text(List<Value> values, int index) {
            if (index >= values.size() || values.get(index).tag() == Value.NULL) {
                return null;
            }
            return values.get(index).text();
        }

        /** What a slot holds: null, a String, a node (below {@code limit} if it is to be immutable-safe) or an opaque value. */
        private Object slot(Value value, int limit) {
            return switch (value.tag()) {
                case Value.TEXT -> value.text();
                case Value.REF -> target(value.ref(), limit);
                case Value.OPAQUE -> value.number() % 2 == 0 ? Integer.valueOf(value.number()) : Kind.values()[value.number() % 2];
                default -> null;
            };
        }

        private Object ref(List<Value> values, int index, int limit) {
            return index < values.size() ? slot(values.get(index), limit) : null;
        }

        /** A node of index below {@code limit}, or any mutable node; immutable ones later in the order are not built yet. */
        private Object target(int ref, int limit) {
            int index = Math.floorMod(ref, size);
            return index < limit || isMutable(index) ? objects[index] : null;
        }

        private boolean isMutable(int index) {
            return createdMutable(specs.get(index).shape());
        }

        private static boolean createdMutable(Shape shape) {
            return switch (shape) {
                case SUB_LIST, KEY_SET_VIEW, VALUES_VIEW, UNMODIFIABLE_LIST_VIEW, UNMODIFIABLE_MAP_VIEW, ARRAYS_AS_LIST,
                        RECORD, PAIR_RECORD, VALIDATING_RECORD, LIST_OF, SET_OF, MAP_OF, OPTIONAL, SINGLETON_LIST,
                        STREAM_TO_LIST, WRITE_REFUSING_LIST, NEVER_ENTERED -> false;
                default -> true;
            };
        }

        /** A mutable bean or container for a {@code final} field: an immutable value there could not be rebuilt. */
        private Object mutableRef(List<Value> values, int index) {
            if (index >= values.size() || values.get(index).tag() != Value.REF) {
                return null;
            }
            int target = Math.floorMod(values.get(index).ref(), size);
            return isMutable(target) ? objects[target] : null;
        }

        /** The first node of {@code type} at or after the referenced one, among those already built. */
        @SuppressWarnings("unchecked")
        private <T> T firstOf(Class<?> type, List<Value> values, int limit) {
            int start = values.isEmpty() ? 0 : Math.floorMod(values.get(0).ref(), size);
            for (int step = 0; step < size; step++) {
                int index = (start + step) % size;
                Object candidate = objects[index];
                if ((index < limit || isMutable(index)) && type.isInstance(candidate)) {
                    return (T) candidate;
                }
            }
            return null;
        }

        private List<Object> refsAndTexts(List<Value> values, int limit) {
            List<Object> result = new ArrayList<>();
            for (Value value : values) {
                result.add(slot(value, limit));
            }
            return result;
        }

        private static List<Object> nonNull(List<Object> values) {
            List<Object> result = new ArrayList<>(values);
            result.removeIf(Objects::isNull);
            return result;
        }

        private static List<String> texts(List<Value> values) {
            List<String> texts = new ArrayList<>();
            for (Value value : values) {
                if (value.tag() == Value.TEXT) {
                    texts.add(value.text());
                }
            }
            return texts;
        }

        /** Distinct texts (escaping may still make two of them alike: an EscapeException then). */
        private static Set<String> distinctTexts(List<Value> values) {
            return new LinkedHashSet<>(texts(values));
        }

        /** Texts and nodes for a hash set: nodes whose hash changes when they are escaped (value beans) included. */
        private Set<Object> setElements(List<Value> values) {
            Set<Object> elements = new LinkedHashSet<>();
            for (Value value : values) {
                Object element = hashable(slot(value, size), value);
                if (element != null) {
                    elements.add(element);
                }
            }
            return elements;
        }

        /**
         * {@code node} if its hash is its own (beans, a validating record, Strings, opaque values),
         * else the value's text: a container's or a record's hash would take in whatever it holds,
         * which may still change while the graph is built, or contain itself.
         */
        private static Object hashable(Object node, Value value) {
            if (node == null || node instanceof String || node instanceof Bean || node instanceof FinalBean
                    || node instanceof HashThrowsOnEntity || node instanceof ValidatingRec || node instanceof Integer
                    || node instanceof Kind) {
                return node;
            }
            return value.text();
        }

        /** Text keys; with map keys escaped, node keys too (without, a key escaped elsewhere would go stale, as documented). */
        private Map<Object, Object> keyedMap(List<Value> values, boolean nullsAllowed) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Value value : values) {
                Object key = value.tag() == Value.REF && plan.escapeMapKeys() ? hashable(slot(value, size), value)
                        : value.text();
                Object entry = slot(value, size);
                if (key != null && (entry != null || nullsAllowed)) {
                    map.put(key, entry);
                }
            }
            return map;
        }

        /** Text keys only: for sorted maps and those whose keys must be Strings. */
        private Map<String, Object> textMap(List<Value> values, int limit, boolean nullsAllowed) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Value value : values) {
                Object entry = slot(value, limit);
                if (entry != null || nullsAllowed) {
                    map.put(value.text(), entry);
                }
            }
            return map;
        }
    }
}
