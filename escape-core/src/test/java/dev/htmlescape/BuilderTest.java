package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** EscaperBuilder: each setting checked at once, each set at most once. */
class BuilderTest {

    static class Dto {
        String name = "<b>";
        Dto child;
        Map<String, String> map = new HashMap<>();
    }

    static class FinalDto {
        final String name = new String("<b>");
    }

    /**
     * Each setting given twice with two different values: the message names the first value, and
     * the escaper built afterwards still behaves as the first value says (the second would not).
     */
    static Stream<Arguments> settersCalledTwice() {
        return Stream.of(
                Arguments.of("defaultContext",
                        (Consumer<EscaperBuilder>) b -> b.defaultContext(EscapeContext.XML),
                        (Consumer<EscaperBuilder>) b -> b.defaultContext(EscapeContext.HTML_CONTENT),
                        "defaultContext was already set to XML",
                        (Consumer<Escaper>) escaper -> {
                            // HTML_CONTENT leaves the quote alone; XML encodes it
                            assertEquals("&#39;", escaper.escapeGraph("'"));
                        }),
                Arguments.of("escapeMapKeys",
                        (Consumer<EscaperBuilder>) b -> b.escapeMapKeys(false),
                        (Consumer<EscaperBuilder>) b -> b.escapeMapKeys(true),
                        "escapeMapKeys was already set to false",
                        (Consumer<Escaper>) escaper -> {
                            Dto dto = new Dto();
                            dto.map.put("<k>", "<v>");
                            escaper.escapeGraph(dto);
                            assertEquals(Map.of("<k>", "&lt;v&gt;"), dto.map);
                        }),
                Arguments.of("strict",
                        (Consumer<EscaperBuilder>) b -> b.strict(true),
                        (Consumer<EscaperBuilder>) b -> b.strict(false),
                        "strict was already set to true",
                        (Consumer<Escaper>) escaper -> assertThrows(EscapeException.class,
                                () -> escaper.escapeGraph(new FinalDto()))),
                Arguments.of("maxDepth",
                        (Consumer<EscaperBuilder>) b -> b.maxDepth(1),
                        (Consumer<EscaperBuilder>) b -> b.maxDepth(100),
                        "maxDepth was already set to 1",
                        (Consumer<Escaper>) escaper -> {
                            Dto dto = new Dto();
                            dto.child = new Dto();
                            EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(dto));
                            assertEquals("dto.child", e.getPath());
                            assertTrue(e.getMessage().contains("maxDepth (1)"), e.getMessage());
                        }),
                Arguments.of("maxNodes",
                        (Consumer<EscaperBuilder>) b -> b.maxNodes(1),
                        (Consumer<EscaperBuilder>) b -> b.maxNodes(100),
                        "maxNodes was already set to 1",
                        (Consumer<Escaper>) escaper -> {
                            Dto dto = new Dto();
                            dto.child = new Dto();
                            EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(dto));
                            assertEquals("dto.child", e.getPath());
                            assertTrue(e.getMessage().contains("maxNodes (1)"), e.getMessage());
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settersCalledTwice")
    void settingTwiceFailsNamingTheSettingAndItsFirstValue(String name, Consumer<EscaperBuilder> first,
            Consumer<EscaperBuilder> second, String message, Consumer<Escaper> firstValueInEffect) {
        EscaperBuilder builder = Escaper.builder();
        first.accept(builder);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.accept(builder));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settersCalledTwice")
    void afterARejectedSecondSettingTheBuilderStillBuildsWithTheFirstValue(String name,
            Consumer<EscaperBuilder> first, Consumer<EscaperBuilder> second, String message,
            Consumer<Escaper> firstValueInEffect) {
        EscaperBuilder builder = Escaper.builder();
        first.accept(builder);
        assertThrows(IllegalStateException.class, () -> second.accept(builder));

        Escaper escaper = assertDoesNotThrow(builder::build, "the builder stays usable");

        firstValueInEffect.accept(escaper);
    }

    @Test
    void settingTwiceFailsEvenWithTheSameValue() {
        EscaperBuilder builder = Escaper.builder().maxDepth(7);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.maxDepth(7));

        assertEquals("maxDepth was already set to 7", e.getMessage());
    }

    @Test
    void settersReturnTheSameBuilder() {
        EscaperBuilder builder = Escaper.builder();

        assertSame(builder, builder.defaultContext(EscapeContext.HTML));
        assertSame(builder, builder.escapeMapKeys(true));
        assertSame(builder, builder.strict(false));
        assertSame(builder, builder.maxDepth(5));
        assertSame(builder, builder.maxNodes(5));
        assertSame(builder, builder.lookup(MethodHandles.lookup()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -2, Integer.MIN_VALUE})
    void maxDepthBelowOneIsRejected(int depth) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Escaper.builder().maxDepth(depth));

        assertEquals("maxDepth must be at least 1, but was " + depth, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -2, Integer.MIN_VALUE})
    void maxNodesBelowOneIsRejected(int nodes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Escaper.builder().maxNodes(nodes));

