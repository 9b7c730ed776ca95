package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract point 7: each object entered once per call; shared references and cycles. */
class IdentityAndCyclesTest {

    static class Dto {
        String name;

        Dto(String name) {
            this.name = name;
        }
    }

    static class Sharing {
        Dto first;
        Dto second;
        Object untyped;
        List<Dto> list = new ArrayList<>();
        Dto[] array;
        Map<String, Dto> map = new HashMap<>();
        String textA;
        String textB;
    }

    static class Node {
        String name;
        Object next;
        List<Object> list;
        Object[] array;
        Map<String, Object> map;

        Node(String name) {
            this.name = name;
        }
    }

    record Rec(String name, List<Object> items) {
    }

    record ArrayRec(String name, Object[] slots) {
    }

    record MapRec(String name, Map<String, Object> entries) {
    }

    record BoxedRec(String name, Box box) {
    }

    static class Box {
        Object back;
    }

    static class FinalBox {
        final Object back;

        FinalBox(Object back) {
            this.back = back;
        }
    }

    static class FinalBoxHolder {
        FinalBox box;
    }

    record LinkRec(String name, FinalBoxHolder holder) {
    }

    static class Holder {
        Object value;

        Holder(Object value) {
            this.value = value;
        }
    }

    @Test
    void sharedObjectIsEscapedOnceWhereverItIsReferenced() {
        Dto shared = new Dto("<b>");
        Sharing root = new Sharing();
        root.first = shared;
        root.second = shared;
        root.untyped = shared;
        root.list.add(shared);
        root.list.add(shared);
        root.array = new Dto[] {shared, shared};
        root.map.put("k", shared);

        Escaper.escape(root);

        assertEquals("&lt;b&gt;", shared.name);
        assertSame(shared, root.first);
        assertSame(shared, root.second);
        assertSame(shared, root.untyped);
        assertSame(shared, root.list.get(0));
        assertSame(shared, root.list.get(1));
        assertSame(shared, root.array[1]);
        assertSame(shared, root.map.get("k"));
    }

    @Test
    void sameStringInstanceInTwoFieldsIsEscapedInBoth() {
        String text = new String("<b>");
        Sharing root = new Sharing();
        root.textA = text;
        root.textB = text;

        Escaper.escape(root);

        assertEquals("&lt;b&gt;", root.textA);
        assertEquals("&lt;b&gt;", root.textB);
    }

    @Test
    void sameStringInstanceInAListTwiceIsEscapedInBothSlots() {
        String text = new String("<b>");
        List<String> list = new ArrayList<>(List.of(text, text));

        Escaper.escape(list);

        assertEquals(List.of("&lt;b&gt;", "&lt;b&gt;"), list);
    }

    @Test
    void sharedRecordIsRebuiltOnceAndEveryHolderGetsTheSameCopy() {
        Rec shared = new Rec("<b>", null);
        Sharing root = new Sharing();
        root.untyped = shared;
        List<Object> list = new ArrayList<>(List.of(shared, shared));
        Holder other = new Holder(list);
        Holder top = new Holder(List.of(root, other));

        Escaper.escape(top);

        Rec copy = (Rec) root.untyped;
        assertNotSame(shared, copy);
        assertEquals("&lt;b&gt;", copy.name());
        assertSame(copy, list.get(0));
        assertSame(copy, list.get(1));
    }

    @Test
    void selfReferenceEnds() {
        Node node = new Node("<b>");
        node.next = node;

        Escaper.escape(node);

        assertEquals("&lt;b&gt;", node.name);
        assertSame(node, node.next);
    }

    @Test
    void twoNodeCycleEndsAndEscapesBothOnce() {
        Node a = new Node("<a>");
        Node b = new Node("<b>");
        a.next = b;
        b.next = a;

        Escaper.escape(a);

        assertEquals("&lt;a&gt;", a.name);
        assertEquals("&lt;b&gt;", b.name);
        assertSame(b, a.next);
        assertSame(a, b.next);
    }

