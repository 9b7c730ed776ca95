package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract point 6: final fields of plain classes, lenient by default and strict on demand. */
class FinalFieldsTest {

    private static final Escaper STRICT = Escaper.builder().strict(true).build();

    static class FinalHolder {
        final String name;
        String other = "<i>";

        FinalHolder(String name) {
            this.name = name;
        }
    }

    static class FinalContainers {
        final List<String> tags;
        final Set<String> labels;
        final String[] words;
        final Dto dto;

        FinalContainers(List<String> tags, Set<String> labels, String[] words, Dto dto) {
            this.tags = tags;
            this.labels = labels;
            this.words = words;
            this.dto = dto;
        }
    }

    static class FinalImmutables {
        final List<String> tags;
        final Map<String, String> notes;
        final Label label;

        FinalImmutables(List<String> tags, Map<String, String> notes, Label label) {
            this.tags = tags;
            this.notes = notes;
            this.label = label;
        }
    }

    static class Dto {
        String name;

        Dto(String name) {
            this.name = name;
        }
    }

    record Label(String text) {
    }

    static class Base {
        final String inherited;

        Base(String inherited) {
            this.inherited = inherited;
        }
    }

    static class Derived extends Base {
        String own;

        Derived(String inherited, String own) {
            super(inherited);
            this.own = own;
        }
    }

    static class ExcludedFinal {
        @NoEscape
        final String raw;
        String cooked = "<b>";

        ExcludedFinal(String raw) {
            this.raw = raw;
        }
    }

    @Test
    void finalStringIsLeftAsItIsByDefault() {
        String raw = "<b>";
        FinalHolder holder = new FinalHolder(raw);

        FinalHolder result = Escaper.escape(holder);

        assertSame(holder, result);
        assertSame(raw, holder.name);
        assertEquals("&lt;i&gt;", holder.other, "the non-final sibling is still escaped");
    }

    @Test
    void finalStringNeedingEscapeFailsWhenStrictNamingTheFieldAndTheFix() {
        FinalHolder holder = new FinalHolder("<b>");

        EscapeException e = assertThrows(EscapeException.class, () -> STRICT.escapeGraph(holder));

        assertEquals("finalHolder.name", e.getPath());
        assertTrue(e.getMessage().startsWith("finalHolder.name: "), e.getMessage());
        assertTrue(e.getMessage().contains("final field"), e.getMessage());
        assertTrue(e.getMessage().contains("non-final"), e.getMessage());
        assertTrue(e.getMessage().contains("@NoEscape"), e.getMessage());
        assertEquals("<b>", holder.name);
    }

    @Test
    void cleanFinalStringIsFineWhenStrict() {
        String clean = "hello";
        FinalHolder holder = new FinalHolder(clean);

        assertSame(holder, assertDoesNotThrow(() -> STRICT.escapeGraph(holder)));
        assertSame(clean, holder.name);
        assertEquals("&lt;i&gt;", holder.other);
    }

    @Test
    void nullFinalStringIsFineWhenStrict() {
        FinalHolder holder = new FinalHolder(null);

        assertDoesNotThrow(() -> STRICT.escapeGraph(holder));
        // not vacuous: Field.set can write a final instance field of a plain class, and
        // Encode.forHtml(null) is the text "null"; the walker must do neither
        assertNull(holder.name);
        assertEquals("&lt;i&gt;", holder.other, "the walk ran over the holder");
    }

    @Test
    void finalStringInSuperclassIsLeftByDefault() {
        Derived derived = Escaper.escape(new Derived("<b>", "<i>"));

        assertEquals("<b>", derived.inherited);
        assertEquals("&lt;i&gt;", derived.own);
    }

    @Test
    void noEscapeOnFinalFieldSilencesStrict() {
        ExcludedFinal value = new ExcludedFinal("<b>");

        assertDoesNotThrow(() -> STRICT.escapeGraph(value));
        assertEquals("<b>", value.raw);
        assertEquals("&lt;b&gt;", value.cooked);
    }

