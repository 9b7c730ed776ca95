package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.htmlescape.GraphFixtures.Bean;
import dev.htmlescape.GraphFixtures.Containers;
import dev.htmlescape.GraphFixtures.Envelope;
import dev.htmlescape.GraphFixtures.Node;
import dev.htmlescape.GraphFixtures.Rec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.owasp.encoder.Encode;

/**
 * An oracle for {@link Escaper#escape} that knows the fixture classes of {@link GraphFixtures}
 * explicitly and shares no code with the walker.
 *
 * <p>{@link #snapshot} records, before escaping, every node reachable from the root (by identity,
 * numbered in discovery order) with its String slots, its other values and its references.
 * {@link #verify} then walks the escaped result side by side with the snapshot and checks that every
 * String became exactly {@code Encode.forHtml(original)} (clean Strings the same instance), that
 * nothing else changed or got lost, that sharing and cycles are preserved (one original node maps to
 * exactly one result node), that mutable nodes were changed in place and that immutable nodes were
 * rebuilt exactly when something inside them had to change.
 */
final class GraphOracle {

    /** A value held in one slot of a node, as it was before escaping. */
    private sealed interface Slot permits NullSlot, Text, Ref, Opaque {
    }

    private record NullSlot() implements Slot {
    }

    private record Text(String original) implements Slot {
    }

    private record Ref(int id) implements Slot {
    }

    /** A value the walker must not enter or change: a boxed number or an enum constant. */
    private record Opaque(Object value) implements Slot {
    }

    private enum Shape {
        BEAN, NODE, CONTAINERS, REC, ENVELOPE, LIST, ARRAY, SET, MAP, OPTIONAL
    }

    /**
     * One node before escaping. {@code slots} are the ordered slots (fields, components, elements);
     * {@code scalars} the values that are never escaped (ints, enums); {@code setElements} and
     * {@code mapEntries} the contents of sets and maps, matched by value after escaping.
     */
    private record Snap(Object original, Shape shape, boolean mutable, List<Slot> slots,
            List<Object> scalars, List<String> setElements, Map<String, Slot> mapEntries) {
    }

    private static final Slot NULL = new NullSlot();

    private final List<Snap> nodes = new ArrayList<>();
    /** The original nodes, by id; {@link #describe} turns each into a {@link Snap}. */
    private final List<Object> pending = new ArrayList<>();
    private final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>();
    private final Slot root;
    /** Memo of {@link #mustBeRebuilt}. */
    private final Map<Integer, Boolean> rebuilt = new HashMap<>();

    private GraphOracle(Object root) {
        this.root = slotOf(root);
        int next = 0;
        // breadth-first over the nodes discovered so far; slotOf appends newly found ones
        while (next < nodes.size()) {
            describe(next++);
        }
    }

    /** Records the graph reachable from {@code root}; call before escaping it. */
    static GraphOracle snapshot(Object root) {
        return new GraphOracle(root);
    }

    /** The number of distinct nodes (objects and containers, not Strings) the snapshot found. */
    int nodeCount() {
        return nodes.size();
    }

    /** The non-null Strings the snapshot found, for checks on the generated input. */
    List<String> strings() {
        List<String> all = new ArrayList<>();
        for (Snap snap : nodes) {
            for (Slot slot : snap.slots()) {
                if (slot instanceof Text text) {
                    all.add(text.original());
                }
            }
            if (snap.setElements() != null) {
                snap.setElements().stream().filter(Objects::nonNull).forEach(all::add);
            }
            if (snap.mapEntries() != null) {
                for (Map.Entry<String, Slot> entry : snap.mapEntries().entrySet()) {
                    if (entry.getKey() != null) {
                        all.add(entry.getKey());
                    }
                    if (entry.getValue() instanceof Text text) {
                        all.add(text.original());
                    }
                }
            }
        }
        return all;
    }

    /** Whether some node is reachable along two different slots (the root slot counts as one). */
    boolean hasSharedNode() {
        int[] incoming = new int[nodes.size()];
        incoming[((Ref) root).id()]++;
        forEachEdge((from, to) -> incoming[to]++);
        for (int count : incoming) {
            if (count > 1) {
                return true;
            }
        }
        return false;
    }