    @Test
    void cycleThroughListEnds() {
        Node node = new Node("<b>");
        node.list = new ArrayList<>();
        node.list.add(node);
        node.list.add("<i>");

        Escaper.escape(node);

        assertEquals("&lt;b&gt;", node.name);
        assertSame(node, node.list.get(0));
        assertEquals("&lt;i&gt;", node.list.get(1));
    }

    @Test
    void cycleThroughArrayEnds() {
        Node node = new Node("<b>");
        node.array = new Object[] {node, "<i>"};

        Escaper.escape(node);

        assertEquals("&lt;b&gt;", node.name);
        assertSame(node, node.array[0]);
        assertEquals("&lt;i&gt;", node.array[1]);
    }

    @Test
    void cycleThroughMapValueEnds() {
        Node node = new Node("<b>");
        node.map = new HashMap<>();
        node.map.put("self", node);
        node.map.put("text", "<i>");

        Escaper.escape(node);

        assertEquals("&lt;b&gt;", node.name);
        assertSame(node, node.map.get("self"));
        assertEquals("&lt;i&gt;", node.map.get("text"));
    }

    @Test
    void cycleThroughMapKeyEnds() {
        Node node = new Node("<b>");
        node.map = new HashMap<>();
        Map<Object, Object> keyed = new HashMap<>();
        keyed.put(node, "<v>");
        Holder holder = new Holder(keyed);
        node.next = holder;

        Escaper.escape(node);

        assertEquals("&lt;b&gt;", node.name);
        assertEquals("&lt;v&gt;", keyed.get(node));
    }

    @Test
    void recordInsideListThatHoldsTheRecordEndsAndListHoldsTheRebuiltRecord() {
        List<Object> items = new ArrayList<>();
        Rec rec = new Rec("<b>", items);
        items.add(rec);
        items.add("<i>");
        Holder holder = new Holder(rec);

        Escaper.escape(holder);

        Rec copy = (Rec) holder.value;
        assertNotSame(rec, copy);
        assertEquals("&lt;b&gt;", copy.name());
        assertSame(items, copy.items());
        assertSame(copy, items.get(0), "the list ends up holding the rebuilt record");
        assertEquals("&lt;i&gt;", items.get(1));
    }

    @Test
    void recordRootInsideItsOwnListIsReturnedRebuiltAndTheListHoldsTheCopy() {
        List<Object> items = new ArrayList<>();
        Rec rec = new Rec("<b>", items);
        items.add(rec);

        Rec copy = Escaper.escape(rec);

        assertEquals("&lt;b&gt;", copy.name());
        assertSame(copy, items.get(0));
    }

    @Test
    void listRootHoldingRecordThatHoldsTheListGetsTheRebuiltRecord() {
        List<Object> items = new ArrayList<>();
        Rec rec = new Rec("<b>", items);
        items.add(rec);

        assertSame(items, Escaper.escape(items));

        Rec copy = (Rec) items.get(0);
        assertEquals("&lt;b&gt;", copy.name());
        assertSame(items, copy.items());
    }

    @Test
    void recordCycleThroughArrayPutsTheRebuiltRecordIntoTheArray() {
        Object[] slots = new Object[1];
        ArrayRec rec = new ArrayRec("<b>", slots);
        slots[0] = rec;

        ArrayRec copy = Escaper.escape(rec);

        assertEquals("&lt;b&gt;", copy.name());
        assertSame(copy, slots[0]);
    }

    @Test
    void recordCycleThroughMapValuePutsTheRebuiltRecordIntoTheMap() {
        Map<String, Object> entries = new HashMap<>();
        MapRec rec = new MapRec("<b>", entries);
        entries.put("self", rec);

        MapRec copy = Escaper.escape(rec);

        assertEquals("&lt;b&gt;", copy.name());
        assertSame(copy, entries.get("self"));
    }

    @Test
    void recordCycleThroughMapValueWhoseKeyIsEscapedPutsTheCopyUnderTheEscapedKey() {
        Map<String, Object> entries = new HashMap<>();
        MapRec rec = new MapRec("<b>", entries);
        entries.put("<k>", rec);

        MapRec copy = Escaper.escape(rec);

        assertEquals("&lt;b&gt;", copy.name());
        assertEquals(1, entries.size(), () -> "no entry lost or added: " + entries.keySet());
        assertSame(copy, entries.get("&lt;k&gt;"));
    }

