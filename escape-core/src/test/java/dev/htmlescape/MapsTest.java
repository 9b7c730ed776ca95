package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.owasp.encoder.Encode;

/**
 * Contract point 4 for maps: values and (by default) keys, mutable maps changed in place,
 * immutable ones rebuilt, lookups working afterwards, collisions reported without losing entries.
 */
class MapsTest {

    enum Order {
        INSERTION, SORTED, ANY
    }

    record Kind(String name, Function<Map<String, String>, Map<String, String>> create, boolean keepsIdentity,
            Order order) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Kind mutable(String name, Function<Map<String, String>, Map<String, String>> create, Order order) {
        return new Kind(name, create, true, order);
    }

    static Kind immutable(String name, Function<Map<String, String>, Map<String, String>> create, Order order) {
        return new Kind(name, create, false, order);
    }

    static Stream<Kind> maps() {
        return Stream.of(
                mutable("HashMap", HashMap::new, Order.ANY),
                mutable("LinkedHashMap", LinkedHashMap::new, Order.INSERTION),
                mutable("LinkedHashMap(accessOrder)", in -> {
                    Map<String, String> map = new LinkedHashMap<>(16, 0.75f, true);
                    map.putAll(in);
                    return map;
                }, Order.INSERTION),
                mutable("TreeMap", TreeMap::new, Order.SORTED),
                mutable("TreeMap(reverseOrder)", in -> sorted(new TreeMap<>(Comparator.reverseOrder()), in),
                        Order.SORTED),
                mutable("TreeMap(CASE_INSENSITIVE_ORDER)",
                        in -> sorted(new TreeMap<>(String.CASE_INSENSITIVE_ORDER), in), Order.SORTED),
                mutable("ConcurrentHashMap", ConcurrentHashMap::new, Order.ANY),
                mutable("ConcurrentSkipListMap", ConcurrentSkipListMap::new, Order.SORTED),
                mutable("Hashtable", Hashtable::new, Order.ANY),
                mutable("synchronizedMap", in -> Collections.synchronizedMap(new LinkedHashMap<>(in)),
                        Order.INSERTION),
                mutable("synchronizedSortedMap", in -> Collections.synchronizedSortedMap(new TreeMap<>(in)),
                        Order.SORTED),
                immutable("Map.of", Map::copyOf, Order.ANY),
                immutable("Map.ofEntries", MapsTest::ofEntries,
                        Order.ANY),
                immutable("unmodifiableMap", in -> Collections.unmodifiableMap(new LinkedHashMap<>(in)),
                        Order.INSERTION),
                immutable("unmodifiableSortedMap(reverseOrder)",
                        in -> Collections.unmodifiableSortedMap(sorted(new TreeMap<>(Comparator.reverseOrder()), in)),
                        Order.SORTED),
                immutable("unmodifiableNavigableMap",
                        in -> Collections.unmodifiableNavigableMap(new TreeMap<>(in)), Order.SORTED),
                immutable("Collectors.toUnmodifiableMap", in -> in.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)), Order.ANY));
    }

    private static Map<String, String> ofEntries(Map<String, String> in) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        in.forEach((k, v) -> entries.add(Map.entry(k, v)));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map.Entry<String, String>[] array = entries.toArray(new Map.Entry[0]);
        return Map.ofEntries(array);
    }

    private static TreeMap<String, String> sorted(TreeMap<String, String> map, Map<String, String> in) {
        map.putAll(in);
        return map;
    }

    static class Holder {
        Map<String, String> map;

        Holder(Map<String, String> map) {
            this.map = map;
        }
    }

    static final class Key {
        String name;

        Key(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(name, ((Key) other).name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    static class Item {
        String name;

        Item(String name) {
            this.name = name;
        }
    }

    record Label(String text) {
    }

    static class Shapes {
        Map<String, List<Item>> itemsByName;
        Map<String, List<String>> listsByName;
        Map<String, Map<String, String>> nested;
        Map<Key, String> byKey;
        Map<Label, String> byLabel;
        Map<Object, Object> raw;
        SortedMap<String, String> sortedMap;
        NavigableMap<String, String> navigableMap;
        Map<DayOfWeek, String> byDay;
    }

    /** Keys and values given in this order; a LinkedHashMap keeps it. */
    private static Map<String, String> input() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("<k>", "<v>");
        in.put("O'Brien", "plain value");
        in.put("plain", "Tom & Jerry");
        in.put("clean", "clean");
        return in;
    }

    private static Map<String, String> encoded(Map<String, String> in, boolean keys) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(keys ? Encode.forHtml(k) : k, Encode.forHtml(v)));
        return out;
    }

    private static void assertOrder(Kind kind, Map<String, String> expected, Map<String, String> actual) {
        switch (kind.order()) {
            case INSERTION:
                assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
                break;
            case SORTED:
                List<String> keys = new ArrayList<>(expected.keySet());
                keys.sort(((SortedMap<String, String>) actual).comparator());
                assertEquals(keys, new ArrayList<>(actual.keySet()));
                break;
            default:
                break;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void escapesKeysAndValues(Kind kind) {
        Map<String, String> original = kind.create().apply(input());
        Comparator<?> comparator = original instanceof SortedMap ? ((SortedMap<?, ?>) original).comparator() : null;
        Holder holder = new Holder(original);
        Map<String, String> expected = encoded(input(), true);

        Escaper.escape(holder);

        Map<String, String> escaped = holder.map;
        if (kind.keepsIdentity()) {
            assertSame(original, escaped, "a mutable map is changed in place");
        } else {
            assertNotSame(original, escaped, "an immutable map is rebuilt and put back");
            assertThrows(UnsupportedOperationException.class, () -> escaped.put("x", "y"));
            assertThrows(UnsupportedOperationException.class, () -> escaped.clear());
            assertEquals(original instanceof SortedMap, escaped instanceof SortedMap);
        }
        assertEquals(expected, new HashMap<>(escaped));
        expected.forEach((k, v) -> assertEquals(v, escaped.get(k), () -> "get(" + k + ")"));
        assertFalse(escaped.containsKey("<k>"), "the raw key is gone");
        if (comparator != null) {
            assertSame(comparator, ((SortedMap<?, ?>) escaped).comparator(), "the comparator is kept");
        }
        assertOrder(kind, expected, escaped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void leavesKeysWhenMapKeysAreNotEscaped(Kind kind) {
        Escaper valuesOnly = Escaper.builder().escapeMapKeys(false).build();
        Map<String, String> original = kind.create().apply(input());
        List<String> keysBefore = new ArrayList<>(original.keySet());
        Holder holder = new Holder(original);
        Map<String, String> expected = encoded(input(), false);

        valuesOnly.escapeGraph(holder);

        Map<String, String> escaped = holder.map;
        if (kind.keepsIdentity()) {
            assertSame(original, escaped);
        } else {
            assertThrows(UnsupportedOperationException.class, () -> escaped.put("x", "y"));
        }
        assertEquals(expected, new HashMap<>(escaped));
        // before any get(), which would reorder an access-ordered map
        assertOrder(kind, expected, escaped);
        assertEquals("&lt;v&gt;", escaped.get("<k>"));
        List<String> keysAfter = new ArrayList<>(escaped.keySet());
        for (String key : keysBefore) {
            assertTrue(keysAfter.stream().anyMatch(k -> k == key), () -> "key instance kept: " + key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void keepsMapWithNothingToEscape(Kind kind) {
        Map<String, String> clean = new LinkedHashMap<>();
        clean.put("a", "alpha");
        clean.put("b", "beta");
        Map<String, String> original = kind.create().apply(clean);
        Holder holder = new Holder(original);

        Escaper.escape(holder);

        assertSame(original, holder.map);
        assertEquals(clean, holder.map);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void escapesOnlyValuesKeepsMutableMapButRebuildsImmutableOne(Kind kind) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("a", "<1>");
        in.put("b", "2");
        Map<String, String> original = kind.create().apply(in);
        Holder holder = new Holder(original);

        Escaper.escape(holder);

        assertEquals(kind.keepsIdentity(), original == holder.map);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a", "&lt;1&gt;");
        expected.put("b", "2");
        assertEquals(expected, new HashMap<>(holder.map));
        assertOrder(kind, expected, holder.map);
    }

    @Test
    void keepsEntryOrderOfAccessOrderedLinkedHashMap() {
        // an LRU-style map: writing a value with put() counts as an access and moves the entry last
        Map<String, String> lru = new LinkedHashMap<>(16, 0.75f, true);
        lru.put("first", "<1>");
        lru.put("second", "2");
        lru.put("third", "3");
        Holder holder = new Holder(lru);

        Escaper.escape(holder);

        assertSame(lru, holder.map);
        assertEquals(List.of("first", "second", "third"), new ArrayList<>(lru.keySet()),
                "escaping a value must not reorder the entries");
        assertEquals(List.of("&lt;1&gt;", "2", "3"), new ArrayList<>(lru.values()));
    }

    @Test
    void escapesNestedContainersInMapValues() {
        Item item = new Item("<i>");
        List<Item> items = new ArrayList<>(List.of(item));
        Map<String, List<Item>> itemsByName = new HashMap<>(Map.of("<n>", items));
        Map<String, List<String>> listsByName = new HashMap<>(Map.of("k", List.of("<l>")));
        Map<String, String> inner = new HashMap<>(Map.of("<ik>", "<iv>"));
        Map<String, Map<String, String>> nested = Map.of("outer", inner, "imm", Map.of("a", "&"));
        Shapes shapes = new Shapes();
        shapes.itemsByName = itemsByName;
        shapes.listsByName = listsByName;
        shapes.nested = nested;

        Escaper.escape(shapes);

        assertSame(itemsByName, shapes.itemsByName);
        assertSame(items, itemsByName.get("&lt;n&gt;"));
        assertEquals("&lt;i&gt;", item.name);
        assertSame(listsByName, shapes.listsByName);
        assertEquals(List.of("&lt;l&gt;"), listsByName.get("k"));
        assertThrows(UnsupportedOperationException.class, () -> listsByName.get("k").add("x"));
        assertNotSame(nested, shapes.nested, "Map.of holding a rebuilt Map.of is rebuilt");
        assertSame(inner, shapes.nested.get("outer"));
        assertEquals(Map.of("&lt;ik&gt;", "&lt;iv&gt;"), inner);
        assertEquals(Map.of("a", "&amp;"), shapes.nested.get("imm"));
    }

    @Test
    void findsObjectKeyEscapedInPlace() {
        Key key = new Key("<k>");
        Map<Key, String> byKey = new HashMap<>();
        byKey.put(key, "<v>");
        byKey.put(new Key("other"), "o");
        Shapes shapes = new Shapes();
        shapes.byKey = byKey;

        Escaper.escape(shapes);

        assertSame(byKey, shapes.byKey);
        assertEquals("&lt;k&gt;", key.name);
        assertEquals("&lt;v&gt;", byKey.get(key), "the mutated key is rehashed");
        assertEquals("&lt;v&gt;", byKey.get(new Key("&lt;k&gt;")));
        assertEquals("o", byKey.get(new Key("other")));
        assertNull(byKey.get(new Key("<k>")));
    }

    @Test
    void doesNotEnterObjectKeysWhenMapKeysAreNotEscaped() {
        Key key = new Key("<k>");
        Map<Key, String> byKey = new HashMap<>(Map.of(key, "<v>"));
        Shapes shapes = new Shapes();
        shapes.byKey = byKey;

        Escaper.builder().escapeMapKeys(false).build().escapeGraph(shapes);

        assertEquals("<k>", key.name);
        assertEquals("&lt;v&gt;", byKey.get(key));
    }

    @Test
    void findsRebuiltRecordKey() {
        Label label = new Label("<l>");
        Map<Label, String> byLabel = new HashMap<>(Map.of(label, "v"));
        Shapes shapes = new Shapes();
        shapes.byLabel = byLabel;

        Escaper.escape(shapes);

        assertSame(byLabel, shapes.byLabel);
        assertEquals("v", byLabel.get(new Label("&lt;l&gt;")));
        assertFalse(byLabel.containsKey(label));
    }

    @Test
    void keepsNullKeyAndNullValues() {
        Map<Object, Object> raw = new HashMap<>();
        raw.put(null, "<nullkey>");
        raw.put("<k>", null);
        raw.put(1, "<int>");
        Shapes shapes = new Shapes();
        shapes.raw = raw;

        Escaper.escape(shapes);

        assertSame(raw, shapes.raw);
        assertEquals(3, raw.size());
        assertEquals("&lt;nullkey&gt;", raw.get(null));
        assertTrue(raw.containsKey("&lt;k&gt;"));
        assertNull(raw.get("&lt;k&gt;"));
        assertEquals("&lt;int&gt;", raw.get(1));
    }

    @Test
    void escapesIdentityHashMapInPlace() {
        Map<Object, Object> raw = new IdentityHashMap<>();
        raw.put("<k>", "<v>");
        raw.put(new String("<k>"), "<w>");
        Shapes shapes = new Shapes();
        shapes.raw = raw;

        Escaper.escape(shapes);

        assertSame(raw, shapes.raw);
        assertEquals(2, raw.size(), "two equal but distinct keys stay two keys");
        for (Map.Entry<Object, Object> entry : raw.entrySet()) {
            assertEquals("&lt;k&gt;", entry.getKey());
            assertSame(entry.getValue(), raw.get(entry.getKey()));
        }
        List<Object> values = new ArrayList<>(raw.values());
        values.sort(Comparator.comparing(Object::toString));
        assertEquals(List.of("&lt;v&gt;", "&lt;w&gt;"), values);
    }

    @Test
    void escapesEnumMapValuesInPlace() {
        Map<DayOfWeek, String> byDay = new EnumMap<>(DayOfWeek.class);
        byDay.put(DayOfWeek.MONDAY, "<m>");
        byDay.put(DayOfWeek.FRIDAY, "f");
        Shapes shapes = new Shapes();
        shapes.byDay = byDay;

        Escaper.escape(shapes);

        assertSame(byDay, shapes.byDay);
        assertEquals("&lt;m&gt;", byDay.get(DayOfWeek.MONDAY));
        assertEquals("f", byDay.get(DayOfWeek.FRIDAY));
    }

    @Test
    void rebuiltSortedMapFitsDeclaredFieldType() {
        TreeMap<String, String> reverse = new TreeMap<>(Comparator.reverseOrder());
        reverse.put("a<", "1");
        reverse.put("b<", "2");
        Shapes shapes = new Shapes();
        shapes.sortedMap = Collections.unmodifiableSortedMap(reverse);
        shapes.navigableMap = Collections.unmodifiableNavigableMap(new TreeMap<>(Map.of("<n>", "v")));

        Escaper.escape(shapes);

        assertEquals(List.of("b&lt;", "a&lt;"), new ArrayList<>(shapes.sortedMap.keySet()));
        assertEquals(Comparator.reverseOrder(), shapes.sortedMap.comparator());
        assertEquals("v", shapes.navigableMap.get("&lt;n&gt;"));
        assertThrows(UnsupportedOperationException.class, () -> shapes.sortedMap.put("z", "z"));
        assertThrows(UnsupportedOperationException.class, () -> shapes.navigableMap.put("z", "z"));
        assertEquals("b", reverse.firstKey().substring(0, 1), "the wrapped TreeMap itself is not changed");
        assertTrue(reverse.containsKey("b<"));
    }

    @Test
    void resortsTreeMapWhoseKeyOrderChangesByEscaping() {
        TreeMap<String, String> map = new TreeMap<>(Map.of("&z", "1", "'a", "2"));
        Holder holder = new Holder(map);

        Escaper.escape(holder);

        assertSame(map, holder.map);
        assertEquals("&#39;a", map.firstKey());
        assertEquals("&amp;z", map.lastKey());
        assertEquals("2", map.get("&#39;a"));
    }

    @Test
    void findsCaseInsensitiveTreeMapKeysAfterEscaping() {
        TreeMap<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.put("<B>", "v");
        Holder holder = new Holder(map);

        Escaper.escape(holder);

        assertSame(String.CASE_INSENSITIVE_ORDER, map.comparator());
        assertEquals("v", map.get("&LT;b&GT;"));
    }

    @Test
    void keepsLessThanAndItsEntityAsTwoKeys() {
        // escaping is not idempotent: "&lt;" becomes "&amp;lt;", so these two keys stay distinct
        Map<String, String> map = new HashMap<>(Map.of("<", "1", "&lt;", "2"));
        Holder holder = new Holder(map);

        Escaper.escape(holder);

        assertEquals(Map.of("&lt;", "1", "&amp;lt;", "2"), map);
    }

    static class CollisionHolder {
        Map<String, String> map;
        Map<Key, String> byKey;
    }

    @Test
    void reportsCollidingHashMapKeysAndLosesNothing() {
        // OWASP replaces a control character by a space, so "x\u0001" becomes "x "
        Map<String, String> map = new HashMap<>();
        map.put("x\u0001", "<1>");
        map.put("x ", "2");
        Map<String, String> before = new HashMap<>(map);
        CollisionHolder holder = new CollisionHolder();
        holder.map = map;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("collisionHolder.map[key \"x"), e.getPath());
        assertTrue(e.getMessage().startsWith(e.getPath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("equal"), e.getMessage());
        assertSame(map, holder.map);
        assertEquals(before, map, "both original entries are still there");
    }

    @Test
    void reportsCollidingKeysOfSortedMap() {
        TreeMap<String, String> map = new TreeMap<>(Comparator.comparingInt(String::length));
        map.put("<", "lt");       // becomes "&lt;", four characters like "abcd"
        map.put("abcd", "text");
        CollisionHolder holder = new CollisionHolder();
        holder.map = map;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertEquals("collisionHolder.map[key \"abcd\"]", e.getPath());
        assertEquals(2, map.size());
        assertEquals("lt", map.get("<"));
        assertEquals("text", map.get("abcd"));
    }

    @Test
    void reportsCollidingKeysOfImmutableMapAndKeepsTheOriginal() {
        Map<String, String> map = Map.of("y\u0002", "a", "y ", "b");
        CollisionHolder holder = new CollisionHolder();
        holder.map = map;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("collisionHolder.map[key "), e.getPath());
        assertSame(map, holder.map);
    }

    @Test
    void reportsObjectKeysThatBecomeEqual() {
        Key control = new Key("z\u0001");
        Key space = new Key("z ");
        Map<Key, String> byKey = new HashMap<>();
        byKey.put(control, "c");
        byKey.put(space, "s");
        CollisionHolder holder = new CollisionHolder();
        holder.byKey = byKey;

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        assertTrue(e.getPath().startsWith("collisionHolder.byKey[key #"), e.getPath());
        assertEquals(2, byKey.size(), "the map is not cleared");
        List<String> values = new ArrayList<>(byKey.values());
        Collections.sort(values);
        assertEquals(List.of("c", "s"), values);
    }

    @Test
    void collidingKeysAreNoErrorWhenMapKeysAreNotEscaped() {
        Map<String, String> map = new HashMap<>(Map.of("x\u0001", "1", "x ", "2"));
        CollisionHolder holder = new CollisionHolder();
        holder.map = map;

        Escaper.builder().escapeMapKeys(false).build().escapeGraph(holder);

        assertEquals(Map.of("x\u0001", "1", "x ", "2"), map);
    }
}
