package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.owasp.encoder.Encode;

/** Every EscapeContext matches its OWASP encoder, as the builder's default and on its own. */
class EscapeContextTest {

    /** Touches every encoder: markup, quotes, backslash, template, comment and CDATA ends, a URL. */
    private static final String NASTY = "<a href='x'>&\"\\ ${} -- ]]> (url)";

    private static final Map<EscapeContext, UnaryOperator<String>> OWASP = owaspEncoders();

    private static Map<EscapeContext, UnaryOperator<String>> owaspEncoders() {
        Map<EscapeContext, UnaryOperator<String>> encoders = new EnumMap<>(EscapeContext.class);
        encoders.put(EscapeContext.HTML, Encode::forHtml);
        encoders.put(EscapeContext.HTML_CONTENT, Encode::forHtmlContent);
        encoders.put(EscapeContext.HTML_ATTRIBUTE, Encode::forHtmlAttribute);
        encoders.put(EscapeContext.HTML_UNQUOTED_ATTRIBUTE, Encode::forHtmlUnquotedAttribute);
        encoders.put(EscapeContext.JAVASCRIPT, Encode::forJavaScript);
        encoders.put(EscapeContext.JAVASCRIPT_ATTRIBUTE, Encode::forJavaScriptAttribute);
        encoders.put(EscapeContext.JAVASCRIPT_BLOCK, Encode::forJavaScriptBlock);
        encoders.put(EscapeContext.JAVASCRIPT_SOURCE, Encode::forJavaScriptSource);
        encoders.put(EscapeContext.JSON, Encode::forJson);
        encoders.put(EscapeContext.URI_COMPONENT, Encode::forUriComponent);
        encoders.put(EscapeContext.CSS_STRING, Encode::forCssString);
        encoders.put(EscapeContext.CSS_URL, Encode::forCssUrl);
        encoders.put(EscapeContext.XML, Encode::forXml);
        encoders.put(EscapeContext.XML_CONTENT, Encode::forXmlContent);
        encoders.put(EscapeContext.XML_ATTRIBUTE, Encode::forXmlAttribute);
        encoders.put(EscapeContext.XML_COMMENT, Encode::forXmlComment);
        encoders.put(EscapeContext.XML11, Encode::forXml11);
        encoders.put(EscapeContext.XML11_CONTENT, Encode::forXml11Content);
        encoders.put(EscapeContext.XML11_ATTRIBUTE, Encode::forXml11Attribute);
        encoders.put(EscapeContext.CDATA, Encode::forCDATA);
        encoders.put(EscapeContext.JAVA, Encode::forJava);
        return encoders;
    }

    static class Form {
        String text;
        List<String> list = new ArrayList<>();
        Map<String, String> map = new LinkedHashMap<>();
        String[] array;
        Optional<String> optional;
        Dto dto;
    }

    static class Dto {
        String name;
    }

    @Test
    void everyConstantHasItsOwaspEncoderInThisTable() {
        assertEquals(EnumSet.allOf(EscapeContext.class), OWASP.keySet());
    }

    @Test
    void htmlIsTheDefaultContext() {
        Form form = new Form();
        form.text = NASTY;

        Escaper.escape(form);

        assertEquals(Encode.forHtml(NASTY), form.text);
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void encodeMatchesTheOwaspEncoder(EscapeContext context) {
        String expected = OWASP.get(context).apply(NASTY);

        assertEquals(expected, context.encode(NASTY));
        assertNotEquals(NASTY, expected, "the sample must need encoding in every context");
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void encodeOfNullIsNull(EscapeContext context) {
        assertNull(context.encode(null));
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void encodeReturnsTheSameInstanceWhenNothingNeedsEncoding(EscapeContext context) {
        String clean = new String("hello");

        assertSame(clean, context.encode(clean));
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void encodeOfTheEmptyStringIsTheSameInstance(EscapeContext context) {
        String empty = new String("");

        assertSame(empty, context.encode(empty));
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void builderDefaultContextEscapesEveryPlaceWithThatEncoder(EscapeContext context) {
        Escaper escaper = Escaper.builder().defaultContext(context).build();
        String expected = OWASP.get(context).apply(NASTY);
        Form form = new Form();
        form.text = NASTY;
        form.list.add(NASTY);
        form.map.put(NASTY, NASTY);
        form.array = new String[] {NASTY};
        form.optional = Optional.of(NASTY);
        form.dto = new Dto();
        form.dto.name = NASTY;

        escaper.escapeGraph(form);

        assertEquals(expected, form.text);
        assertEquals(List.of(expected), form.list);
        assertEquals(Map.of(expected, expected), form.map);
        assertArrayEquals(new String[] {expected}, form.array);
        assertEquals(Optional.of(expected), form.optional);
        assertEquals(expected, form.dto.name);
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void builderDefaultContextEscapesAStringRoot(EscapeContext context) {
        Escaper escaper = Escaper.builder().defaultContext(context).build();

        assertEquals(OWASP.get(context).apply(NASTY), escaper.escapeGraph(NASTY));
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void cleanFieldKeepsItsInstanceInEveryContext(EscapeContext context) {
        Escaper escaper = Escaper.builder().defaultContext(context).build();
        String clean = new String("hello");
        Form form = new Form();
        form.text = clean;

        escaper.escapeGraph(form);

        assertSame(clean, form.text);
    }
}
