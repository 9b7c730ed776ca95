package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract point 7, limits: deep chains without stack overflow, maxDepth and maxNodes. */
class LimitsTest {

    static class Link {
        String name;
        Link next;

        Link(String name) {
            this.name = name;
        }
    }

    static class Holder {
        List<Object> items = new ArrayList<>();
    }

    static class Dto {
        String name = "<b>";
    }

    /** A chain of {@code length} links; returns the head, the tail is reachable by walking next. */
    private static Link chain(int length) {
        Link head = new Link("<b>");
        Link tail = head;
        for (int i = 1; i < length; i++) {
            tail.next = new Link("<b>");
            tail = tail.next;
        }
        return head;
    }

    private static Link tail(Link head) {
        Link link = head;
        while (link.next != null) {
            link = link.next;
        }
        return link;
    }

    /**
     * A million nodes deep, at a maxDepth of exactly a million, through every kind of holder in
     * turn (see {@link Chain#mixed}): the walk is iterative, so nothing overflows the stack.
     */
    @Test
    void chainAMillionNodesDeepThroughEveryKindOfHolderIsEscapedAtMaxDepthOfExactlyAMillion() {
        Chain chain = Chain.mixed(1_000_000);
        Escaper escaper = Escaper.builder().maxDepth(1_000_000).build();

        Object escaped = escaper.escapeGraph(chain.root);

        assertSame(chain.root, escaped, "the root is a bean, escaped in place");
        chain.verify(escaped, "&lt;top&gt;", "&lt;end&gt;");
        chain.verifyOriginalTail();
    }

    @Test
    void chainOneNodeDeeperThanAMillionFailsWithThePathOfTheNodeBeyondTheLimit() {
        Chain chain = Chain.mixed(1_000_001);
        Escaper escaper = Escaper.builder().maxDepth(1_000_000).build();

        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(chain.root));

