package dev.htmlescape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.owasp.encoder.Encode;

/**
 * The fixed set of classes the generated graphs are made of, and the builder that turns a
 * {@link Blueprint} (plain data jqwik can generate and shrink) into a graph of them.
 *
 * <p>Graphs have nulls, shared nodes and containers, and cycles through beans, lists, arrays and
 * maps. Two shapes the walker documents as unsupported are not generated here: a cycle closed
 * through an immutable holder (an immutable container or a record component) back to a record or
 * immutable container that is still being walked, which the walker rejects with an
 * {@link EscapeException}; so records only hold other records, and {@link Envelope}s (records that
 * reach mutable nodes) are only held by mutable holders. Sets and map keys are built so that
 * escaping never makes two of them equal; collisions have their own property.
 */
final class GraphFixtures {

    private GraphFixtures() {
    }

    enum Kind { RED, GREEN }

    static class BaseBean {
        String inherited;
    }

    /** A mutable bean with String fields, one of them inherited, and a reference of any type. */
    static final class Bean extends BaseBean {
        String name;
        String note;
        int count;
        Kind kind;
        Object ref;
    }

    /** A node that can point at other nodes: shared references and cycles. */
    static final class Node {
        String text;
        Node left;
        Node right;
        Object payload;
        int id;
        Kind kind;
    }

    /** One field per container kind. */
    static final class Containers {
        List<Object> list;
        Map<String, Object> map;
        Set<String> set;
        Object[] array;
        Optional<String> optional;
    }

    /** A record with a String, a nested record and a list; records only reach other records. */
    record Rec(String label, Rec inner, List<String> tags, int number, Kind kind) {
    }

    /** A record that reaches the mutable part of the graph; only mutable holders hold it. */
    record Envelope(String title, Rec rec, Object node) {
    }

    enum NodeType { BEAN, NODE, CONTAINERS, REC, ENVELOPE }

    /** What one slot receives: null, a String, a reference to node {@code ref}, or a boxed int/enum. */
    record Value(int tag, String text, int ref, int number) {
        static final int NULL = 0;
        static final int TEXT = 1;
        static final int REF = 2;
        static final int OPAQUE = 3;
    }

    /** One node of the graph: its type, which container implementations it uses, its slot values. */
    record NodeSpec(NodeType type, int variant, List<Value> values) {
    }

    /**
     * A whole graph. With {@code anchored} the root is an ArrayList holding every node, in order, so
     * that all of them are reachable (and each node other nodes point at is shared); otherwise the
     * root is the last node.
     */
    record Blueprint(List<NodeSpec> nodes, boolean anchored) {
    }

    /** Whether a container built here is changed in place by the walker (JDK mutable classes). */
    static boolean isMutableContainer(Object container) {
        Class<?> type = container.getClass();
        return type == ArrayList.class || type == LinkedList.class
                || type.getName().equals("java.util.Arrays$ArrayList")
                || type == HashSet.class || type == LinkedHashSet.class || type == TreeSet.class
                || type == HashMap.class || type == LinkedHashMap.class || type == TreeMap.class;
    }

    /** Builds the graph of {@code blueprint} and returns its root. */
    static Object build(Blueprint blueprint) {
        return new Builder(blueprint).build();
    }

    private static final class Builder {

        private final Blueprint blueprint;
        private final List<NodeSpec> specs;
        private final Object[] objects;
        private final int size;

        Builder(Blueprint blueprint) {
            this.blueprint = blueprint;
            this.specs = blueprint.nodes();
            this.size = specs.size();
            this.objects = new Object[size];
        }

