package dev.htmlescape.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.EscapeContext;
import dev.htmlescape.EscapeException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link AdapterSupport#escapeKeys}: the keys escaped in place and in order, values left alone, nothing lost. */
class EscapeKeysTest {

    @Test
    void escapesTheKeysInPlaceAndInTheirOrderAndLeavesTheValues() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("<b>", "<v>");
        map.put("z", "&");
        map.put(1, "<n>");

        Map<Object, Object> escaped = AdapterSupport.escapeKeys(EscapeContext.HTML, map, Set.of());

        assertSame(map, escaped);
        assertEquals(List.of("&lt;b&gt;", "z", 1), List.copyOf(map.keySet()));
        assertEquals(List.of("<v>", "&", "<n>"), List.copyOf(map.values()));
    }

    @Test
    void cleanKeysStayTheSameInstances() {
        String key = new String("clean");
        Map<String, String> map = new LinkedHashMap<>(Map.of(key, "<v>"));

        AdapterSupport.escapeKeys(EscapeContext.HTML, map, Set.of());

        assertSame(key, map.keySet().iterator().next());
    }

    @Test
    void keysToKeepAreFoundByIdentity() {
        String kept = new String("<kept>");
        Map<String, String> map = new TreeMap<>(Map.of(kept, "1", "<new>", "2"));
        Set<Object> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.add(kept);

        AdapterSupport.escapeKeys(EscapeContext.HTML, map, keep);

        assertEquals(Map.of("<kept>", "1", "&lt;new&gt;", "2"), map);
    }

    @Test
    void keysThatEscapingMakesEqualAreAnErrorAndTheMapStaysAsItWas() {
        // OWASP replaces a control character by a space, so "a\u0001" and "a " become one key
        Map<String, String> map = new LinkedHashMap<>(Map.of("a\u0001", "1", "a ", "2", "<x>", "3"));
        Map<String, String> before = new LinkedHashMap<>(map);

        EscapeException e = assertThrows(EscapeException.class, () -> AdapterSupport.escapeKeys(EscapeContext.HTML, map, Set.of()));

        assertEquals("", e.getPath());
        assertTrue(e.getMessage().startsWith("escaping made two keys of this map equal: both became \"a \""),
                e.getMessage());
        assertEquals(before, map);
    }

    @Test
    void aComparatorThatJoinsEscapedKeysIsAnErrorAndTheMapIsPutBack() {
        // "a\u0001" becomes "a ", which this map holds as the same key as "A "
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.put("a\u0001", "1");
        map.put("A ", "2");

        EscapeException e = assertThrows(EscapeException.class, () -> AdapterSupport.escapeKeys(EscapeContext.HTML, map, Set.of()));

        assertTrue(e.getMessage().contains("escaping made keys equal that java.util.TreeMap held apart, and it would have lost 1 entries; its entries were put back unescaped"), e.getMessage());
        assertEquals(Map.of("a\u0001", "1", "A ", "2"), map);
    }

    @Test
    void theContextIsTheOneAsked() {
        Map<String, String> map = new LinkedHashMap<>(Map.of("a b", "x"));

        AdapterSupport.escapeKeys(EscapeContext.URI_COMPONENT, map, Set.of());

        assertEquals(Map.of("a%20b", "x"), map);
    }
}
