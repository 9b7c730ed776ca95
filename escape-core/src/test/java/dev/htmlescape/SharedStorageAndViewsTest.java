package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Containers that share storage, views and wrappers of unknown storage: each String is escaped once
 * however many containers show it, and a container that cannot take escaped values back is an
 * {@link EscapeException} with nothing lost, never a silent skip.
 */
class SharedStorageAndViewsTest {

    private static final Escaper STRICT = Escaper.builder().strict(true).build();

    static class ListAndView {
        List<String> items = new ArrayList<>(List.of("<"));
        List<String> view = Collections.unmodifiableList(items);
    }

    @Test
    void escapesAListOnceWhenAnUnmodifiableViewShowsItToo() {
        ListAndView holder = Escaper.escape(new ListAndView());

        assertEquals(List.of("&lt;"), holder.items);
        assertEquals(List.of("&lt;"), holder.view);
    }

    static class ListAndSynchronizedWrapper {
        List<String> items = new ArrayList<>(List.of("<"));
        List<String> sync = Collections.synchronizedList(items);
    }

    @Test
    void escapesAListOnceWhenASynchronizedWrapperShowsItToo() {
        ListAndSynchronizedWrapper holder = Escaper.escape(new ListAndSynchronizedWrapper());

        assertEquals(List.of("&lt;"), holder.items);
        assertEquals(List.of("&lt;"), holder.sync);
    }

    static class ArrayAndListView {
        String[] array = {"<", "&"};
        List<String> list = Arrays.asList(array);
    }

    @Test
    void escapesAnArrayOnceWhenArraysAsListShowsItToo() {
        ArrayAndListView holder = Escaper.escape(new ArrayAndListView());

        assertEquals(List.of("&lt;", "&amp;"), Arrays.asList(holder.array));
        assertEquals(List.of("&lt;", "&amp;"), holder.list);
    }

    /** A key set view, shown by an array, Arrays.asList of that array and a field of its own. */
    static class KeySetShownThreeWays {
        Map<Tag, Integer> map = new HashMap<>();
        Set<Tag> keys = map.keySet();
        Object[] array = {keys};
        List<Object> arrayView = Arrays.asList(array);

        KeySetShownThreeWays(Tag tag) {
            map.put(tag, 1);
        }
    }

    /** Equal by its label: its hash changes when it is escaped. */
    static final class Tag {
        String label;

        Tag(String label) {
            this.label = label;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tag tag && Objects.equals(label, tag.label);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(label);
        }
    }

    @Test
    void aViewRebuiltAsACopyIsOneCopyInEveryHolderEvenWhenSharedStorageShowsTheCopyAgain() {
        // found by the hostile-graph fuzz: the copy written into the array was met again through
        // Arrays.asList, taken for new input and copied a second time, so the array and the field
        // that held the same view ended up with two different sets
        Tag tag = new Tag("<b>");
        KeySetShownThreeWays holder = Escaper.escape(new KeySetShownThreeWays(tag));

        assertEquals("&lt;b&gt;", tag.label);
        assertSame(holder.keys, holder.array[0], "one view, one copy");
        assertTrue(holder.keys.contains(tag), "the copy finds its escaped element");
        assertTrue(holder.map.containsKey(tag), "the map was rehashed");
    }

    static class MapAndValuesView {
        Map<String, String> map = new HashMap<>(Map.of("<k>", "<v>"));
        Collection<String> values = map.values();
    }

    @Test
    void escapesMapValuesOnceWhenAValuesViewShowsThemToo() {
        MapAndValuesView holder = Escaper.escape(new MapAndValuesView());

        assertEquals(Map.of("&lt;k&gt;", "&lt;v&gt;"), holder.map);
        assertEquals(List.of("&lt;v&gt;"), new ArrayList<>(holder.values));
    }

    static class ValuesHolder {
        Collection<String> values;
    }

