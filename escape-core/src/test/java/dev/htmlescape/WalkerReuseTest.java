package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.ref.WeakReference;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each thread's walker is reused call after call; no call may see anything of an earlier one. */
class WalkerReuseTest {

    static class Node {
        String name;
        List<Object> children = new ArrayList<>();
        Map<String, Object> attributes = new HashMap<>();

        Node(String name) {
            this.name = name;
        }
    }

    record Label(String text, Object next) {
    }

    /** A collection of the application whose {@code toArray} escapes another graph. */
    static class EscapingCollection extends AbstractCollection<Object> {
        final List<Object> elements = new ArrayList<>();
        final Node other;

        EscapingCollection(Node other) {
            this.other = other;
        }

        @Override
        public Object[] toArray() {
            Escaper.escape(other);
            return elements.toArray();
        }

        @Override
        public Iterator<Object> iterator() {
            return elements.iterator();
        }

        @Override
        public int size() {
            return elements.size();
        }

        @Override
        public boolean add(Object element) {
            return elements.add(element);
        }

        @Override
        public void clear() {
            elements.clear();
        }
    }

    private static Node tree(String prefix, int width) {
        Node root = new Node(prefix + "<root>");
        for (int i = 0; i < width; i++) {
            Node child = new Node(prefix + "<" + i + ">");
            child.attributes.put("<k" + i + ">", new Label("<l" + i + ">", List.of("<e" + i + ">")));
            root.children.add(child);
            root.children.add(prefix + "&" + i);
        }
        return root;
    }

    private static void assertEscapedTree(Node root, String prefix, int width) {
        assertEquals(prefix + "&lt;root&gt;", root.name);
        for (int i = 0; i < width; i++) {
            Node child = (Node) root.children.get(2 * i);
            assertEquals(prefix + "&lt;" + i + "&gt;", child.name);
            assertEquals(new Label("&lt;l" + i + "&gt;", List.of("&lt;e" + i + "&gt;")),
                    child.attributes.get("&lt;k" + i + "&gt;"));
            assertEquals(prefix + "&amp;" + i, root.children.get(2 * i + 1));
        }
    }

    @Test
    void callsOfDifferentSizesOneAfterAnotherAreEachEscapedOnce() {
        for (int width : new int[] {3, 500, 1, 0, 40, 2}) {
            Node root = tree("w" + width, width);

            Escaper.escape(root);

            assertEscapedTree(root, "w" + width, width);
        }
    }

    /** Not text only (its other field may hold anything), so each one gets a frame and an entry. */
    static class Pair {
        String text;
        Object other;

        Pair(String text, Object other) {
            this.text = text;
            this.other = other;
        }
    }

    /** Text only and clean: scanned on the spot, with no frame and no entry of its own. */
    static class Clean {
        String text = "clean";
    }

