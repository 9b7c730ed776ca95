package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.owasp.encoder.Encode;

/** Contract point 1: String fields of the class and its superclasses, in any visibility. */
class StringFieldsTest {

    static class Base {
        private String privateBase;
        protected String protectedBase;
        String packageBase;
        public String publicBase;
        String shadowed;
    }

    static class Middle extends Base {
        private String privateMiddle;
    }

    static class Leaf extends Middle {
        private String privateLeaf;
        protected String protectedLeaf;
        String packageLeaf;
        public String publicLeaf;
        /** Hides {@link Base#shadowed}: both fields must be escaped. */
        String shadowed;
    }

    static class WithStatics {
        static String staticText = "<static>";
        private static String privateStaticText = "<private static>";
        String text;

        WithStatics(String text) {
            this.text = text;
        }
    }

    static class SubOfWithStatics extends WithStatics {
        static String subStaticText = "<sub static>";

        SubOfWithStatics(String text) {
            super(text);
        }
    }

    static class Outer {
        String outerText = "<outer>";

        class Inner {
            String innerText = "<inner>";

            String outerTextSeenFromInner() {
                return outerText;
            }
        }
    }

    static class Nullable {
        String first;
        String second = "<b>";
        String third;
    }

    static class Clean {
        String plain;
        String alsoPlain;
        String dirty;
    }

    static class WithFinalCleanField {
        final String label;
        String text;

        WithFinalCleanField(String label, String text) {
            this.label = label;
            this.text = text;
        }
    }

    static class NotStrings {
        int count = 7;
        long big = 8L;
        char letter = '<';
        boolean flag = true;
        Integer boxed = 42;
        BigDecimal amount = new BigDecimal("1.50");
        LocalDate date = LocalDate.of(2024, 1, 2);
        StringBuilder builder = new StringBuilder("<sb>");
        String text = "<t>";
    }

    /** A user class whose superclass chain reaches the JDK: the JDK part is not entered. */
    static class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        String detail;

        Problem(String message, String detail) {
            super(message);
            this.detail = detail;
        }
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
                Arguments.of("O'Brien", "O&#39;Brien"),
                Arguments.of("Tom & Jerry", "Tom &amp; Jerry"),
                Arguments.of("say \"hi\"", "say &#34;hi&#34;"),
                Arguments.of("<script>alert(1)</script>", Encode.forHtml("<script>alert(1)</script>")),
                Arguments.of("&lt;", "&amp;lt;"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("texts")
    void escapesPrivateFieldsOfSuperclasses(String input, String expected) {
        Leaf leaf = new Leaf();
        leaf.privateLeaf = input;
        leaf.protectedLeaf = input;
        leaf.packageLeaf = input;
        leaf.publicLeaf = input;
        leaf.shadowed = input;
        ((Middle) leaf).privateMiddle = input;
        ((Base) leaf).privateBase = input;
        ((Base) leaf).protectedBase = input;
        ((Base) leaf).packageBase = input;
        ((Base) leaf).publicBase = input;
        ((Base) leaf).shadowed = input;

        Leaf result = Escaper.escape(leaf);

        assertSame(leaf, result);
        assertEquals(expected, leaf.privateLeaf, "privateLeaf");
        assertEquals(expected, leaf.protectedLeaf, "protectedLeaf");
        assertEquals(expected, leaf.packageLeaf, "packageLeaf");
        assertEquals(expected, leaf.publicLeaf, "publicLeaf");
        assertEquals(expected, leaf.shadowed, "Leaf.shadowed");
        assertEquals(expected, ((Middle) leaf).privateMiddle, "privateMiddle");
        assertEquals(expected, ((Base) leaf).privateBase, "privateBase");
        assertEquals(expected, ((Base) leaf).protectedBase, "protectedBase");
        assertEquals(expected, ((Base) leaf).packageBase, "packageBase");
        assertEquals(expected, ((Base) leaf).publicBase, "publicBase");
        assertEquals(expected, ((Base) leaf).shadowed, "Base.shadowed");
    }

    @Test
    void leavesStaticFieldsAlone() {
        SubOfWithStatics dto = new SubOfWithStatics("<i>");

        Escaper.escape(dto);

        assertEquals("&lt;i&gt;", dto.text);
        assertEquals("<static>", WithStatics.staticText);
        assertEquals("<private static>", WithStatics.privateStaticText);
        assertEquals("<sub static>", SubOfWithStatics.subStaticText);
    }

    @Test
    void leavesSyntheticOuterInstanceAlone() throws Exception {
        Outer outer = new Outer();
        Outer.Inner inner = outer.new Inner();
        // the inner class reads the outer field, so javac must keep the synthetic this$0
        Field outerRef = syntheticOuterField(Outer.Inner.class);
        assertSame(outer, outerRef.get(inner));

        Escaper.escape(inner);

        assertEquals("&lt;inner&gt;", inner.innerText);
        assertEquals("<outer>", outer.outerText, "the enclosing instance is not entered");
        assertEquals("<outer>", inner.outerTextSeenFromInner());
        assertSame(outer, outerRef.get(inner), "this$0 is not written");
    }

    private static Field syntheticOuterField(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (field.isSynthetic() && !Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                return field;
            }
        }
        throw new AssertionError("javac did not generate a synthetic outer field in " + type);
    }