    @Test
    void refusesASynchronizedWrapperOfAValuesViewWithoutEmptyingTheMap() {
        Map<String, String> backing = new HashMap<>(Map.of("k", "<"));
        ValuesHolder holder = new ValuesHolder();
        holder.values = Collections.synchronizedCollection(backing.values());

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("valuesHolder.values", e.getPath());
        assertTrue(e.getMessage().contains("was left as it was"), e.getMessage());
        assertEquals(Map.of("k", "<"), backing, "nothing lost");
    }

    static class KeysHolder {
        Set<String> keys;
    }

    @Test
    void refusesASynchronizedWrapperOfAKeySetViewWithoutEmptyingTheMap() {
        Map<String, String> backing = new HashMap<>(Map.of("<", "v"));
        KeysHolder holder = new KeysHolder();
        holder.keys = Collections.synchronizedSet(backing.keySet());

        assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals(Map.of("<", "v"), backing, "nothing lost");
    }

    @Test
    void refillsASynchronizedSetInPlace() {
        KeysHolder holder = new KeysHolder();
        Set<String> synchronizedSet = Collections.synchronizedSet(new HashSet<>(Set.of("<", "a")));
        holder.keys = synchronizedSet;

        Escaper.escape(holder);

        assertSame(synchronizedSet, holder.keys);
        assertEquals(Set.of("&lt;", "a"), holder.keys);
        assertTrue(holder.keys.contains("&lt;"));
    }

    /** Reads through to another map and, like AbstractMap, refuses put. */
    static class ReadThroughMap extends AbstractMap<String, String> {
        final Map<String, String> inner = new HashMap<>();

        @Override
        public Set<Entry<String, String>> entrySet() {
            return inner.entrySet();
        }
    }

    static class MapHolder {
        Map<String, String> map;
    }

    @Test
    void copiesAnApplicationMapThatTakesNoNewKeysWithoutLosingEntries() {
        ReadThroughMap map = new ReadThroughMap();
        map.inner.put("<", "v");
        MapHolder holder = new MapHolder();
        holder.map = map;

        Escaper.escape(holder);

        assertEquals(Map.of("&lt;", "v"), holder.map, "an unmodifiable copy in the holder");
        assertThrows(UnsupportedOperationException.class, () -> holder.map.put("k", "v"));
        assertEquals(Map.of("<", "v"), map.inner, "the original left as it was");
    }

