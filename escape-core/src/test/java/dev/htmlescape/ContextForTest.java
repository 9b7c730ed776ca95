package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The adapters' SPI: the closest {@code @NoEscape} or {@code @Escape} decides, then the default. */
class ContextForTest {

    @NoEscape
    static class Raw {
    }

    @Escape(EscapeContext.URI_COMPONENT)
    static class Query {
        @Escape(EscapeContext.JAVASCRIPT)
        String script;
        @NoEscape
        String raw;
        String plain;
        @NoEscape
        @Escape(EscapeContext.CSS_STRING)
        String both;
    }

    private static AnnotationSource field(String name) throws NoSuchFieldException {
        return Query.class.getDeclaredField(name)::getAnnotation;
    }

    @Test
    void theClosestAnnotationDecides() throws Exception {
        Escaper escaper = Escaper.builder().build();

        assertEquals(EscapeContext.JAVASCRIPT, escaper.contextFor(field("script"), Query.class::getAnnotation));
        assertNull(escaper.contextFor(field("raw"), Query.class::getAnnotation));
        assertEquals(EscapeContext.URI_COMPONENT, escaper.contextFor(field("plain"), Query.class::getAnnotation),
                "the enclosing type, where the holder says nothing");
        assertNull(escaper.contextFor(AnnotationSource.NONE, Raw.class::getAnnotation));
        assertNull(escaper.contextFor(field("both")), "@NoEscape wins on the same holder");
    }

    @Test
    void withoutAnnotationsTheEscapersDefaultApplies() throws Exception {
        Escaper content = Escaper.builder().defaultContext(EscapeContext.HTML_CONTENT).build();

        assertEquals(EscapeContext.HTML_CONTENT, content.contextFor(AnnotationSource.NONE, Object.class::getAnnotation));
        assertEquals(EscapeContext.HTML_CONTENT, content.contextFor());
        assertEquals(EscapeContext.HTML, Escaper.builder().build().contextFor(field("plain")));
    }

    @Test
    void aMissingSourceIsAnError() {
        Escaper escaper = Escaper.builder().build();

        assertThrows(NullPointerException.class, () -> escaper.contextFor((AnnotationSource) null));
        assertThrows(NullPointerException.class, () -> escaper.contextFor((AnnotationSource[]) null));
    }
}