    @Test
    void keepsNullFieldsNull() {
        Nullable dto = new Nullable();

        Escaper.escape(dto);

        assertNull(dto.first);
        assertEquals("&lt;b&gt;", dto.second);
        assertNull(dto.third);
    }

    @Test
    void keepsCleanStringInstance() {
        String plain = new String("nothing to encode here 123");
        String alsoPlain = new String("");
        Clean dto = new Clean();
        dto.plain = plain;
        dto.alsoPlain = alsoPlain;
        dto.dirty = "<x>";

        Escaper.escape(dto);

        assertSame(plain, dto.plain);
        assertSame(alsoPlain, dto.alsoPlain);
        assertEquals("&lt;x&gt;", dto.dirty);
    }

    @Test
    void doesNotWriteCleanStringEvenIntoFinalFieldUnderStrictPolicy() {
        // strict mode fails on any final field it would have to write: a clean one must not count
        Escaper strict = Escaper.builder().strict(true).build();
        String label = new String("plain label");
        WithFinalCleanField dto = new WithFinalCleanField(label, "a<b");

        assertDoesNotThrow(() -> strict.escapeGraph(dto));

        assertSame(label, dto.label);
        assertEquals("a&lt;b", dto.text);
    }

    @Test
    void leavesNonStringFieldsAlone() {
        NotStrings dto = new NotStrings();
        Integer boxed = dto.boxed;
        BigDecimal amount = dto.amount;
        LocalDate date = dto.date;
        StringBuilder builder = dto.builder;

        Escaper.escape(dto);

        assertEquals(7, dto.count);
        assertEquals(8L, dto.big);
        assertEquals('<', dto.letter);
        assertTrue(dto.flag);
        assertSame(boxed, dto.boxed);
        assertSame(amount, dto.amount);
        assertSame(date, dto.date);
        assertSame(builder, dto.builder);
        assertEquals("<sb>", dto.builder.toString(), "JDK objects such as StringBuilder are not entered");
        assertEquals("&lt;t&gt;", dto.text);
    }

    @Test
    void stopsAtJdkSuperclass() {
        Problem problem = new Problem("<message>", "<detail>");

        Escaper.escape(problem);

        assertEquals("&lt;detail&gt;", problem.detail);
        assertEquals("<message>", problem.getMessage(), "fields of JDK superclasses are not touched");
    }

    @Test
    void escapesStringRoot() {
        assertEquals("a&lt;b", Escaper.escape("a<b"));
    }

    @Test
    void returnsCleanStringRootItself() {
        String plain = new String("plain");
        assertSame(plain, Escaper.escape(plain));
    }

    @Test
    void returnsNullForNullRoot() {
        assertNull(Escaper.escape(null));
        assertNull(Escaper.builder().build().escapeGraph(null));
    }

    @Test
    void escapesEachFieldOnceNotTwice() {
        Nullable dto = new Nullable();
        dto.first = "&";

        Escaper.escape(dto);

        assertEquals("&amp;", dto.first);
    }
}
