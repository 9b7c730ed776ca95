package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages quote user input; they must stay readable and must not carry markup to an error page. */
class ExceptionMessagesTest {

    static class Form {
        Map<String, String> answers = new LinkedHashMap<>();
    }

    @Test
    void quotesCollidingKeysWithMarkupAndControlCharactersAsEscapes() {
        Form form = new Form();
        form.answers.put("<b>\u0001", "first");
        form.answers.put("<b> ", "second");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(form));

        assertEquals("form.answers[key \"\\u003Cb\\u003E \"]", e.getPath());
        assertEquals("form.answers[key \"\\u003Cb\\u003E \"]: escaping made two keys equal,"
                + " \"\\u003Cb\\u003E\\u0001\" and \"\\u003Cb\\u003E \" both became"
                + " \"\\u0026lt;b\\u0026gt; \"; the map would lose an entry", e.getMessage());
        assertFalse(e.getMessage().contains("<"), "no raw markup in the message");
        assertEquals(2, form.answers.size(), "nothing was lost");
    }

    @Test
    void cutsLongQuotedValuesAfterFortyCharacters() {
        String longKey = "k".repeat(50) + "\u0000";
        Form form = new Form();
        form.answers.put(longKey, "first");
        form.answers.put("k".repeat(50) + " ", "second");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(form));

        assertEquals("form.answers[key \"" + "k".repeat(40) + "...\"]", e.getPath());
    }
}
