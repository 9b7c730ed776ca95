package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test fixture: one path of nested nodes, each a holder of one {@link Level kind} holding the
 * next. Only the root and the deepest node hold text that needs escaping ({@link #TOP},
 * {@link #END}): what a chain tests is the walk, not the encoder.
 */
final class Chain {

    static final String TOP = "<top>";
    static final String END = "<end>";

    /** The mutable kinds in turn; a map key and a set element are always beans, hashed by identity. */
    private static final Level[] MUTABLE = {Level.BEAN, Level.ARRAY, Level.LIST, Level.MAP_VALUE,
            Level.MAP_KEY, Level.BEAN, Level.SET};
    /** The immutable kinds in turn; never hashed, since records and lists hash all they hold. */
    private static final Level[] IMMUTABLE = {Level.RECORD, Level.OPTIONAL, Level.IMMUTABLE_LIST};

    final Object root;
    private final Level[] levels;
    /** The first node of the immutable part as built, or {@code null} if there is none. */
    private final Object originalTail;
    private final int tailStart;

    private Chain(Level[] levels, int tailStart) {
        this.levels = levels;
        this.tailStart = tailStart;
        Object node = null;
        Object tail = null;
        for (int i = levels.length - 1; i >= 0; i--) {
            String text = i == levels.length - 1 ? END : i == 0 ? TOP : null;
            node = levels[i].wrap(text, node);
            if (i == tailStart) {
                tail = node;
            }
        }
        this.root = node;
        this.originalTail = tail;
    }

    /**
     * A chain of {@code depth} nodes that takes every kind of holder in turn: a bean field, an array
     * slot, a list element, a map value, a map key, a set element; then, for its last quarter, a
     * record component, an {@code Optional} and an immutable list, so that the change at the bottom
     * rebuilds that part and its copy goes back into the bean above it.
     */
    static Chain mixed(int depth) {
        int tailStart = depth - depth / 4;
        tailStart -= (tailStart - 1) % MUTABLE.length; // the last mutable node is a bean
        Level[] levels = new Level[depth];
        for (int i = 0; i < depth; i++) {
            levels[i] = i < tailStart ? MUTABLE[i % MUTABLE.length] : IMMUTABLE[(i - tailStart) % IMMUTABLE.length];
        }
        return new Chain(levels, tailStart);
    }

    /**
     * A chain of {@code depth} nodes of one kind; a map key or a set element holds a bean, which
     * holds the next map or set.
     */
    static Chain of(Level kind, int depth) {
        Level[] levels = new Level[depth];
        boolean hashed = kind == Level.MAP_KEY || kind == Level.SET;
        for (int i = 0; i < depth; i++) {
            levels[i] = hashed && i % 2 == 1 ? Level.BEAN : kind;
        }
        return new Chain(levels, kind.immutable ? 0 : -1);
    }

    /** The path from the root to the node {@code hops} links below it. */
    String pathTo(int hops) {
        StringBuilder path = new StringBuilder(levels[0].rootName);
        for (int i = 0; i < hops; i++) {
            path.append(levels[i].label);
        }
        return path.toString();
    }

    /**
     * Walks {@code escaped}, the chain as escaping returned it, down to the bottom: checks that
     * every node is there and the texts at both ends ({@code top} is not checked if {@code null}).
     */
    void verify(Object escaped, String top, String end) {
        Object node = escaped;
        for (int i = 0; i < levels.length; i++) {
            Object[] textAndNext = levels[i].unwrap(node);
            if (i == 0 && top != null && levels[0].holdsText && levels.length > 1) {
                assertEquals(top, textAndNext[0], "the root's text");
            }
            if (i == levels.length - 1) {
                assertEquals(end, textAndNext[0], "the deepest node's text");
                assertNull(textAndNext[1], "nothing below the deepest node");
            } else if (textAndNext[1] == null) {
                throw new AssertionError("the chain ends at node " + i + " of " + levels.length);
            }
            node = textAndNext[1];
        }
    }

    /** The immutable part as built was never written: its deepest text is still {@link #END}. */
    void verifyOriginalTail() {
        if (originalTail == null) {
            return;
        }
        Object node = originalTail;
        for (int i = tailStart; i < levels.length; i++) {
            Object[] textAndNext = levels[i].unwrap(node);
            node = textAndNext[1];
            if (i == levels.length - 1) {
                assertEquals(END, textAndNext[0], "the immutable part as built is unchanged");
            }
        }
    }

    /** One kind of holder: how it wraps the node below it, and the path segment to that node. */
    enum Level {
        BEAN("beanLink", ".next", false, true),
        ARRAY("object", "[1]", false, true),
        LIST("arrayList", "[1]", false, true),
        MAP_VALUE("hashMap", "[\"next\"]", false, true),
        MAP_KEY("hashMap", "[key #0]", false, false),
        SET("hashSet", "[0]", false, false),
        RECORD("recordLink", ".next", true, true),
        OPTIONAL("optional", ".value", true, false),
        IMMUTABLE_LIST("list12", "[1]", true, true);

        /** The path's first segment when a node of this kind is the root. */
        final String rootName;
        /** The path segment from a node of this kind to the node it holds. */
        final String label;
        final boolean immutable;
        /** Whether a node of this kind has room for text beside the node it holds. */
        final boolean holdsText;

        Level(String rootName, String label, boolean immutable, boolean holdsText) {
            this.rootName = rootName;
            this.label = label;
            this.immutable = immutable;
            this.holdsText = holdsText;
        }

        Object wrap(String text, Object next) {
            switch (this) {
                case BEAN:
                    return new BeanLink(text, next);
                case ARRAY:
                    return new Object[] {text, next};
                case LIST: {
                    List<Object> list = new ArrayList<>(2);
                    list.add(text);
                    list.add(next);
                    return list;
                }
                case MAP_VALUE: {
                    Map<String, Object> map = new HashMap<>();
                    map.put("text", text);
                    map.put("next", next);
                    return map;
                }
                case MAP_KEY: {
                    Map<Object, Object> map = new HashMap<>();
                    map.put(next == null ? text : next, "v");
                    return map;
                }
                case SET: {
                    Set<Object> set = new HashSet<>();
                    set.add(next == null ? text : next);
                    return set;
                }
                case RECORD:
                    return new RecordLink(text, next);
                case OPTIONAL:
                    return Optional.of(next == null ? text : next);
                case IMMUTABLE_LIST:
                    return next == null ? List.of(text) : List.of(text == null ? "" : text, next);
                default:
                    throw new AssertionError(this);
            }
        }

        /** The text the node holds (or {@code null}) and the node below it (or {@code null}). */
        Object[] unwrap(Object node) {
            switch (this) {
                case BEAN:
                    return new Object[] {((BeanLink) node).text, ((BeanLink) node).next};
                case ARRAY:
                    return new Object[] {((Object[]) node)[0], ((Object[]) node)[1]};
                case LIST:
                case IMMUTABLE_LIST: {
                    List<?> list = (List<?>) node;
                    return list.size() == 1 ? new Object[] {list.get(0), null} : new Object[] {list.get(0), list.get(1)};
                }
                case MAP_VALUE: {
                    Map<?, ?> map = (Map<?, ?>) node;
                    return new Object[] {map.get("text"), map.get("next")};
                }
                case MAP_KEY: {
                    Map<?, ?> map = (Map<?, ?>) node;
                    assertEquals(1, map.size(), "one entry per map");
                    Object key = map.keySet().iterator().next();
                    assertEquals("v", map.get(key), "the key still finds its value");
                    return key instanceof String ? new Object[] {key, null} : new Object[] {null, key};
                }
                case SET: {
                    Set<?> set = (Set<?>) node;
                    assertEquals(1, set.size(), "one element per set");
                    Object element = set.iterator().next();
                    assertTrue(set.contains(element), "the set still finds its element");
                    return element instanceof String ? new Object[] {element, null} : new Object[] {null, element};
                }
                case RECORD:
                    return new Object[] {((RecordLink) node).text(), ((RecordLink) node).next()};
                case OPTIONAL: {
                    Object content = ((Optional<?>) node).orElseThrow();
                    return content instanceof String ? new Object[] {content, null} : new Object[] {null, content};
                }
                default:
                    throw new AssertionError(this);
            }
        }
    }

    static final class BeanLink {
        String text;
        Object next;

        BeanLink(String text, Object next) {
            this.text = text;
            this.next = next;
        }
    }

    record RecordLink(String text, Object next) {
    }
}
