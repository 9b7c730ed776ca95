package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void millionDeepChainIsEscapedWithoutStackOverflow() {
        // only the ends carry text: the walk, not the OWASP encoder, is what is under test here
        int length = 1_000_000;
        Link head = new Link("<b>");
        Link tail = head;
        for (int i = 1; i < length; i++) {
            tail.next = new Link(null);
            tail = tail.next;
        }
        tail.name = "<end>";
        Escaper escaper = Escaper.builder().maxDepth(2_000_000).build();

        assertSame(head, assertDoesNotThrow(() -> escaper.escapeGraph(head)));

        assertEquals("&lt;b&gt;", head.name);
        assertEquals("&lt;end&gt;", tail.name);
        int links = 0;
        for (Link link = head; link != null; link = link.next) {
            links++;
        }
        assertEquals(length, links, "the chain is intact");
        assertSame(tail, tail(head));
    }

    @Test
    void chainAsDeepAsTheDefaultMaxDepthPasses() {
        Link head = chain(Escaper.DEFAULT_MAX_DEPTH);

        assertDoesNotThrow(() -> Escaper.escape(head));

        assertEquals("&lt;b&gt;", tail(head).name);
    }

    @Test
    void chainOneDeeperThanTheDefaultMaxDepthFailsWithThePathToTheOffendingLink() {
        assertEquals(10_000, Escaper.DEFAULT_MAX_DEPTH);
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

    @Test
    void defaultMaxNodesIsTenMillion() {
        assertEquals(10_000_000, Escaper.DEFAULT_MAX_NODES);
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