        Object build() {
            // 1. mutable nodes, still empty
            for (int i = 0; i < size; i++) {
                switch (specs.get(i).type()) {
                    case BEAN -> objects[i] = new Bean();
                    case NODE -> objects[i] = new Node();
                    case CONTAINERS -> objects[i] = new Containers();
                    default -> { }
                }
            }
            // 2. records: a Rec only points at a Rec of lower index, so they form a DAG
            for (int i = 0; i < size; i++) {
                NodeSpec spec = specs.get(i);
                if (spec.type() == NodeType.REC) {
                    Rec inner = targetOf(Rec.class, value(spec, 1), i);
                    List<String> tags = stringList(spec, 2, spec.variant() % 3);
                    objects[i] = new Rec(text(value(spec, 0)), inner,
                            tags, spec.values().size(), Kind.values()[spec.variant() % 2]);
                }
            }
            for (int i = 0; i < size; i++) {
                NodeSpec spec = specs.get(i);
                if (spec.type() == NodeType.ENVELOPE) {
                    Rec rec = targetOf(Rec.class, value(spec, 1), size);
                    Object node = target(value(spec, 2), size);
                    objects[i] = new Envelope(text(value(spec, 0)), rec,
                            isMutableNode(node) ? node : null);
                }
            }
            // 3. containers of each Containers node: immutable ones complete, mutable ones sized
            for (int i = 0; i < size; i++) {
                if (objects[i] instanceof Containers c) {
                    createContainers(c, specs.get(i));
                }
            }
            // 4. fill the mutable nodes and containers; any reference is allowed here
            for (int i = 0; i < size; i++) {
                NodeSpec spec = specs.get(i);
                Object object = objects[i];
                if (object instanceof Bean bean) {
                    bean.inherited = text(value(spec, 0));
                    bean.name = text(value(spec, 1));
                    bean.note = text(value(spec, 2));
                    bean.ref = any(value(spec, 3), true);
                    bean.count = spec.variant();
                    bean.kind = spec.variant() % 3 == 0 ? null : Kind.values()[spec.variant() % 2];
                } else if (object instanceof Node node) {
                    node.text = text(value(spec, 0));
                    node.left = targetOf(Node.class, value(spec, 1), size);
                    node.right = targetOf(Node.class, value(spec, 2), size);
                    node.payload = any(value(spec, 3), true);
                    node.id = i;
                    node.kind = Kind.values()[spec.variant() % 2];
                } else if (object instanceof Containers c) {
                    fillContainers(c, spec);
                }
            }
            return blueprint.anchored() ? new ArrayList<>(Arrays.asList(objects)) : objects[size - 1];
        }

        private static Value value(NodeSpec spec, int index) {
            return index < spec.values().size() ? spec.values().get(index) : null;
        }

        private static String text(Value value) {
            return value == null || value.tag() == Value.NULL ? null : value.text();
        }

        /** The node a reference points at, if its index is below {@code limit}. */
        private Object target(Value value, int limit) {
            if (value == null || value.tag() != Value.REF) {
                return null;
            }
            int index = value.ref() % size;
            return index < limit ? objects[index] : null;
        }

        /**
         * The first node of {@code type} at or after the referenced index (wrapping around), among
         * the nodes below {@code limit}; keeps typed references such as {@code Node.left} from
         * mostly ending up null.
         */
        private <T> T targetOf(Class<T> type, Value value, int limit) {
            if (value == null || value.tag() != Value.REF || limit == 0) {
                return null;
            }
            for (int step = 0; step < limit; step++) {
                Object candidate = objects[(value.ref() + step) % limit];
                if (type.isInstance(candidate)) {
                    return type.cast(candidate);
                }
            }
            return null;
        }

        private static boolean isMutableNode(Object node) {
            return node instanceof Bean || node instanceof Node || node instanceof Containers;
        }

        /**
         * The value for a slot. {@code mutableHolder}: the slot can take anything, including an
         * Envelope and the containers of another Containers node; otherwise (an immutable
         * container) only Strings, nulls, Recs and mutable nodes.
         */
        private Object any(Value value, boolean mutableHolder) {
            if (value == null) {
                return null;
            }
            switch (value.tag()) {
                case Value.TEXT:
                    return value.text();
                case Value.OPAQUE:
                    return value.number() % 2 == 0 ? Integer.valueOf(value.number()) : Kind.values()[(value.number() / 2) % 2];
                case Value.REF:
                    Object target = objects[value.ref() % size];
                    if (!mutableHolder) {
                        return target instanceof Envelope ? null : target;
                    }
                    if (target instanceof Containers c) {
                        switch (Math.floorMod(value.number(), 4)) {
                            case 1: return c.list;
                            case 2: return c.map;
                            case 3: return c.array;
                            default: return c;
                        }
                    }
                    return target;
                default:
                    return null;
            }
        }

        private List<String> stringList(NodeSpec spec, int from, int variant) {
            List<String> strings = new ArrayList<>();
            for (int i = from; i < spec.values().size(); i++) {
                String text = text(spec.values().get(i));
                if (text != null) {
                    strings.add(text);
                }
            }
            switch (variant) {
                case 0: return null;
                case 1: return List.copyOf(strings);
                default: return strings;
            }
        }

        /** The values of one of the five containers: every fifth value, starting at {@code bucket}. */
        private static List<Value> bucket(NodeSpec spec, int bucket) {
            List<Value> values = new ArrayList<>();
            for (int i = bucket; i < spec.values().size(); i += 5) {
                values.add(spec.values().get(i));
            }
            return values;
        }

        private static int choice(NodeSpec spec, int digit, int options) {
            int v = spec.variant();
            for (int i = 0; i < digit; i++) {
                v /= 7;
            }
            return v % options;
        }