    @Test
    void finalFieldsHoldingMutableValuesAreEscapedInPlaceByDefault() {
        assertMutableFinalsEscapedInPlace(Escaper.builder().build());
    }

    @Test
    void finalFieldsHoldingMutableValuesAreEscapedInPlaceWhenStrict() {
        assertMutableFinalsEscapedInPlace(STRICT);
    }

    private static void assertMutableFinalsEscapedInPlace(Escaper escaper) {
        ArrayList<String> tags = new ArrayList<>(List.of("<b>", "ok"));
        HashSet<String> labels = new HashSet<>(Set.of("<s>"));
        String[] words = {"<w>"};
        Dto dto = new Dto("<d>");
        FinalContainers holder = new FinalContainers(tags, labels, words, dto);

        assertSame(holder, escaper.escapeGraph(holder));

        assertSame(tags, holder.tags);
        assertEquals(List.of("&lt;b&gt;", "ok"), tags);
        assertSame(labels, holder.labels);
        assertEquals(Set.of("&lt;s&gt;"), labels);
        assertTrue(labels.contains("&lt;s&gt;"), "the set was refilled, so lookups see the new element");
        assertSame(words, holder.words);
        assertEquals("&lt;w&gt;", words[0]);
        assertSame(dto, holder.dto);
        assertEquals("&lt;d&gt;", dto.name);
    }

    @Test
    void finalFieldsHoldingListOfMapOfAndARecordAreLeftByDefault() {
        List<String> tags = List.of("<b>");
        Map<String, String> notes = Map.of("k", "<n>");
        Label label = new Label("<l>");
        FinalImmutables holder = new FinalImmutables(tags, notes, label);

        assertSame(holder, Escaper.escape(holder));

        assertSame(tags, holder.tags);
        assertEquals(List.of("<b>"), holder.tags);
        assertSame(notes, holder.notes);
        assertEquals(Map.of("k", "<n>"), holder.notes);
        assertSame(label, holder.label);
        assertEquals("<l>", holder.label.text());
    }

    /** A graph whose one final field needs a String escaped, the path strict names, and that field. */
    static Stream<Arguments> unwritableFinalFields() {
        return Stream.of(
                Arguments.of("final String in a superclass", new Derived("<b>", "<i>"), "derived.inherited",
                        (Function<Object, Object>) o -> ((Derived) o).inherited),
                Arguments.of("final field holding List.of", new FinalImmutables(List.of("<b>"), null, null),
                        "finalImmutables.tags", (Function<Object, Object>) o -> ((FinalImmutables) o).tags),
                Arguments.of("final field holding Map.of", new FinalImmutables(null, Map.of("k", "<n>"), null),
                        "finalImmutables.notes", (Function<Object, Object>) o -> ((FinalImmutables) o).notes),
                Arguments.of("final field holding a record that needs rebuilding",
                        new FinalImmutables(null, null, new Label("<l>")), "finalImmutables.label",
                        (Function<Object, Object>) o -> ((FinalImmutables) o).label));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritableFinalFields")
    void unwritableFinalFieldFailsWhenStrictNamingItsPathAndKeepsItsValue(String name, Object root,
            String path, Function<Object, Object> field) {
        Object before = field.apply(root);

        EscapeException e = assertThrows(EscapeException.class, () -> STRICT.escapeGraph(root));

        assertEquals(path, e.getPath());
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        assertSame(before, field.apply(root));
    }

    @Test
    void finalFieldsHoldingCleanImmutablesAreFineWhenStrict() {
        List<String> tags = List.of("clean");
        Map<String, String> notes = Map.of("k", "v");
        Label label = new Label("plain");
        FinalImmutables holder = new FinalImmutables(tags, notes, label);

        assertDoesNotThrow(() -> STRICT.escapeGraph(holder));

        assertSame(tags, holder.tags);
        assertSame(notes, holder.notes);
        assertSame(label, holder.label);
    }

    @Test
    void recordRootIsRebuiltWhenStrict() {
        Label label = new Label("<l>");

        Label escaped = STRICT.escapeGraph(label);

        assertEquals("&lt;l&gt;", escaped.text());
        assertEquals("<l>", label.text());
    }
}
