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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    // ---- elements whose hashCode or equals does more than compare ----

    /** Equal by text; counts the calls of hashCode and equals made on any instance of one test. */
    static class Counted {
        final int[] calls;
        String text;

        Counted(String text, int[] calls) {
            this.text = text;
            this.calls = calls;
        }

        @Override
        public int hashCode() {
            calls[0]++;
            return text.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            calls[1]++;
            return other instanceof Counted && ((Counted) other).text.equals(text);
        }
    }

    static class CountedHolder {
        Set<Counted> set = new HashSet<>();
        Map<Counted, String> map = new HashMap<>();
    }

    private static CountedHolder countedHolder(int size, String prefix, int[] calls) {
        CountedHolder holder = new CountedHolder();
        for (int i = 0; i < size; i++) {
            holder.set.add(new Counted(prefix + i, calls));
            holder.map.put(new Counted(prefix + "k" + i, calls), "v" + i);
        }
        calls[0] = 0;
        calls[1] = 0;
        return holder;
    }

    @Test
    void setsAndMapsOfObjectsThatStayCleanNeverCallTheirHashCodeOrEquals() {
        int[] calls = new int[2];
        CountedHolder holder = countedHolder(100, "clean", calls);

        Escaper.escape(holder);

        assertEquals(0, calls[0], "hashCode calls");
        assertEquals(0, calls[1], "equals calls");
    }

    /**
     * A refilled set or map hashes each changed element or key a bounded number of times (to check
     * for collisions, then to refill), whatever its size; distinct hashes need no equals at all.
     */
    @Test
    void setsAndMapsOfObjectsEscapedInPlaceHashEachOfThemAtMostThreeTimes() {
        int[] calls = new int[2];
        CountedHolder holder = countedHolder(1_000, "<", calls);

        Escaper.escape(holder);

        assertTrue(calls[0] <= 3 * 2_000, "hashCode calls: " + calls[0]);
        assertEquals(0, calls[1], "equals calls");
        for (int i = 0; i < 1_000; i++) {
            assertTrue(holder.set.contains(new Counted("&lt;" + i, calls)));
            assertEquals("v" + i, holder.map.get(new Counted("&lt;k" + i, calls)));
        }
    }

    /** Hashes by identity, but a different number each call: a set holding it cannot find it. */
    static class Unstable {
        private static int next;
        String text;

        Unstable(String text) {
            this.text = text;
        }

        @Override
        public int hashCode() {
            return next++;
        }
    }

    @Test
    void aSetOfElementsWhoseHashCodeChangesOnEveryCallKeepsEachOfThem() {
        Set<Object> set = new HashSet<>();
        List<Unstable> elements = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Unstable element = new Unstable("<" + i);
            elements.add(element);
            set.add(element);
        }
        SetHolder holder = new SetHolder();
        holder.values = set;

        Escaper.escape(holder);

        assertEquals(100, set.size(), "refilled with every element, none twice");
        Set<Object> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(set);
        for (int i = 0; i < 100; i++) {
            assertTrue(held.contains(elements.get(i)));
            assertEquals("&lt;" + i, elements.get(i).text);
        }
    }

    /**
     * Changes a container of the graph from its hashCode, each time with a new element: the graph
     * changes while it is escaped, from inside the walk.
     */
    static class Meddler {
        String text;
        Runnable sideEffect = () -> { };

        Meddler(String text) {
            this.text = text;
        }

        @Override
        public int hashCode() {
            sideEffect.run();
            return System.identityHashCode(this);
        }
    }

    static class MeddlerHolder {
        List<Object> log = new ArrayList<>();
        Set<Object> set = new HashSet<>();
        Map<Object, Object> map = new HashMap<>();
    }

    @Test
    void aHashCodeThatAddsToTheSetBeingRefilledFailsWithItsPathAndLosesNothing() {
        MeddlerHolder holder = new MeddlerHolder();
        Meddler meddler = new Meddler("<m>");
        holder.set.add(meddler);
        holder.set.add("other");
        int[] added = {0};
        meddler.sideEffect = () -> holder.set.add("added" + added[0]++);

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("meddlerHolder.set", e.getPath());
        assertEquals("meddlerHolder.set: the collection changed size while it was escaped (2 to 3); do not"
                + " change a graph while escaping it, from another thread or from its own hashCode, equals or"
                + " compareTo", e.getMessage());
        meddler.sideEffect = () -> { }; // so that comparing the set adds nothing more
        assertEquals(Set.of(meddler, "other", "added0"), holder.set, "nothing the hashCode added is lost");
    }

    @Test
    void aHashCodeThatPutsIntoTheMapBeingRefilledFailsWithItsPathAndLosesNothing() {
        MeddlerHolder holder = new MeddlerHolder();
        Meddler meddler = new Meddler("<m>");
        holder.map.put(meddler, "v");
        int[] added = {0};
        meddler.sideEffect = () -> holder.map.put("added" + added[0]++, "w");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("meddlerHolder.map", e.getPath());
        assertEquals("meddlerHolder.map: the map changed size while it was escaped (1 to 2); do not change a"
                + " graph while escaping it, from another thread or from its own hashCode, equals or compareTo",
                e.getMessage());
        meddler.sideEffect = () -> { }; // so that comparing the map puts nothing more
        assertEquals(Map.of(meddler, "v", "added0", "w"), holder.map, "nothing the hashCode put is lost");
    }

    @Test
    void aHashCodeThatInsertsIntoAListBeingEscapedFailsWithItsPathAndOverwritesNothing() {
        // the list holds the set, so the set is refilled, and the hashCode run, while the list is
        // between its snapshot and its write-back
        MeddlerHolder holder = new MeddlerHolder();
        Meddler meddler = new Meddler("<m>");
        holder.set.add(meddler);
        holder.log.add("<first>");
        holder.log.add(holder.set);
        meddler.sideEffect = () -> {
            if (holder.log.size() == 2) {
                holder.log.add(0, "inserted");
            }
        };

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("meddlerHolder.log", e.getPath());
        assertEquals("meddlerHolder.log: the collection changed size while it was escaped (2 to 3); do not"
                + " change a graph while escaping it, from another thread or from its own hashCode, equals or"
                + " compareTo", e.getMessage());
        assertEquals(List.of("inserted", "<first>", holder.set), holder.log, "no element overwritten");
    }

    /** Hashes like its text until told to fail, as a hashCode that fails on its second call does. */
    static class FailsLater {
        String text;
        RuntimeException runtimeFailure;
        Error errorFailure;
        int calls;

        FailsLater(String text) {
            this.text = text;
        }

        @Override
        public int hashCode() {
            // the first call checks for collisions; the second comes after the set was cleared
            if (++calls == 2) {
                if (runtimeFailure != null) {
                    throw runtimeFailure;
                }
                throw errorFailure;
            }
            return System.identityHashCode(this);
        }
    }

    static Stream<Arguments> failuresDuringRefill() {
        return Stream.of(
                Arguments.of(new IllegalStateException("hash failed"), null),
                Arguments.of(null, new StackOverflowError()));
    }

    @ParameterizedTest
    @MethodSource("failuresDuringRefill")
    void aHashCodeThatFailsAfterTheSetWasClearedGetsTheElementsPutBack(RuntimeException runtimeFailure,
            Error errorFailure) {
        FailsLater element = new FailsLater("<e>");
        Set<Object> set = new HashSet<>();
        set.add(element);
        set.add("other");
        element.calls = 0;
        element.runtimeFailure = runtimeFailure;
        element.errorFailure = errorFailure;
        SetHolder holder = new SetHolder();
        holder.values = set;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        Throwable failure = runtimeFailure != null ? runtimeFailure : errorFailure;
        assertSame(failure, e.getCause());
        assertEquals("setHolder.values: java.util.HashSet refused an escaped element (" + failure
                + "); its elements were put back unescaped", e.getMessage());
        assertEquals(2, set.size(), "both elements are back");
        assertTrue(set.contains("other"));
        assertSame(element, set.stream().filter(FailsLater.class::isInstance).findFirst().orElseThrow());
    }

    /** Hashes the list it holds, which holds the record: its hashCode never ends. */
    record Cyclic(String text, List<Object> items) {
    }

    /**
     * A set holds a record that reaches itself through a list (added after the set hashed it). Its
     * escaped copy goes into the list, and the set must hash the copy: the record's own hashCode
     * overflows the stack, which is reported with the set's path, and the set keeps its element.
     */
    @Test
    void aSetOfARecordWhoseHashCodeOverflowsTheStackFailsWithItsPathAndKeepsItsElement() {
        List<Object> items = new ArrayList<>();
        Cyclic cyclic = new Cyclic("<b>", items);
        Set<Object> set = new HashSet<>();
        set.add(cyclic);
        items.add(cyclic);
        SetHolder holder = new SetHolder();
        holder.values = set;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("setHolder.values", e.getPath());
        assertTrue(e.getCause() instanceof StackOverflowError, String.valueOf(e.getCause()));
        assertEquals("setHolder.values: java.lang.StackOverflowError was thrown while escaping (a hashCode,"
                + " equals or compareTo of the graph that recurses without end, or too deep); the value may be"
                + " partly escaped", e.getMessage());
        assertEquals(1, set.size());
        assertSame(cyclic, set.iterator().next(), "the set keeps the record it held");
    }
}
