package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.json;
import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;

/** Shapes the differential property found: sets whose elements collide, CharSequence text, map entries. */
class SetsEntriesAndCharSequencesTest {

    public static class Tags {
        public Set<String> set;
        public SortedSet<String> sorted;
        public Set<List<String>> groups;
    }

    @Test
    void elementsOfASetThatEscapingMakesEqualAreAnErrorNotALoss() {
        // plain Jackson reads two elements, and the core refuses ("escaping made two elements equal");
        // the module escapes each element before the set holds it, so it must count them
        assertAll(
                () -> assertThrows(DatabindException.class,
                        () -> mapperWithModule().readValue(json("{'set':['a\\u0001','a ']}"), Tags.class)),
                () -> assertThrows(DatabindException.class,
                        () -> mapperWithModule().readValue(json("{'sorted':['a\\u0001','a ']}"), Tags.class)),
                () -> assertThrows(DatabindException.class,
                        () -> mapperWithModule().readValue(json("{'groups':[['a\\u0001'],['a ']]}"), Tags.class)),
                () -> assertThrows(DatabindException.class,
                        () -> mapperWithModule().readValue(json("['a\\u0001','a ']"), new TypeReference<Set<String>>() { })));
    }

    public static class Texts {
        public CharSequence text;
        public CharSequence[] array;
        public List<CharSequence> list;
        public Optional<CharSequence> optional;
        public Map<String, CharSequence> values;
    }

    @Test
    void textDeclaredAsCharSequenceIsEscaped() {
        // Jackson reads a CharSequence as a String, and the core escapes it
        Texts texts = mapperWithModule().readValue(json("{'text':'<a>','array':['<b>'],'list':['<c>'],"
                + "'optional':'<d>','values':{'k':'<e>'}}"), Texts.class);

        assertAll(
                () -> assertEquals("&lt;a&gt;", texts.text, "field"),
                () -> assertEquals("&lt;b&gt;", texts.array[0], "array element"),
                () -> assertEquals(List.of("&lt;c&gt;"), texts.list, "list element"),
                () -> assertEquals(Optional.of("&lt;d&gt;"), texts.optional, "Optional"),
                () -> assertEquals(Map.of("k", "&lt;e&gt;"), texts.values, "map value"));
    }

    public static class Pair {
        public Map.Entry<String, String> entry;
    }

    @Test
    void theKeyOfAMapEntryIsEscapedLikeAMapKey() {
        // the key is read by a key deserializer, not a String deserializer
        Pair pair = mapperWithModule().readValue(json("{'entry':{'<k>':'<v>'}}"), Pair.class);

        assertEquals("&lt;v&gt;", pair.entry.getValue());
        assertEquals("&lt;k&gt;", pair.entry.getKey());
    }
}