    /** Whether some node is reachable from itself. */
    boolean hasCycle() {
        List<List<Integer>> edges = new ArrayList<>();
        nodes.forEach(n -> edges.add(new ArrayList<>()));
        forEachEdge((from, to) -> edges.get(from).add(to));
        int[] state = new int[nodes.size()]; // 0 new, 1 on the path, 2 done
        for (int start = 0; start < nodes.size(); start++) {
            if (state[start] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>(); // {node, next edge index}
            stack.push(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> out = edges.get(top[0]);
                if (top[1] == out.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                int to = out.get(top[1]++);
                if (state[to] == 1) {
                    return true;
                }
                if (state[to] == 0) {
                    state[to] = 1;
                    stack.push(new int[] {to, 0});
                }
            }
        }
        return false;
    }

    /** Whether the graph holds a record (or Optional) that must come back as a new instance. */
    boolean hasRebuiltImmutable() {
        for (int id = 0; id < nodes.size(); id++) {
            if (mustBeRebuilt(id)) {
                return true;
            }
        }
        return false;
    }

    private void forEachEdge(java.util.function.BiConsumer<Integer, Integer> edge) {
        for (int from = 0; from < nodes.size(); from++) {
            Snap snap = nodes.get(from);
            List<Slot> out = new ArrayList<>(snap.slots());
            if (snap.mapEntries() != null) {
                out.addAll(snap.mapEntries().values());
            }
            for (Slot slot : out) {
                if (slot instanceof Ref ref) {
                    edge.accept(from, ref.id());
                }
            }
        }
    }

    private Slot slotOf(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String text) {
            return new Text(text);
        }
        if (value instanceof Integer || value instanceof Enum<?>) {
            return new Opaque(value);
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = nodes.size();
            ids.put(value, id);
            nodes.add(null); // filled by describe
            pending.add(value);
        }
        return new Ref(id);
    }

    private void describe(int id) {
        Object node = pending.get(id);
        List<Slot> slots = new ArrayList<>();
        List<Object> scalars = new ArrayList<>();
        List<String> setElements = null;
        Map<String, Slot> mapEntries = null;
        Shape shape;
        boolean mutable = true;
        if (node instanceof Bean bean) {
            shape = Shape.BEAN;
            slots.add(slotOf(bean.inherited));
            slots.add(slotOf(bean.name));
            slots.add(slotOf(bean.note));
            slots.add(slotOf(bean.ref));
            scalars.add(bean.count);
            scalars.add(bean.kind);
        } else if (node instanceof Node n) {
            shape = Shape.NODE;
            slots.add(slotOf(n.text));
            slots.add(slotOf(n.left));
            slots.add(slotOf(n.right));
            slots.add(slotOf(n.payload));
            scalars.add(n.id);
            scalars.add(n.kind);
        } else if (node instanceof Containers c) {
            shape = Shape.CONTAINERS;
            slots.add(slotOf(c.list));
            slots.add(slotOf(c.map));
            slots.add(slotOf(c.set));
            slots.add(slotOf(c.array));
            slots.add(slotOf(c.optional));
        } else if (node instanceof Rec rec) {
            shape = Shape.REC;
            mutable = false;
            slots.add(slotOf(rec.label()));
            slots.add(slotOf(rec.inner()));
            slots.add(slotOf(rec.tags()));
            scalars.add(rec.number());
            scalars.add(rec.kind());
        } else if (node instanceof Envelope envelope) {
            shape = Shape.ENVELOPE;
            mutable = false;
            slots.add(slotOf(envelope.title()));
            slots.add(slotOf(envelope.rec()));
            slots.add(slotOf(envelope.node()));
        } else if (node instanceof List<?> list) {
            shape = Shape.LIST;
            mutable = GraphFixtures.isMutableContainer(list);
            for (Object element : list) {
                slots.add(slotOf(element));
            }
        } else if (node instanceof Object[] array) {
            shape = Shape.ARRAY;
            for (Object element : array) {
                slots.add(slotOf(element));
            }
        } else if (node instanceof Set<?> set) {
            shape = Shape.SET;
            mutable = GraphFixtures.isMutableContainer(set);
            setElements = new ArrayList<>();
            for (Object element : set) {
                setElements.add((String) element);
            }
        } else if (node instanceof Map<?, ?> map) {
            shape = Shape.MAP;
            mutable = GraphFixtures.isMutableContainer(map);
            mapEntries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                mapEntries.put((String) entry.getKey(), slotOf(entry.getValue()));
            }
        } else if (node instanceof Optional<?> optional) {
            shape = Shape.OPTIONAL;
            mutable = false;
            slots.add(slotOf(optional.orElse(null)));
        } else {
            throw new AssertionError("the oracle does not know " + node.getClass().getName());
        }
        nodes.set(id, new Snap(node, shape, mutable, slots, scalars, setElements, mapEntries));
    }

