package dev.htmlescape.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.Escaper;
import dev.htmlescape.NoEscape;
import org.junit.jupiter.api.Test;

/** {@link AdapterSupport#contextFor}: the closest {@code @NoEscape} or {@code @Escape} decides, then the default. */
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

        assertEquals(EscapeContext.JAVASCRIPT, AdapterSupport.contextFor(escaper, field("script"), Query.class::getAnnotation));
        assertNull(AdapterSupport.contextFor(escaper, field("raw"), Query.class::getAnnotation));
        assertEquals(EscapeContext.URI_COMPONENT, AdapterSupport.contextFor(escaper, field("plain"), Query.class::getAnnotation),
                "the enclosing type, where the holder says nothing");
        assertNull(AdapterSupport.contextFor(escaper, AnnotationSource.NONE, Raw.class::getAnnotation));
        assertNull(AdapterSupport.contextFor(escaper, field("both")), "@NoEscape wins on the same holder");
    }

    @Test
    void withoutAnnotationsTheEscapersDefaultApplies() throws Exception {
        Escaper content = Escaper.builder().defaultContext(EscapeContext.HTML_CONTENT).build();

        assertEquals(EscapeContext.HTML_CONTENT, AdapterSupport.contextFor(content, AnnotationSource.NONE, Object.class::getAnnotation));
        assertEquals(EscapeContext.HTML_CONTENT, AdapterSupport.contextFor(content));
        assertEquals(EscapeContext.HTML, AdapterSupport.contextFor(Escaper.builder().build(), field("plain")));
    }

    @Test
    void aMissingSourceIsAnError() {
        Escaper escaper = Escaper.builder().build();

        assertThrows(NullPointerException.class, () -> AdapterSupport.contextFor(escaper, (AnnotationSource) null));
        assertThrows(NullPointerException.class, () -> AdapterSupport.contextFor(escaper, (AnnotationSource[]) null));
    }
}
