package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    @Test
    void eachCallEscapesAgainBecauseEscapingIsNotIdempotent() {
        Dto dto = new Dto("<b>");

        Escaper.escape(dto);
        Escaper.escape(dto);

        assertEquals("&amp;lt;b&amp;gt;", dto.name);
    }
}