    /**
     * Whether an immutable node must come back as a new instance: one of its own Strings changes,
     * or one of its children is itself rebuilt. Mutable nodes are never rebuilt. Immutable nodes
     * of the fixtures never form a cycle among themselves, so the recursion ends.
     */
    private boolean mustBeRebuilt(int id) {
        Boolean known = rebuilt.get(id);
        if (known != null) {
            return known;
        }
        Snap snap = nodes.get(id);
        boolean result = false;
        if (!snap.mutable()) {
            List<Slot> contents = new ArrayList<>(snap.slots());
            if (snap.setElements() != null) {
                snap.setElements().forEach(e -> contents.add(e == null ? NULL : new Text(e)));
            }
            if (snap.mapEntries() != null) {
                snap.mapEntries().forEach((k, v) -> {
                    contents.add(k == null ? NULL : new Text(k));
                    contents.add(v);
                });
            }
            for (Slot slot : contents) {
                if (slot instanceof Text text && !isClean(text.original())
                        || slot instanceof Ref ref && mustBeRebuilt(ref.id())) {
                    result = true;
                    break;
                }
            }
        }
        rebuilt.put(id, result);
        return result;
    }

    private static boolean isClean(String text) {
        return text == null || Encode.forHtml(text).equals(text);
    }

    /** A pair still to compare: a node of the snapshot and what the escaped graph holds in its place. */
    private record Pending(int id, Object actual, String path) {
    }

    /**
     * Checks the escaped graph {@code escapedRoot} (the value {@code Escaper.escape} returned)
     * against the snapshot.
     */
    void verify(Object escapedRoot) {
        Map<Integer, Object> matched = new HashMap<>();
        IdentityHashMap<Object, Integer> matchedBack = new IdentityHashMap<>();
        Deque<Pending> work = new ArrayDeque<>();
        compareSlot(root, escapedRoot, "root", work);
        while (!work.isEmpty()) {
            Pending next = work.pop();
            Object previous = matched.get(next.id());
            if (previous != null) {
                assertSame(previous, next.actual(), next.path()
                        + ": a node reachable twice must come back as one node (sharing and cycles kept)");
                continue;
            }
            Integer other = matchedBack.get(next.actual());
            if (other != null) {
                fail(next.path() + ": two distinct original nodes (#" + other + ", #" + next.id()
                        + ") became one object");
            }
            matched.put(next.id(), next.actual());
            matchedBack.put(next.actual(), next.id());
            compareNode(next.id(), next.actual(), next.path(), work);
        }
        assertEquals(nodes.size(), matched.size(), "every original node has exactly one counterpart");
    }

    private void compareNode(int id, Object actual, String path, Deque<Pending> work) {
        Snap before = nodes.get(id);
        if (before.mutable()) {
            assertSame(before.original(), actual, path + ": a mutable node is escaped in place");
        } else if (mustBeRebuilt(id)) {
            assertNotSame(before.original(), actual, path + ": an immutable node with changed content is rebuilt");
        } else {
            assertSame(before.original(), actual, path + ": an immutable node with nothing to escape stays the same instance");
        }
        switch (before.shape()) {
            case BEAN -> {
                Bean bean = assertInstanceOf(Bean.class, actual, path);
                compareSlots(before, path, work, List.of(".inherited", ".name", ".note", ".ref"),
                        bean.inherited, bean.name, bean.note, bean.ref);
                assertEquals(before.scalars(), Arrays.asList(bean.count, bean.kind), path + ": count, kind");
            }
            case NODE -> {
                Node node = assertInstanceOf(Node.class, actual, path);
                compareSlots(before, path, work, List.of(".text", ".left", ".right", ".payload"),
                        node.text, node.left, node.right, node.payload);
                assertEquals(before.scalars(), Arrays.asList(node.id, node.kind), path + ": id, kind");
            }
            case CONTAINERS -> {
                Containers c = assertInstanceOf(Containers.class, actual, path);
                compareSlots(before, path, work, List.of(".list", ".map", ".set", ".array", ".optional"),
                        c.list, c.map, c.set, c.array, c.optional);
            }
            case REC -> {
                Rec rec = assertInstanceOf(Rec.class, actual, path);
                compareSlots(before, path, work, List.of(".label", ".inner", ".tags"),
                        rec.label(), rec.inner(), rec.tags());
                assertEquals(before.scalars(), Arrays.asList(rec.number(), rec.kind()), path + ": number, kind");
            }
            case ENVELOPE -> {
                Envelope envelope = assertInstanceOf(Envelope.class, actual, path);
                compareSlots(before, path, work, List.of(".title", ".rec", ".node"),
                        envelope.title(), envelope.rec(), envelope.node());
            }
            case LIST -> {
                List<?> list = assertInstanceOf(List.class, actual, path);
                compareElements(before, list.toArray(), path, work);
                if (!before.mutable()) {
                    assertThrows(UnsupportedOperationException.class, () -> list.add(null),
                            path + ": an immutable list stays immutable");
                }
            }
            case ARRAY -> {
                Object[] array = assertInstanceOf(Object[].class, actual, path);
                compareElements(before, array, path, work);
            }
            case OPTIONAL -> {
                Optional<?> optional = assertInstanceOf(Optional.class, actual, path);
                compareElements(before, new Object[] {optional.orElse(null)}, path + ".value", work);
            }
            case SET -> compareSet(before, assertInstanceOf(Set.class, actual, path), path);
            case MAP -> compareMap(before, assertInstanceOf(Map.class, actual, path), path, work);
            default -> throw new AssertionError(before.shape());
        }
    }

