package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.owasp.encoder.Encode;

/**
 * Graphs as wide and Strings as long as an attacker can send: containers of a million elements
 * and Strings of 20 MB. Each loses nothing, keeps what is not text, and escapes each String once.
 * (Chains a million deep are in {@link LimitsTest}.)
 *
 * <p>The sizes are fixed, not random: the bounds are counts. Each case costs about a second at most.
 */
class LargeGraphsTest {

    private static final int MILLION = 1_000_000;

    // ---- containers of a million elements ----

    /**
     * One element in four of each kind: text that needs escaping, clean text, a number (which must
     * come back as the very same instance), and {@code null} where the container allows it.
     */
    private static Object element(int i, boolean nullAllowed) {
        switch (i % 4) {
            case 0:
                return "<" + i + ">";
            case 1:
                return "c" + i;
            case 2:
                return Integer.valueOf(i);
            default:
                return nullAllowed ? null : "'" + i;
        }
    }

    /**
     * What {@link #element} becomes, written out rather than computed with the encoder, which
     * would cost the checks more than the escaping they check.
     */
    private static Object escapedElement(int i, boolean nullAllowed) {
        switch (i % 4) {
            case 0:
                return "&lt;" + i + "&gt;";
            case 3:
                return nullAllowed ? null : "&#39;" + i;
            default:
                return element(i, nullAllowed);
        }
    }

    static Stream<Arguments> millionElementContainers() {
        return Stream.of(
                Arguments.of("ArrayList", (Sequence) elements -> new ArrayList<>(elements), true),
                Arguments.of("List.copyOf", (Sequence) elements -> List.copyOf(elements), false));
    }

    /** Makes the container under test from the elements in order. */
    interface Sequence {
        Iterable<Object> of(List<Object> elements);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("millionElementContainers")
    void sequenceOfAMillionElementsKeepsEveryElementInOrderEscapedOnce(String name, Sequence kind,
            boolean nullAllowed) {
        List<Object> elements = new ArrayList<>(MILLION);
        for (int i = 0; i < MILLION; i++) {
            elements.add(element(i, nullAllowed));
        }
        Iterable<Object> container = kind.of(elements);

        Iterable<?> escaped = Escaper.escape(container);

        Iterator<?> actual = escaped.iterator();
        for (int i = 0; i < MILLION; i++) {
            Object original = elements.get(i);
            Object value = actual.next();
            if (original instanceof Integer) {
                assertSame(original, value, "non-text elements are kept as they are");
            } else if (!Objects.equals(escapedElement(i, nullAllowed), value)) {
                assertEquals(escapedElement(i, nullAllowed), value, "element " + i);
            }
        }
        assertTrue(!actual.hasNext(), "no element added");
    }

    @Test
    void arrayOfAMillionElementsKeepsEverySlotEscapedOnce() {
        Object[] array = new Object[MILLION];
        for (int i = 0; i < MILLION; i++) {
            array[i] = element(i, true);
        }
        Object[] originals = array.clone();

        assertSame(array, Escaper.escape(array));

        assertEquals(MILLION, array.length);
        for (int i = 0; i < MILLION; i++) {
            Object expected = originals[i] instanceof Integer ? originals[i] : escapedElement(i, true);
            if (expected instanceof Integer ? expected != array[i] : !Objects.equals(expected, array[i])) {
                assertEquals(expected, array[i], "slot " + i);
            }
        }
    }

    @Test
    void hashSetOfAMillionElementsIsRefilledSoEveryEscapedElementIsFound() {
        Set<Object> set = new HashSet<>();
        for (int i = 0; i < MILLION; i++) {
            set.add(element(i, false));
        }

        assertSame(set, Escaper.escape(set));

        assertEquals(MILLION, set.size(), "no element lost, none added");
        for (int i = 0; i < MILLION; i++) {
            Object expected = escapedElement(i, false);
            if (!set.contains(expected)) {
                assertTrue(set.contains(expected), "missing " + expected);
            }
        }
    }

    @Test
    void hashMapOfAMillionEntriesIsRefilledSoEveryEscapedKeyFindsItsValueInOrder() {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < MILLION; i++) {
            map.put(element(i, false), element(i + 1, true));
        }

        assertSame(map, Escaper.escape(map));

        assertEquals(MILLION, map.size(), "no entry lost, none added");
        Iterator<Map.Entry<Object, Object>> entries = map.entrySet().iterator();
        for (int i = 0; i < MILLION; i++) {
            Map.Entry<Object, Object> entry = entries.next();
            Object key = escapedElement(i, false);
            Object value = escapedElement(i + 1, true);
            if (!key.equals(entry.getKey()) || !Objects.equals(value, entry.getValue())
                    || !Objects.equals(value, map.get(key))) {
                assertEquals(key + "=" + value, entry.getKey() + "=" + entry.getValue() + ", get: " + map.get(key),
                        "entry " + i + " in insertion order, found by its escaped key");
            }
        }
    }

