package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.owasp.encoder.Encode;

/** Every EscapeContext matches its OWASP encoder, as the builder's default and on its own. */
class EscapeContextTest {

    /** Touches every encoder: markup, quotes, backslash, template, comment and CDATA ends, a URL. */
    private static final String NASTY = "<a href='x'>&\"\\ ${} -- ]]> (url)";

    /** The OWASP {@code Encode} method behind each constant, by name. */
    private static final Map<EscapeContext, String> ENCODER_NAMES = encoderNames();

    private static final Map<EscapeContext, UnaryOperator<String>> OWASP = owaspEncoders();

    private static Map<EscapeContext, String> encoderNames() {
        Map<EscapeContext, String> names = new EnumMap<>(EscapeContext.class);
        names.put(EscapeContext.HTML, "forHtml");
        names.put(EscapeContext.HTML_CONTENT, "forHtmlContent");
        names.put(EscapeContext.HTML_ATTRIBUTE, "forHtmlAttribute");
        names.put(EscapeContext.HTML_UNQUOTED_ATTRIBUTE, "forHtmlUnquotedAttribute");
        names.put(EscapeContext.JAVASCRIPT, "forJavaScript");
        names.put(EscapeContext.JAVASCRIPT_ATTRIBUTE, "forJavaScriptAttribute");
        names.put(EscapeContext.JAVASCRIPT_BLOCK, "forJavaScriptBlock");
        names.put(EscapeContext.JAVASCRIPT_SOURCE, "forJavaScriptSource");
        names.put(EscapeContext.JSON, "forJson");
        names.put(EscapeContext.URI_COMPONENT, "forUriComponent");
        names.put(EscapeContext.CSS_STRING, "forCssString");
        names.put(EscapeContext.CSS_URL, "forCssUrl");
        names.put(EscapeContext.XML, "forXml");
        names.put(EscapeContext.XML_CONTENT, "forXmlContent");
        names.put(EscapeContext.XML_ATTRIBUTE, "forXmlAttribute");
        names.put(EscapeContext.XML_COMMENT, "forXmlComment");
        names.put(EscapeContext.XML11, "forXml11");
        names.put(EscapeContext.XML11_CONTENT, "forXml11Content");
        names.put(EscapeContext.XML11_ATTRIBUTE, "forXml11Attribute");
        names.put(EscapeContext.CDATA, "forCDATA");
        names.put(EscapeContext.JAVA, "forJava");
        return names;
    }

    private static Map<EscapeContext, UnaryOperator<String>> owaspEncoders() {
        Map<EscapeContext, UnaryOperator<String>> encoders = new EnumMap<>(EscapeContext.class);
        ENCODER_NAMES.forEach((context, name) -> {
            Method method = stringEncoder(name);
            encoders.put(context, text -> invoke(method, text));
        });
        return encoders;
    }

    private static Method stringEncoder(String name) {
        try {
            return Encode.class.getMethod(name, String.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError("Encode has no " + name + "(String)", e);
        }
    }

    private static String invoke(Method encoder, String text) {
        try {
            return (String) encoder.invoke(null, text);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot call " + encoder, e);
        }
    }

    /** Encode's public static {@code for*(String)} methods returning String, not deprecated. */
    private static Set<String> currentOwaspStringEncoders() {
        Set<String> names = new TreeSet<>();
        for (Method method : Encode.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getName().startsWith("for")
                    && method.getReturnType() == String.class
                    && Arrays.equals(method.getParameterTypes(), new Class<?>[] {String.class})
                    && !method.isAnnotationPresent(Deprecated.class)) {
                names.add(method.getName());
            }
        }
        return names;
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
    void everyCurrentOwaspStringEncoderHasAConstantInThisTable() {
        // a new OWASP encoder (or one no longer deprecated) needs an EscapeContext constant
        Set<String> mapped = new TreeSet<>(ENCODER_NAMES.values());

        assertEquals(currentOwaspStringEncoders(), mapped);
    }

    @Test
    void deprecatedOwaspEncodersAreLeftOutOfTheSweep() {
        // forUri is deprecated in OWASP and has no constant on purpose
        assertTrue(stringEncoder("forUri").isAnnotationPresent(Deprecated.class));
        assertFalse(currentOwaspStringEncoders().contains("forUri"));
        assertTrue(currentOwaspStringEncoders().contains("forHtml"), "the sweep finds the encoders");
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