    @Test
    void recordCycleThroughMutableBeanFieldPutsTheRebuiltRecordIntoTheField() {
        Box box = new Box();
        BoxedRec rec = new BoxedRec("<b>", box);
        box.back = rec;

        BoxedRec copy = Escaper.escape(rec);

        assertEquals("&lt;b&gt;", copy.name());
        assertSame(copy, box.back);
    }

    @Test
    void cleanRecordInCycleThroughFinalFieldIsReturnedAsItIs() {
        // nothing needs escaping, so nothing needs writing: the final field must not matter
        FinalBoxHolder holder = new FinalBoxHolder();
        LinkRec rec = new LinkRec("clean", holder);
        holder.box = new FinalBox(rec);

        LinkRec result = assertDoesNotThrow(() -> Escaper.escape(rec));

        assertSame(rec, result);
        assertSame(rec, holder.box.back);
    }

    @Test
    void recordInCycleThroughFinalFieldIsLeftInTheFieldByDefault() {
        // the lenient policy for final fields: the copy cannot be stored there, so the field keeps
        // the old record, as it does for a final field holding a record outside a cycle
        FinalBoxHolder holder = new FinalBoxHolder();
        LinkRec rec = new LinkRec("<b>", holder);
        holder.box = new FinalBox(rec);

        LinkRec copy = assertDoesNotThrow(() -> Escaper.escape(rec));

        assertEquals("&lt;b&gt;", copy.name());
        assertSame(rec, holder.box.back);
    }

    @Test
    void recordInCycleThroughFinalFieldFailsWhenStrict() {
        FinalBoxHolder holder = new FinalBoxHolder();
        LinkRec rec = new LinkRec("<b>", holder);
        holder.box = new FinalBox(rec);

        EscapeException e = assertThrows(EscapeException.class,
                () -> Escaper.builder().strict(true).build().escapeGraph(rec));

        assertEquals("linkRec.holder.box.back", e.getPath());
    }

    @Test
    void cleanRecordInCycleThroughUnmodifiableViewIsReturnedAsItIs() {
        // nothing needs escaping, so nothing needs rebuilding: the immutable link must not matter
        List<Object> backing = new ArrayList<>();
        Rec rec = new Rec("clean", java.util.Collections.unmodifiableList(backing));
        backing.add(rec);

        Rec result = assertDoesNotThrow(() -> Escaper.escape(rec));

        assertSame(rec, result);
        assertSame(rec, backing.get(0));
    }

    @Test
    void sharedImmutableListOfMutableBeansIsKeptAndEscapedOnce() {
        Sharing root = new Sharing();
        List<Dto> shared = List.of(new Dto("<b>"));
        root.list = shared;
        root.untyped = shared;
        Map<String, Dto> immutableMap = Map.of("k", new Dto("<m>"));
        root.map = immutableMap;

        Escaper.escape(root);

        assertSame(shared, root.list, "nothing inside the list was replaced, so it stays");
        assertSame(shared, root.untyped);
        assertEquals("&lt;b&gt;", shared.get(0).name, "escaped once although reached twice");
        assertSame(immutableMap, root.map, "the same holds for a Map.of of mutable beans");
        assertEquals("&lt;m&gt;", immutableMap.get("k").name);
    }

    @Test
    void sharedImmutableListOfStringsIsRebuiltOnceAndBothFieldsGetTheSameCopy() {
        List<String> shared = List.of("<b>");
        Holder first = new Holder(shared);
        Holder second = new Holder(shared);
        List<Holder> holders = new ArrayList<>(List.of(first, second));

        Escaper.escape(holders);

        assertNotSame(shared, first.value);
        assertEquals(List.of("&lt;b&gt;"), first.value);
        assertSame(first.value, second.value);
    }

    // ---- objects shared a thousand times ----

    private static final int THOUSAND = 1_000;

    /** Not text only (it holds a list), so it is entered, and counted, like any object. */
    static class SharedBean {
        String text = "<s>";
        List<String> tags = new ArrayList<>(List.of("<t>"));
    }