        String path = chain.pathTo(1_000_000);
        assertEquals(path, e.getPath());
        assertEquals(path + ": the graph is nested deeper than maxDepth (1000000); raise"
                + " Escaper.builder().maxDepth(...) if such input is expected", e.getMessage());
        // nothing lost; what was walked before the limit may be escaped already, as documented
        chain.verify(chain.root, null, Chain.END);
        chain.verifyOriginalTail();
    }

    @Test
    void chainAsDeepAsTheDefaultMaxDepthPasses() {
        Link head = chain(EscaperBuilder.DEFAULT_MAX_DEPTH);

        assertDoesNotThrow(() -> Escaper.escape(head));

        assertEquals("&lt;b&gt;", tail(head).name);
    }

    @Test
    void chainOneDeeperThanTheDefaultMaxDepthFailsWithThePathToTheOffendingLink() {
        assertEquals(10_000, EscaperBuilder.DEFAULT_MAX_DEPTH);
        Link head = chain(10_001);

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(head));

        String path = "link" + ".next".repeat(10_000);
        assertEquals(path, e.getPath());
        assertEquals(path + ": the graph is nested deeper than maxDepth (10000); raise"
                + " Escaper.builder().maxDepth(...) if such input is expected", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 50})
    void configuredMaxDepthAllowsExactlyThatManyNestedObjects(int maxDepth) {
        Escaper escaper = Escaper.builder().maxDepth(maxDepth).build();

        Link atLimit = chain(maxDepth);
        assertDoesNotThrow(() -> escaper.escapeGraph(atLimit));
        assertEquals("&lt;b&gt;", tail(atLimit).name);

        Link overLimit = chain(maxDepth + 1);
        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(overLimit));
        assertEquals("link" + ".next".repeat(maxDepth), e.getPath());
        assertEquals(e.getPath() + ": the graph is nested deeper than maxDepth (" + maxDepth
                + "); raise Escaper.builder().maxDepth(...) if such input is expected", e.getMessage());
    }

    /**
     * Every kind of holder counts one level, and the node beyond the limit is named by its path
     * whatever holds it: a map key or a set element holds a bean, which holds the next map or set.
     */
    @ParameterizedTest(name = "{0}, maxDepth {1}")
    @MethodSource("holderKindsAndDepths")
    void maxDepthAllowsExactlyThatManyNestedHoldersOfEachKind(Chain.Level kind, int maxDepth) {
        Escaper escaper = Escaper.builder().maxDepth(maxDepth).build();

        Chain atLimit = Chain.of(kind, maxDepth);
        Object escaped = assertDoesNotThrow(() -> escaper.escapeGraph(atLimit.root));
        atLimit.verify(escaped, "&lt;top&gt;", "&lt;end&gt;");

        Chain overLimit = Chain.of(kind, maxDepth + 1);
        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(overLimit.root));
        String path = overLimit.pathTo(maxDepth);
        assertEquals(path, e.getPath());
        assertEquals(path + ": the graph is nested deeper than maxDepth (" + maxDepth + "); raise"
                + " Escaper.builder().maxDepth(...) if such input is expected", e.getMessage());
        overLimit.verify(overLimit.root, null, Chain.END);
        overLimit.verifyOriginalTail();
    }

    static Stream<Arguments> holderKindsAndDepths() {
        return Arrays.stream(Chain.Level.values())
                .flatMap(kind -> IntStream.of(1, 2, 3, 1_000).mapToObj(depth -> Arguments.of(kind, depth)));
    }

    @Test
    void containersCountTowardsDepthButStringsInsideThemDoNot() {
        Escaper escaper = Escaper.builder().maxDepth(2).build();
        Holder strings = new Holder();
        strings.items.add("<b>");
        Holder objects = new Holder();
        objects.items.add(new Dto());

        assertDoesNotThrow(() -> escaper.escapeGraph(strings));
        assertEquals("&lt;b&gt;", strings.items.get(0));

        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(objects));
        assertEquals("holder.items[0]", e.getPath());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 1000})
    void maxNodesAllowsExactlyThatManyObjects(int maxNodes) {
        // the holder and its list are two nodes; each distinct Dto is one more
        Escaper escaper = Escaper.builder().maxNodes(maxNodes).build();

        Holder atLimit = holderWith(maxNodes - 2);
        assertDoesNotThrow(() -> escaper.escapeGraph(atLimit));
        atLimit.items.forEach(dto -> assertEquals("&lt;b&gt;", ((Dto) dto).name));

        Holder overLimit = holderWith(maxNodes - 1);
        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(overLimit));
        String path = "holder.items[" + (maxNodes - 2) + "]";
        assertEquals(path, e.getPath());
        assertEquals(path + ": the graph has more than maxNodes (" + maxNodes + ") objects; raise"
                + " Escaper.builder().maxNodes(...) if such input is expected", e.getMessage());
    }

    @Test
    void maxNodesOfOneAllowsTheRootAlone() {
        Escaper escaper = Escaper.builder().maxNodes(1).build();
        Dto root = new Dto();

        assertDoesNotThrow(() -> escaper.escapeGraph(root));
        assertEquals("&lt;b&gt;", root.name);

        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(new Holder()));
        assertEquals("holder.items", e.getPath());
    }

    /** Text only and clean: scanned, and counted, each time it is reached (see Builder.maxNodes). */
    static class CleanText {
        String text = "clean";
    }

    /**
     * The default limit itself, not a configured one: a list (one node) reaching one clean bean of
     * text 9,999,999 times makes exactly 10,000,000 nodes; one more reach is one too many. The
     * bean is shared so the graph costs 40 MB of references, not ten million objects.
     */
    @Test
    void defaultMaxNodesAllowsExactlyTenMillionNodes() {
        assertEquals(10_000_000, EscaperBuilder.DEFAULT_MAX_NODES);
        CleanText shared = new CleanText();
        List<Object> list = new ArrayList<>(Collections.nCopies(EscaperBuilder.DEFAULT_MAX_NODES - 1, shared));

        assertSame(list, assertDoesNotThrow(() -> Escaper.escape(list)));

        list.add(shared);
        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(list));
        assertEquals("arrayList[9999999]", e.getPath());
        assertEquals("arrayList[9999999]: the graph has more than maxNodes (10000000) objects; raise"
                + " Escaper.builder().maxNodes(...) if such input is expected", e.getMessage());
        assertEquals(EscaperBuilder.DEFAULT_MAX_NODES, list.size(), "nothing lost");
        assertEquals("clean", shared.text);
    }

    @Test
    void sharedObjectsCountOnceTowardsMaxNodes() {
        Escaper escaper = Escaper.builder().maxNodes(3).build();
        Holder holder = new Holder();
        Dto shared = new Dto();
        for (int i = 0; i < 100; i++) {
            holder.items.add(shared);
        }

        assertDoesNotThrow(() -> escaper.escapeGraph(holder));

        assertEquals("&lt;b&gt;", shared.name);
    }

    @Test
    void limitsAreCountedPerCall() {
        Escaper escaper = Escaper.builder().maxNodes(3).build();

        for (int i = 0; i < 5; i++) {
            Holder holder = holderWith(1);
            assertDoesNotThrow(() -> escaper.escapeGraph(holder));
            assertEquals("&lt;b&gt;", ((Dto) holder.items.get(0)).name);
        }
    }

    private static Holder holderWith(int dtos) {
        Holder holder = new Holder();
        for (int i = 0; i < dtos; i++) {
            holder.items.add(new Dto());
        }
        return holder;
    }
}