    /**
     * Sizes at, and one past, each threshold where the walker trims what it keeps for the next
     * call: 256 pooled frames (a chain that deep), 65,536 scratch slots (a list that long), 8,192
     * entries of its identity index (that many objects entered). Whatever was kept or dropped,
     * that call and the calls after it escape each String once.
     */
    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({"chain, 256", "chain, 257", "list, 65536", "list, 65537", "objects, 8192", "objects, 8193"})
    void callsAtAndJustPastWhatTheWalkerKeepsAreEachEscapedOnce(String shape, int size) {
        for (int round = 0; round < 2; round++) {
            Object root = switch (shape) {
                case "chain" -> {
                    Pair head = null;
                    for (int i = size - 1; i >= 0; i--) {
                        head = new Pair("<" + i + ">", head);
                    }
                    yield head;
                }
                case "list" -> {
                    // one scratch slot per element; the shared clean bean takes none of its own
                    List<Object> list = new ArrayList<>(Collections.nCopies(size - 1, new Clean()));
                    list.add(0, "<0>");
                    yield list;
                }
                default -> {
                    // the list and size - 1 pairs: size entries
                    List<Object> list = new ArrayList<>();
                    for (int i = 1; i < size; i++) {
                        list.add(new Pair("<" + i + ">", null));
                    }
                    yield list;
                }
            };

            Escaper.escape(root);

            switch (shape) {
                case "chain" -> {
                    int i = 0;
                    for (Pair pair = (Pair) root; pair != null; pair = (Pair) pair.other) {
                        assertEquals("&lt;" + i++ + "&gt;", pair.text);
                    }
                    assertEquals(size, i);
                }
                case "list" -> {
                    List<?> list = (List<?>) root;
                    assertEquals(size, list.size());
                    assertEquals("&lt;0&gt;", list.get(0));
                    assertEquals("clean", ((Clean) list.get(size - 1)).text);
                }
                default -> {
                    List<?> list = (List<?>) root;
                    assertEquals(size - 1, list.size());
                    for (int i = 1; i < size; i++) {
                        assertEquals("&lt;" + i + "&gt;", ((Pair) list.get(i - 1)).text);
                    }
                }
            }
            Node next = tree("n" + round, 40);
            Escaper.escape(next);
            assertEscapedTree(next, "n" + round, 40);
        }
    }

    @Test
    void aCallAfterAFailedCallStartsClean() {
        Node failing = tree("f", 5);
        failing.children.add(new HashSet<>(Set.of("x\u0001", "x ")));
        assertThrows(EscapeException.class, () -> Escaper.escape(failing));

        Node next = tree("n", 5);
        Escaper.escape(next);

        assertEscapedTree(next, "n", 5);
    }

    @Test
    void escapingFromInsideAWalkUsesAWalkerOfItsOwn() {
        Node other = tree("o", 4);
        EscapingCollection collection = new EscapingCollection(other);
        collection.add("<outer>");
        collection.add(tree("i", 4));
        Node root = new Node("<r>");
        root.children.add(collection);

        Escaper.escape(root);

        assertEscapedTree(other, "o", 4);
        assertEquals("&lt;r&gt;", root.name);
        assertEquals("&lt;outer&gt;", collection.elements.get(0));
        assertEscapedTree((Node) collection.elements.get(1), "i", 4);
    }

    @Test
    void theWalkerKeepsNothingOfAGraphOnceTheCallReturns() {
        WeakReference<Node> escaped = escapeAndForget(tree("g", 50), false);
        WeakReference<Node> failed = escapeAndForget(tree("h", 50), true);

        awaitCollected(escaped);
        awaitCollected(failed);
        assertNull(escaped.get(), "the escaped graph is still referenced after the call");
        assertNull(failed.get(), "the graph of a failed call is still referenced after the call");
    }

    /** A bean of text only, escaped without a frame of its own; its final field fails when strict. */
    static final class Sealed {
        final String text = new String("<s>");
    }

    @Test
    void aCallThatFailsInsideATextOnlyBeanKeepsNothingOfIt() {
        Escaper strict = Escaper.builder().strict(true).build();
        WeakReference<Sealed> failed = failAndForget(strict);

        awaitCollected(failed);
        assertNull(failed.get(), "the bean of a failed call is still referenced after the call");
    }

    private static WeakReference<Sealed> failAndForget(Escaper strict) {
        Sealed sealed = new Sealed();
        assertThrows(EscapeException.class, () -> strict.escapeGraph(sealed));
        return new WeakReference<>(sealed);
    }

    private static WeakReference<Node> escapeAndForget(Node root, boolean fail) {
        if (fail) {
            root.children.add(new HashSet<>(Set.of("x\u0001", "x ")));
            assertThrows(EscapeException.class, () -> Escaper.escape(root));
        } else {
            Escaper.escape(root);
        }
        return new WeakReference<>(root);
    }

    private static void awaitCollected(WeakReference<?> reference) {
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