    record SharedRecord(String text) {
    }

    record Holding(SharedBean bean, SharedRecord record) {
    }

    /** Holds the shared objects a thousand times each, in every kind of holder. */
    static class Sharers {
        String text;
        List<Object> list = new ArrayList<>();
        Object[] array = new Object[THOUSAND];
        Map<String, Object> map = new LinkedHashMap<>();
        List<Holder> holders = new ArrayList<>();
        List<Holding> holdings = new ArrayList<>();
    }

    private static Sharers sharers(SharedBean bean, SharedRecord record, List<String> immutable, String text) {
        Sharers sharers = new Sharers();
        sharers.text = text;
        for (int i = 0; i < THOUSAND; i++) {
            sharers.list.add(bean);
            sharers.array[i] = bean;
            sharers.map.put("k" + i, record);
            sharers.holders.add(new Holder(i % 2 == 0 ? immutable : text));
            sharers.holdings.add(new Holding(bean, record));
        }
        return sharers;
    }

    /**
     * Distinct nodes: the root, its five containers, a thousand holders, a thousand holdings, the
     * shared bean and its list, the shared record and the shared immutable list.
     */
    private static final int DISTINCT_NODES = 1 + 5 + THOUSAND + THOUSAND + 2 + 1 + 1;

    @Test
    void objectsSharedAThousandTimesAreEscapedOnceAndEveryHolderGetsTheSameResult() {
        SharedBean bean = new SharedBean();
        SharedRecord record = new SharedRecord("<r>");
        List<String> immutable = List.of("<l>");
        String text = new String("<x>");
        Sharers sharers = sharers(bean, record, immutable, text);

        Escaper.builder().maxNodes(DISTINCT_NODES).build().escapeGraph(sharers);

        assertEquals("&lt;s&gt;", bean.text, "escaped once, not &amp;lt;s&amp;gt;");
        assertEquals(List.of("&lt;t&gt;"), bean.tags);
        assertEquals("&lt;x&gt;", sharers.text);
        SharedRecord recordCopy = (SharedRecord) sharers.map.get("k0");
        assertEquals(new SharedRecord("&lt;r&gt;"), recordCopy);
        assertEquals("<r>", record.text(), "the shared record itself is immutable and left alone");
        Object listCopy = sharers.holders.get(0).value;
        assertEquals(List.of("&lt;l&gt;"), listCopy);
        assertEquals(List.of("<l>"), immutable);
        assertEquals(THOUSAND, sharers.list.size());
        assertEquals(THOUSAND, sharers.map.size());
        for (int i = 0; i < THOUSAND; i++) {
            assertSame(bean, sharers.list.get(i));
            assertSame(bean, sharers.array[i]);
            assertSame(recordCopy, sharers.map.get("k" + i), "the record is rebuilt once, for every holder");
            Object held = sharers.holders.get(i).value;
            if (i % 2 == 0) {
                assertSame(listCopy, held, "the immutable list is rebuilt once, for every holder");
            } else {
                assertEquals("&lt;x&gt;", held, "the same String instance is escaped in every slot");
            }
            Holding holding = sharers.holdings.get(i);
            assertSame(bean, holding.bean());
            assertSame(recordCopy, holding.record());
        }
    }

    @Test
    void objectsSharedAThousandTimesCountOnceTowardsMaxNodes() {
        // one node fewer than the distinct ones: proof that each shared object counted once
        Sharers sharers = sharers(new SharedBean(), new SharedRecord("<r>"), List.of("<l>"), "<x>");
        Escaper escaper = Escaper.builder().maxNodes(DISTINCT_NODES - 1).build();

        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(sharers));

