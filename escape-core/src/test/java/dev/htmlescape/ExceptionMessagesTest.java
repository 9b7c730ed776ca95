package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Quoted values are cut after 40 characters: a key of exactly 40 is quoted whole, one of 41 is
     * cut before the character that made the two keys collide.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "39 | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\\u0000\" | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk \"  | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk \"",
        "40 | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\\u0000\" | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk \" | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk \"",
        "41 | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\" | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\" | \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\""})
    void quotesValuesOfUpToFortyCharactersWholeAndCutsLongerOnes(int length, String first, String second,
            String escaped) {
        Form form = new Form();
        form.answers.put("k".repeat(length - 1) + "\u0000", "first");
        form.answers.put("k".repeat(length - 1) + " ", "second");

        EscapeException e = assertThrows(EscapeException.class, () -> Escaper.escape(form));

        String path = "form.answers[key " + second + "]";
        assertEquals(path, e.getPath());
        assertEquals(path + ": escaping made two keys equal, " + first + " and " + second + " both became "
                + escaped + "; the map would lose an entry", e.getMessage());
    }
}