    private void compareSlots(Snap before, String path, Deque<Pending> work, List<String> names,
            Object... actual) {
        for (int i = 0; i < actual.length; i++) {
            compareSlot(before.slots().get(i), actual[i], path + names.get(i), work);
        }
    }

    private void compareElements(Snap before, Object[] actual, String path, Deque<Pending> work) {
        assertEquals(before.slots().size(), actual.length, path + ": number of elements");
        for (int i = 0; i < actual.length; i++) {
            compareSlot(before.slots().get(i), actual[i], path + "[" + i + "]", work);
        }
    }

    private void compareSet(Snap before, Set<?> actual, String path) {
        assertEquals(before.setElements().size(), actual.size(), path + ": number of elements");
        Map<String, String> originalByEscaped = new HashMap<>();
        for (String original : before.setElements()) {
            String escaped = original == null ? null : Encode.forHtml(original);
            assertTrue(actual.contains(escaped), path + ": contains(" + escaped + ") for original " + original);
            originalByEscaped.put(escaped, original);
        }
        for (Object element : actual) {
            assertTrue(originalByEscaped.containsKey(element), path + ": unexpected element " + element);
            String original = originalByEscaped.get(element);
            if (original != null && isClean(original)) {
                assertSame(original, element, path + ": a clean element stays the same instance");
            }
        }
        if (!before.mutable()) {
            assertThrows(UnsupportedOperationException.class, () -> ((Set<?>) actual).clear(),
                    path + ": an immutable set stays immutable");
        }
    }

    private void compareMap(Snap before, Map<?, ?> actual, String path, Deque<Pending> work) {
        assertEquals(before.mapEntries().size(), actual.size(), path + ": number of entries");
        Map<String, String> originalByEscaped = new HashMap<>();
        for (Map.Entry<String, Slot> entry : before.mapEntries().entrySet()) {
            String key = entry.getKey();
            String escapedKey = key == null ? null : Encode.forHtml(key);
            String label = path + "[" + key + "]";
            assertTrue(actual.containsKey(escapedKey), label + ": containsKey(" + escapedKey + ")");
            originalByEscaped.put(escapedKey, key);
            compareSlot(entry.getValue(), actual.get(escapedKey), label, work);
        }
        for (Object key : actual.keySet()) {
            assertTrue(originalByEscaped.containsKey(key), path + ": unexpected key " + key);
            String original = originalByEscaped.get(key);
            if (original != null && isClean(original)) {
                assertSame(original, key, path + ": a clean key stays the same instance");
            }
        }
    }

    private static void compareSlot(Slot before, Object actual, String path, Deque<Pending> work) {
        if (before instanceof NullSlot) {
            assertNull(actual, path + ": null stays null");
        } else if (before instanceof Text text) {
            String original = text.original();
            String expected = Encode.forHtml(original);
            assertEquals(expected, actual, path + ": escaped exactly once from " + describe(original));
            if (expected.equals(original)) {
                assertSame(original, actual, path + ": a String that needs no escaping stays the same instance");
            }
        } else if (before instanceof Opaque opaque) {
            assertSame(opaque.value(), actual, path + ": a value that is not a String is left alone");
        } else {
            Ref ref = (Ref) before;
            // messages never call toString on graph nodes: a cyclic container would overflow the stack
            assertFalse(actual == null || actual instanceof String, () -> path + ": a node stays a node, got "
                    + (actual == null ? "null" : "a String"));
            work.push(new Pending(ref.id(), actual, path));
        }
    }

    private static String describe(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u{%X}", cp));
            }
        });
        return out.append('"').toString();
    }
}