    /** Validates its elements, so it refuses escaped ones. */
    static class SlugSet extends HashSet<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(String slug) {
            if (slug.contains("&")) {
                throw new IllegalArgumentException("not a slug: " + slug);
            }
            return super.add(slug);
        }
    }

    static class SlugsHolder {
        Set<String> slugs;
    }

    @Test
    void turnsARefusedElementIntoEscapeExceptionWithoutLosingElements() {
        SlugSet slugs = new SlugSet();
        slugs.add("a<b");
        slugs.add("ok");
        SlugsHolder holder = new SlugsHolder();
        holder.slugs = slugs;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getMessage().contains("not a slug"), e.getMessage());
        assertEquals(Set.of("a<b", "ok"), slugs, "nothing lost");
    }

    static class NamesHolder {
        Set<String> names;
    }

    @Test
    void copiesAKeySetViewWhoseMapHasValuesOfItsOwn() {
        ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>(Map.of("<", 42));
        NamesHolder holder = new NamesHolder();
        holder.names = counts.keySet(0);

        Escaper.escape(holder);

        assertEquals(Set.of("&lt;"), holder.names);
        assertThrows(UnsupportedOperationException.class, () -> holder.names.add("more"));
        assertEquals(Map.of("<", 42), counts, "the map keeps its value, not the view's default");
    }

    @Test
    void refillsANewKeySetInPlace() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        names.add("<");
        NamesHolder holder = new NamesHolder();
        holder.names = names;

        Escaper.escape(holder);

        assertSame(names, holder.names);
        assertEquals(Set.of("&lt;"), names);
    }

    static class LifoHolder {
        Queue<String> stack = Collections.asLifoQueue(new ArrayDeque<>());
    }

    @Test
    void refusesToRefillALifoQueueRatherThanReverseIt() {
        LifoHolder holder = new LifoHolder();
        holder.stack.add("1<");
        holder.stack.add("2");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("lifoHolder.stack", e.getPath());
        assertEquals(List.of("2", "1<"), new ArrayList<>(holder.stack), "left as it was");
    }

    static class Key {
        String name;

        Key(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(((Key) other).name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    static class KeysThenMap {
        List<Key> keys = new ArrayList<>();
        Map<Key, String> byKey = new HashMap<>();
    }

    @Test
    void rehashesAMapWhoseUnescapedKeyWasEscapedThroughAnotherPath() {
        KeysThenMap holder = new KeysThenMap();
        Key key = new Key("<");
        holder.keys.add(key);
        holder.byKey.put(key, "v");

        Escaper.builder().escapeMapKeys(false).build().escapeGraph(holder);

        assertEquals("&lt;", key.name);
        assertEquals("v", holder.byKey.get(key));
    }

    static class IdentitySetHolder {
        Set<String> set = Collections.newSetFromMap(new IdentityHashMap<>());
    }

    @Test
    void keepsEqualButDistinctElementsOfAnIdentitySet() {
        IdentitySetHolder holder = new IdentitySetHolder();
        holder.set.add(new String("a<"));
        holder.set.add(new String("a<"));

        Escaper.escape(holder);

        assertEquals(2, holder.set.size());
        holder.set.forEach(element -> assertEquals("a&lt;", element));
    }

    static class WeakHolder {
        Map<String, String> weak = new WeakHashMap<>();
    }

    @Test
    void leavesWeakHashMapKeysButEscapesTheirValues() {
        WeakHolder holder = new WeakHolder();
        String key = "<k>";
        holder.weak.put(key, "<v>");

        Escaper.escape(holder);

        assertEquals("&lt;v&gt;", holder.weak.get(key));
        assertSame(key, holder.weak.keySet().iterator().next());
    }

    @Test
    void rejectsAWeakHashMapKeyThatNeedsEscapingWhenStrict() {
        WeakHolder holder = new WeakHolder();
        String key = "<k>";
        holder.weak.put(key, "v");

        EscapeException e = assertThrows(EscapeException.class, () -> STRICT.escapeGraph(holder));

        assertEquals("weakHolder.weak[key \"\\u003Ck\\u003E\"]", e.getPath());
        assertEquals("v", holder.weak.get(key));
    }

    static class TaggedList extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
        String title = "<b>";
    }

    static class TaggedHolder {
        TaggedList list = new TaggedList();
    }

    @Test
    void escapesElementsButNotOwnFieldsOfACollectionClass() {
        TaggedHolder holder = new TaggedHolder();
        holder.list.add("<i>");

        Escaper.escape(holder);

        assertEquals(List.of("&lt;i&gt;"), holder.list);
        assertEquals("<b>", holder.list.title, "walked as a container; documented");
    }

    @Test
    void rejectsOwnFieldsOfACollectionClassWhenStrict() {
        TaggedHolder holder = new TaggedHolder();
        holder.list.add("<i>");

        EscapeException e = assertThrows(EscapeException.class, () -> STRICT.escapeGraph(holder));

        assertEquals("taggedHolder.list", e.getPath());
        assertTrue(e.getMessage().contains("its own fields (title)"), e.getMessage());
    }

    record Looped(String text, Holder holder) {
    }

    static class Holder {
        List<Object> list;
    }

    @Test
    void reportsACycleThatAWrappedImmutableListCannotCloseAsEscapeException() {
        List<Object> inner = new ArrayList<>();
        Holder holder = new Holder();
        holder.list = Collections.synchronizedList(Collections.unmodifiableList(inner));
        Looped looped = new Looped("<", holder);
        inner.add(looped);

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(looped));

        assertEquals("looped.holder.list[0]", e.getPath());
        assertTrue(e.getCause() instanceof UnsupportedOperationException, String.valueOf(e.getCause()));
        assertSame(looped, inner.get(0), "nothing lost");
    }
}
