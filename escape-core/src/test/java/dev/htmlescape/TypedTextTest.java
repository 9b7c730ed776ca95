package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TypedTextTest {

    record Person(String name, List<String> nicknames) {
    }

    @BeforeAll
    static void remember() {
        TypedText.startRemembering();
    }

    @Test
    void givesTheTypedTextOfWhatAWalkEscaped() {
        Person escaped = Escaper.escape(new Person("O'Brien", new ArrayList<>(List.of("<b>", "Paddy"))));

        assertEquals("O&#39;Brien", escaped.name());
        assertEquals("O'Brien", TypedText.of(escaped.name()));
        assertEquals("<b>", TypedText.of(escaped.nicknames().get(0)));
    }

    @Test
    void givesTheTypedTextOfWhatAContextEncodedDirectly() {
        String escaped = EscapeContext.HTML_ATTRIBUTE.encode("a \"b\"");

        assertEquals("a \"b\"", TypedText.of(escaped));
    }

    @Test
    void knowsAStringByIdentityNotByContent() {
        String escaped = EscapeContext.HTML.encode("O'Brien");
        String equalCopy = new String(escaped.toCharArray());

        assertSame(equalCopy, TypedText.of(equalCopy));
        assertSame("O&#39;Brien", TypedText.of("O&#39;Brien"));
        assertEquals("O'Brien", TypedText.of(escaped));
    }

    @Test
    void leavesTextThatNeededNoEscapingAndOtherCharSequencesAsTheyAre() {
        String clean = "Paddy";
        StringBuilder builder = new StringBuilder("O&#39;Brien");

        assertSame(clean, EscapeContext.HTML.encode(clean));
        assertSame(clean, TypedText.of(clean));
        assertSame(builder, TypedText.of(builder));
        assertNull(TypedText.of(null));
    }

    @Test
    void keepsNoEscapedStringAlive() throws InterruptedException {
        WeakReference<String> escaped = new WeakReference<>(EscapeContext.HTML.encode(new String("<i>")));
        for (int i = 0; i < 50 && escaped.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(escaped.get(), "the remembered String was kept reachable");

        int before = TypedText.size();
        for (int i = 0; i < 1_000; i++) {
            EscapeContext.HTML.encode("<" + i + ">");
        }
        for (int i = 0; i < 50 && TypedText.size() > before + 500; i++) {
            System.gc();
            Thread.sleep(10);
            EscapeContext.HTML.encode("<x>");
        }
        assertTrue(TypedText.size() <= before + 501, "entries of collected Strings are dropped: " + TypedText.size());
    }

    @Test
    void isKnownOnEveryThread() throws Exception {
        String[] escaped = new String[1];
        Thread other = new Thread(() -> escaped[0] = Escaper.escape(Map.of("k", "a & b")).get("k"));
        other.start();
        other.join();

        assertEquals("a & b", TypedText.of(escaped[0]));
    }
}
