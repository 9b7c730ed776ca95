package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Containers whose equality, storage or code the walker cannot see: whatever they do, nothing is
 * lost, lookups keep working, and a failure is an {@link EscapeException} with a path.
 */
class HostileContainersTest {

    static class CollectionHolder {
        Collection<String> values;
    }

    static class SetHolder {
        Set<Object> values;
    }

    static class MapHolder {
        Map<String, Object> values;
    }

    /** Two strings that differ only in characters the encoder replaces with a space. */
    private static final String CONTROL = "a\u0001";
    private static final String SPACE = "a\u0002";

    @Test
    void putsElementsBackWhenAWrappedSetJudgesEscapedElementsEqual() {
        CollectionHolder holder = new CollectionHolder();
        holder.values = Collections.synchronizedCollection(new HashSet<>(List.of(CONTROL, SPACE)));

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("collectionHolder.values", e.getPath());
        assertTrue(e.getMessage().contains("its elements were put back unescaped"), e.getMessage());
        assertEquals(Set.of(CONTROL, SPACE), new HashSet<>(holder.values));
    }

    @Test
    void putsEntriesBackWhenAWrappedMapJudgesEscapedKeysEqual() {
        TreeMap<String, Object> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.put("\u0001A", 1);
        caseInsensitive.put(" a", 2);
        MapHolder holder = new MapHolder();
        holder.values = Collections.synchronizedMap(caseInsensitive);

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getMessage().contains("its entries were put back unescaped"), e.getMessage());
        assertEquals(Map.of("\u0001A", 1, " a", 2), new TreeMap<>(caseInsensitive));
    }

    /** A set of the application's own, equal ignoring case. */
    static class CaseInsensitiveSet extends AbstractSet<Object> {
        private final TreeSet<Object> store = new TreeSet<>((a, b) -> ((String) a).compareToIgnoreCase((String) b));

        @Override
        public boolean add(Object element) {
            return store.add(element);
        }

        @Override
        public Iterator<Object> iterator() {
            return store.iterator();
        }

        @Override
        public int size() {
            return store.size();
        }

        @Override
        public void clear() {
            store.clear();
        }
    }

    @Test
    void putsElementsBackWhenAnApplicationSetJudgesEscapedElementsEqual() {
        CaseInsensitiveSet set = new CaseInsensitiveSet();
        set.add("\u0001A");
        set.add(" a");
        SetHolder holder = new SetHolder();
        holder.values = set;

        assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals(2, set.size());
        assertTrue(set.contains("\u0001A") && set.contains(" a"));
    }

    /** Validates its elements after the first one, so a refill fails half way. */
    static class ValidatingSet extends LinkedHashSet<Object> {
        private static final long serialVersionUID = 1L;
        boolean validating;

        @Override
        public boolean add(Object element) {
            if (validating && element.toString().contains("&")) {
                throw new IllegalArgumentException("no entities: " + element);
            }
            return super.add(element);
        }
    }

    @Test
    void putsElementsBackWhenARefillFailsHalfWay() {
        ValidatingSet set = new ValidatingSet();
        set.add("ok");
        set.add("<b>");
        set.validating = true;
        SetHolder holder = new SetHolder();
        holder.values = set;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getMessage().contains("no entities"), e.getMessage());
        assertTrue(e.getMessage().contains("its elements were put back unescaped"), e.getMessage());
        assertEquals(List.of("ok", "<b>"), new ArrayList<>(set));
    }

    @Test
    void reportsAComparatorThatRejectsEscapedTextWithItsPath() {
        TreeSet<Object> set = new TreeSet<>((a, b) -> {
            if (a.toString().contains("&") || b.toString().contains("&")) {
                throw new IllegalArgumentException("no entities");
            }
            return a.toString().compareTo(b.toString());
        });
        set.add("<b");
        set.add("c");
        SetHolder holder = new SetHolder();
        holder.values = set;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("setHolder.values"), e.getPath());
        assertEquals(Set.of("<b", "c"), new HashSet<>(set));
    }

    static class UnreadableCollection extends AbstractCollection<String> {
        @Override
        public Iterator<String> iterator() {
            throw new UnsupportedOperationException("no iteration");
        }

        @Override
        public int size() {
            return 1;
        }
    }

    @Test
    void reportsACollectionThatCannotBeReadWithItsPath() {
        CollectionHolder holder = new CollectionHolder();
        holder.values = new UnreadableCollection();

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("collectionHolder.values", e.getPath());
        assertTrue(e.getCause() instanceof UnsupportedOperationException);
    }

    static class UnreadableMap extends AbstractMap<String, Object> {
        @Override
        public Set<Entry<String, Object>> entrySet() {
            throw new ConcurrentModificationException();
        }
    }

    @Test
    void reportsAMapThatCannotBeReadWithItsPath() {
        MapHolder holder = new MapHolder();
        holder.values = new UnreadableMap();

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("mapHolder.values", e.getPath());
        assertTrue(e.getCause() instanceof ConcurrentModificationException);
    }

    static class HashFailsOnEntities {
        String name;

        HashFailsOnEntities(String name) {
            this.name = name;
        }

        @Override
        public int hashCode() {
            if (name.contains("&")) {
                throw new IllegalStateException("no entities");
            }
            return name.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HashFailsOnEntities && ((HashFailsOnEntities) other).name.equals(name);
        }
    }

    @Test
    void reportsAHashCodeThatFailsOnEscapedTextWithItsPath() {
        SetHolder holder = new SetHolder();
        holder.values = new HashSet<>(List.of(new HashFailsOnEntities("<")));

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("setHolder.values"), e.getPath());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    static class Inner {
        String text;

        Inner(String text) {
            this.text = text;
        }
    }

    /** Hashes on text below it, so its hash changes after any set holding it finished. */
    static class Peer {
        Set<Peer> peers = new HashSet<>();
        Inner inner;

        @Override
        public int hashCode() {
            return inner.text.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Peer && ((Peer) other).inner.text.equals(inner.text);
        }
    }

    @Test
    void refillsASetAgainWhenAnElementBelowItFinishedLater() {
        Peer peer = new Peer();
        peer.inner = new Inner("x<");
        peer.peers.add(peer);

        Escaper.escape(peer);

        assertEquals("x&lt;", peer.inner.text);
        assertTrue(peer.peers.contains(peer), "the set is hashed with the escaped text");
    }

    /** Hashes on text below it; used as a map key that points back to its map. */
    static class PeerKey {
        Map<PeerKey, String> index = new HashMap<>();
        Inner inner;

        @Override
        public int hashCode() {
            return inner.text.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PeerKey && ((PeerKey) other).inner.text.equals(inner.text);
        }
    }

    @Test
    void refillsAMapAgainWhenAKeyBelowItFinishedLater() {
        PeerKey key = new PeerKey();
        key.inner = new Inner("k<");
        key.index.put(key, "v<");

        Escaper.escape(key);

        assertEquals("k&lt;", key.inner.text);
        assertEquals("v&lt;", key.index.get(key), "the map is hashed with the escaped text");
    }

    /** Hands out entries that are copies, so writing through an entry changes nothing. */
    static class CopyingEntriesMap extends AbstractMap<String, Object> {
        final List<String> keys = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        @Override
        public Object put(String key, Object value) {
            int index = keys.indexOf(key);
            if (index >= 0) {
                return values.set(index, value);
            }
            keys.add(key);
            values.add(value);
            return null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                entries.add(new SimpleEntry<>(keys.get(i), values.get(i)));
            }
            return entries;
        }
    }

    @Test
    void putsValuesIntoAnApplicationMapWhoseEntriesAreCopies() {
        CopyingEntriesMap map = new CopyingEntriesMap();
        map.put("k", "<v>");
        MapHolder holder = new MapHolder();
        holder.values = map;

        Escaper.escape(holder);

        assertEquals("&lt;v&gt;", map.get("k"));
    }

    static class ListHolder {
        List<String> part;
    }

    @Test
    void writesThroughASubListInsteadOfCopyingIt() {
        List<String> backing = new ArrayList<>(List.of("<", "b", "c"));
        List<String> part = backing.subList(0, 2);
        ListHolder holder = new ListHolder();
        holder.part = part;

        Escaper.escape(holder);

        assertSame(part, holder.part);
        assertEquals(List.of("&lt;", "b", "c"), backing);
    }

    static class Tag {
        String label;

        Tag(String label) {
            this.label = label;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(label);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tag && Objects.equals(((Tag) other).label, label);
        }
    }

    static class TagsHolder {
        Collection<Tag> tags;
    }

    @Test
    void keepsALiveViewWhoseElementsWereEscapedInPlace() {
        List<Tag> list = new ArrayList<>(List.of(new Tag("<")));
        Collection<Tag> view = Collections.unmodifiableCollection(list);
        TagsHolder holder = new TagsHolder();
        holder.tags = view;

        Escaper.escape(holder);

        assertSame(view, holder.tags);
        assertEquals("&lt;", list.get(0).label);
    }

    @Test
    void keepsEqualButDistinctKeysOfAWrappedIdentityMap() {
        IdentityHashMap<String, Object> identity = new IdentityHashMap<>();
        identity.put("a<", 1);
        identity.put(new String("a<"), 2);
        MapHolder holder = new MapHolder();
        holder.values = Collections.synchronizedMap(identity);

        Escaper.escape(holder);

        assertEquals(2, identity.size());
        identity.keySet().forEach(key -> assertEquals("a&lt;", key));
        assertEquals(Set.of(1, 2), new HashSet<>(identity.values()));
    }
}