        assertEquals("maxNodes must be at least 1, but was " + nodes, e.getMessage());
    }

    @Test
    void rejectedLimitLeavesTheSettingUnset() {
        EscaperBuilder builder = Escaper.builder();
        assertThrows(IllegalArgumentException.class, () -> builder.maxDepth(0));
        assertThrows(IllegalArgumentException.class, () -> builder.maxNodes(0));

        assertDoesNotThrow(() -> builder.maxDepth(3).maxNodes(3));
    }

    @Test
    void nullDefaultContextIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Escaper.builder().defaultContext(null));

        assertTrue(e.getMessage().contains("context"), e.getMessage());
    }

    @Test
    void nullLookupIsRejected() {
        assertThrows(NullPointerException.class, () -> Escaper.builder().lookup(null));
    }

    @Test
    void publicLookupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Escaper.builder().lookup(MethodHandles.publicLookup()));

        assertTrue(e.getMessage().contains("MethodHandles.lookup()"), e.getMessage());
    }

    @Test
    void lookupWithoutPrivateAccessIsRejected() {
        MethodHandles.Lookup noPrivate = MethodHandles.lookup().dropLookupMode(MethodHandles.Lookup.PRIVATE);

        assertThrows(IllegalArgumentException.class, () -> Escaper.builder().lookup(noPrivate));
    }

    @Test
    void secondLookupForTheSameModuleIsRejected() {
        EscaperBuilder builder = Escaper.builder().lookup(MethodHandles.lookup());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder.lookup(MethodHandles.lookup()));

        assertTrue(e.getMessage().contains("already set"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.htmlescape"), e.getMessage());
    }

    @Test
    void lookupOfTheCallersOwnModuleStillEscapes() {
        Escaper escaper = Escaper.builder().lookup(MethodHandles.lookup()).build();
        Dto dto = new Dto();

        escaper.escapeGraph(dto);

        assertEquals("&lt;b&gt;", dto.name);
    }

    @Test
    void defaultsAreHtmlContextMapKeysEscapedAndFinalFieldsLeft() {
        // the limits' defaults are pinned in LimitsTest
        Escaper escaper = Escaper.builder().build();
        Dto dto = new Dto();
        dto.name = "'<b>\"";
        dto.map.put("<k>", "<v>");
        FinalDto finalDto = new FinalDto();

        escaper.escapeGraph(dto);
        assertDoesNotThrow(() -> escaper.escapeGraph(finalDto));

        // HTML encodes both quotes; HTML_CONTENT would leave them, HTML_ATTRIBUTE would leave the '>'
        assertEquals("&#39;&lt;b&gt;&#34;", dto.name);
        assertEquals(Map.of("&lt;k&gt;", "&lt;v&gt;"), dto.map);
        assertEquals("<b>", finalDto.name);
    }

    @Test
    void escapeMapKeysFalseLeavesKeysAlone() {
        Escaper escaper = Escaper.builder().escapeMapKeys(false).build();
        Dto dto = new Dto();
        dto.map.put("<k>", "<v>");

        escaper.escapeGraph(dto);

        assertEquals(Map.of("<k>", "&lt;v&gt;"), dto.map);
    }

    @Test
    void strictTrueMakesAnUnwritableFinalFieldAnError() {
        Escaper escaper = Escaper.builder().strict(true).build();

        EscapeException e = assertThrows(EscapeException.class, () -> escaper.escapeGraph(new FinalDto()));

        assertEquals("finalDto.name", e.getPath());
    }

    @Test
    void eachBuildReturnsAnIndependentEscaper() {
        EscaperBuilder builder = Escaper.builder().defaultContext(EscapeContext.JAVASCRIPT);
        Escaper first = builder.build();
        Escaper second = builder.build();
        List<String> a = new ArrayList<>(List.of("'"));
        List<String> b = new ArrayList<>(List.of("'"));

        first.escapeGraph(a);
        second.escapeGraph(b);

        assertNotSame(first, second);
        assertEquals(List.of("\\x27"), a);
        assertEquals(a, b);
    }

    @Test
    void theEscaperReportsItsDefaultContextAndWhetherItEscapesMapKeys() {
        Escaper defaults = Escaper.builder().build();
        Escaper configured = Escaper.builder().defaultContext(EscapeContext.JAVASCRIPT)
                .escapeMapKeys(false).build();

        assertEquals(EscapeContext.HTML, defaults.defaultContext());
        assertTrue(defaults.escapesMapKeys());
        assertEquals(EscapeContext.JAVASCRIPT, configured.defaultContext());
        assertEquals(false, configured.escapesMapKeys());
    }

    static class Mixed {
        String plain = "<'>";
        @Escape(EscapeContext.URI_COMPONENT)
        String query = "a b";
        Map<String, String> map = new HashMap<>(Map.of("<k>", "<v>"));
    }

    @Test
    void aCallMayChooseTheDefaultContextWhileAnnotationsAndKeysStayAsConfigured() {
        Escaper keepKeys = Escaper.builder().escapeMapKeys(false).build();
        Mixed mixed = new Mixed();

        keepKeys.escapeGraph(mixed, EscapeContext.JAVASCRIPT);

        assertEquals("\\x3c\\x27\\x3e", mixed.plain);
        assertEquals("a%20b", mixed.query, "the field's own context wins");
        assertEquals(Map.of("<k>", "\\x3cv\\x3e"), mixed.map, "keys left alone, values in the call's context");
        assertThrows(NullPointerException.class, () -> keepKeys.escapeGraph(new Mixed(), null));
    }
}