        private void createContainers(Containers c, NodeSpec spec) {
            List<Value> listValues = bucket(spec, 0);
            switch (choice(spec, 0, 7)) {
                case 0 -> c.list = null;
                case 1 -> c.list = new ArrayList<>();
                case 2 -> c.list = new LinkedList<>();
                case 3 -> c.list = Arrays.asList(new Object[listValues.size()]);
                case 4 -> c.list = List.copyOf(immutableValues(listValues).stream().filter(Objects::nonNull).toList());
                case 5 -> c.list = Collections.unmodifiableList(new ArrayList<>(immutableValues(listValues)));
                default -> c.list = immutableValues(listValues).stream().toList();
            }
            switch (choice(spec, 1, 6)) {
                case 0 -> c.map = null;
                case 1 -> c.map = new HashMap<>();
                case 2 -> c.map = new LinkedHashMap<>();
                case 3 -> c.map = new TreeMap<>();
                case 4 -> c.map = Collections.unmodifiableMap(fillMap(new LinkedHashMap<>(), bucket(spec, 1), false));
                default -> c.map = Map.copyOf(fillMap(new TreeMap<>(), bucket(spec, 1), false));
            }
            List<Value> setValues = bucket(spec, 2);
            switch (choice(spec, 2, 6)) {
                case 0 -> c.set = null;
                case 1 -> c.set = fillSet(new HashSet<>(), setValues);
                case 2 -> c.set = fillSet(new LinkedHashSet<>(), setValues);
                case 3 -> c.set = fillSet(new TreeSet<>(), setValues);
                case 4 -> c.set = Set.copyOf(fillSet(new TreeSet<>(), setValues));
                default -> c.set = Collections.unmodifiableSet(fillSet(new LinkedHashSet<>(), setValues));
            }
            List<Value> arrayValues = bucket(spec, 3);
            boolean onlyText = arrayValues.stream().allMatch(v -> v.tag() == Value.NULL || v.tag() == Value.TEXT);
            switch (choice(spec, 3, 3)) {
                case 0 -> c.array = null;
                case 1 -> c.array = onlyText ? new String[arrayValues.size()] : new Object[arrayValues.size()];
                default -> c.array = new Object[arrayValues.size()];
            }
            List<Value> optionalValues = bucket(spec, 4);
            switch (choice(spec, 4, 3)) {
                case 0 -> c.optional = null;
                case 1 -> c.optional = Optional.empty();
                default -> c.optional = Optional.ofNullable(optionalValues.isEmpty() ? "" : text(optionalValues.get(0)));
            }
        }

        private void fillContainers(Containers c, NodeSpec spec) {
            List<Value> listValues = bucket(spec, 0);
            if (c.list != null && isMutableContainer(c.list)) {
                if (c.list.getClass().getName().equals("java.util.Arrays$ArrayList")) {
                    for (int i = 0; i < listValues.size(); i++) {
                        c.list.set(i, any(listValues.get(i), true));
                    }
                } else {
                    listValues.forEach(v -> c.list.add(any(v, true)));
                }
            }
            if (c.map != null && isMutableContainer(c.map)) {
                fillMap(c.map, bucket(spec, 1), true);
            }
            if (c.array != null) {
                List<Value> arrayValues = bucket(spec, 3);
                for (int i = 0; i < arrayValues.size(); i++) {
                    c.array[i] = any(arrayValues.get(i), true);
                }
            }
        }

        private List<Object> immutableValues(List<Value> values) {
            List<Object> result = new ArrayList<>();
            values.forEach(v -> result.add(any(v, false)));
            return result;
        }

        /**
         * Puts entries whose keys stay distinct after escaping; keys come from the values' texts,
         * values from the values themselves. Null keys and values only where the map allows them.
         */
        private Map<String, Object> fillMap(Map<String, Object> map, List<Value> values, boolean mutableHolder) {
            boolean nullsAllowed = map instanceof HashMap;
            Set<String> escapedKeys = new HashSet<>();
            for (Value v : values) {
                String key = v.tag() == Value.NULL && nullsAllowed ? null : v.text();
                if (!escapedKeys.add(key == null ? null : Encode.forHtml(key))) {
                    continue;
                }
                Object entryValue = v.tag() == Value.TEXT ? "v" + v.text() : any(v, mutableHolder);
                if (entryValue == null && !nullsAllowed) {
                    entryValue = "";
                }
                map.put(key, entryValue);
            }
            return map;
        }

        /** Adds the texts that stay distinct after escaping; a null element only to a HashSet. */
        private static <S extends Set<String>> S fillSet(S set, List<Value> values) {
            boolean nullsAllowed = set instanceof HashSet;
            Set<String> escaped = new HashSet<>();
            for (Value v : values) {
                String element = v.tag() == Value.NULL && nullsAllowed ? null : v.text();
                if (escaped.add(element == null ? null : Encode.forHtml(element))) {
                    set.add(element);
                }
            }
            return set;
        }
    }
}