    // ---- Strings of 20 MB ----

    private static final int TWENTY_MB = 20 * 1024 * 1024;

    /**
     * 20 MB of text that needs no escaping, with accented, CJK and supplementary characters in it.
     * Made once for this class and dropped after it, so the rest of the suite does not carry it.
     */
    private static String clean;

    /** 20 MB of markup, quotes, ampersands and a control character the encoder replaces. */
    private static String dirty;

    private static String dirtyEscaped;

    @BeforeAll
    static void makeTwentyMegabyteStrings() {
        clean = repeatTo("Plain text, caf\u00e9, \u4e2d\u6587, \uD83D\uDE00; ", TWENTY_MB);
        dirty = repeatTo("<script>alert('x' & \"y\")</script>\u0000 ", TWENTY_MB);
        dirtyEscaped = Encode.forHtml(dirty);
    }

    @AfterAll
    static void dropTwentyMegabyteStrings() {
        clean = null;
        dirty = null;
        dirtyEscaped = null;
    }

    private static String repeatTo(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    static class TextHolder {
        String field;
        List<String> list = new ArrayList<>();
        Map<String, String> map = new HashMap<>();
        String[] array = new String[1];
        Object untyped;
    }

    record TextRecord(String text) {
    }

    /** Where a 20 MB String is put, and how it is read back. */
    interface Placement {
        void put(TextHolder holder, String text);
    }

    interface Reading {
        String read(TextHolder holder);
    }

    static Stream<Arguments> placements() {
        return Stream.of(
                Arguments.of("field", (Placement) (h, t) -> h.field = t, (Reading) h -> h.field),
                Arguments.of("list element", (Placement) (h, t) -> h.list.add(t), (Reading) h -> h.list.get(0)),
                Arguments.of("map value", (Placement) (h, t) -> h.map.put("k", t), (Reading) h -> h.map.get("k")),
                Arguments.of("map key", (Placement) (h, t) -> h.map.put(t, "v"),
                        (Reading) h -> h.map.keySet().iterator().next()),
                Arguments.of("array slot", (Placement) (h, t) -> h.array[0] = t, (Reading) h -> h.array[0]),
                Arguments.of("record component", (Placement) (h, t) -> h.untyped = new TextRecord(t),
                        (Reading) h -> ((TextRecord) h.untyped).text()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placements")
    void cleanTwentyMegabyteStringIsKeptAsTheSameInstance(String name, Placement placement, Reading reading) {
        TextHolder holder = new TextHolder();
        placement.put(holder, clean);
        Object untyped = holder.untyped;

        Escaper.escape(holder);

        assertSame(clean, reading.read(holder));
        assertSame(untyped, holder.untyped, "a record holding clean text is not rebuilt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placements")
    void dirtyTwentyMegabyteStringIsEscapedOnceLikeTheEncoder(String name, Placement placement, Reading reading) {
        TextHolder holder = new TextHolder();
        placement.put(holder, dirty);

        Escaper.escape(holder);

        String escaped = reading.read(holder);
        // assertEquals would print 100 MB on failure; compare, then say what differs
        if (!dirtyEscaped.equals(escaped)) {
            assertEquals(dirtyEscaped.length(), escaped.length(), "length of the escaped text");
            assertEquals(dirtyEscaped.substring(0, 200), escaped.substring(0, 200));
            throw new AssertionError("the escaped text differs from Encode.forHtml's");
        }
        if (name.equals("map key")) {
            assertEquals("v", holder.map.get(dirtyEscaped), "the map is rehashed with the escaped key");
            assertNull(holder.map.get(dirty));
        }
    }

    @Test
    void twoTwentyMegabyteKeysThatEscapeAlikeGiveAShortMessageAndKeepBothEntries() {
        String first = clean + "\u0001";
        String second = clean + "\u0002";
        TextHolder holder = new TextHolder();
        holder.map.put(first, "1");
        holder.map.put(second, "2");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(holder));

        // the message quotes 40 characters of each key, never 20 MB
        String quoted = "\"Plain text, caf\u00e9, \u4e2d\u6587, \\uD83D\\uDE00; Plain text, ca...\"";
        String slot = e.getPath().substring("textHolder.map[key ".length(), e.getPath().length() - 1);
        assertEquals(quoted, slot);
        assertEquals(e.getPath() + ": escaping made two keys equal, " + quoted + " and " + quoted + " both became "
                + quoted + "; the map would lose an entry", e.getMessage());
        assertEquals(Map.of(first, "1", second, "2"), holder.map, "both entries are kept as they were");
    }
}