        assertEquals("sharers.holdings[999]", e.getPath());
        assertEquals("sharers.holdings[999]: the graph has more than maxNodes (" + (DISTINCT_NODES - 1)
                + ") objects; raise Escaper.builder().maxNodes(...) if such input is expected", e.getMessage());
    }

    // ---- cycles back to a record, closed by a holder that cannot take its copy ----

    /** A record whose second component leads, through {@code link}, back to the record. */
    record Looped(String text, Object link) {
    }

    record Back(Object looped) {
    }

    static Stream<Arguments> holdersThatCannotTakeTheCopy() {
        return Stream.of(
                Arguments.of("set element", (Supplier<Looped>) () -> {
                    Set<Object> set = new HashSet<>();
                    Looped looped = new Looped("<b>", set);
                    set.add(looped);
                    return looped;
                }, "looped.link[0]", "java.util.HashSet"),
                Arguments.of("map key", (Supplier<Looped>) () -> {
                    Map<Object, Object> map = new HashMap<>();
                    Looped looped = new Looped("<b>", map);
                    map.put(looped, "v");
                    return looped;
                }, "looped.link[key #0]", "java.util.HashMap"),
                Arguments.of("unmodifiable list element", (Supplier<Looped>) () -> {
                    List<Object> backing = new ArrayList<>();
                    Looped looped = new Looped("<b>", Collections.unmodifiableList(backing));
                    backing.add(looped);
                    return looped;
                }, "looped.link[0]", "java.util.Collections$UnmodifiableRandomAccessList"),
                Arguments.of("unmodifiable map value", (Supplier<Looped>) () -> {
                    Map<Object, Object> backing = new HashMap<>();
                    Looped looped = new Looped("<b>", Collections.unmodifiableMap(backing));
                    backing.put("k", looped);
                    return looped;
                }, "looped.link[\"k\"]", "java.util.Collections$UnmodifiableMap"),
                Arguments.of("record component", (Supplier<Looped>) () -> {
                    List<Object> list = new ArrayList<>();
                    Looped looped = new Looped("<b>", list);
                    list.add(new Back(looped));
                    return looped;
                }, "looped.link[0].looped", "dev.htmlescape.IdentityAndCyclesTest$Back"),
                Arguments.of("Optional", (Supplier<Looped>) () -> {
                    List<Object> list = new ArrayList<>();
                    Looped looped = new Looped("<b>", list);
                    list.add(Optional.of(looped));
                    return looped;
                }, "looped.link[0].value", "java.util.Optional"));
    }

    /**
     * A record reached again through a cycle gets its copy written into whatever closes the cycle;
     * where that cannot take it, the walk fails with the path of the slot, and every holder keeps
     * the record it held.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("holdersThatCannotTakeTheCopy")
    void cycleBackToARecordClosedByAHolderThatCannotTakeTheCopyFailsWithItsPath(String name,
            Supplier<Looped> cycle, String path, String closingClass) {
        Looped looped = cycle.get();
        Object link = looped.link();

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(looped));

        assertEquals(path, e.getPath());
        assertEquals(path + ": a cycle leads back to a dev.htmlescape.IdentityAndCyclesTest$Looped that is"
                + " rebuilt, and the " + closingClass + " that closes the cycle cannot take the copy here; let"
                + " a field, an array, a list or a map value close the cycle, or mark one link @NoEscape",
                e.getMessage());
        assertEquals("<b>", looped.text(), "the record is immutable; its copy was dropped");
        assertSame(link, looped.link());
        assertSame(looped, only(link), "the holder that closes the cycle still holds the record");
    }

    /** The one record the holder that closes the cycle holds, however deep. */
    private static Object only(Object holder) {
        if (holder instanceof Set<?> set) {
            assertEquals(1, set.size());
            return set.iterator().next();
        }
        if (holder instanceof Map<?, ?> map) {
            assertEquals(1, map.size());
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            return entry.getValue() instanceof Looped ? entry.getValue() : entry.getKey();
        }
        List<?> list = (List<?>) holder;
        assertEquals(1, list.size());
        Object element = list.get(0);
        if (element instanceof Back back) {
            return back.looped();
        }
        if (element instanceof Optional<?> optional) {
            return optional.orElseThrow();
        }
        return element;
    }

    @Test
    void eachCallEscapesAgainBecauseEscapingIsNotIdempotent() {
        Dto dto = new Dto("<b>");

        Escaper.escape(dto);
        Escaper.escape(dto);

        assertEquals("&amp;lt;b&amp;gt;", dto.name);
    }
}
