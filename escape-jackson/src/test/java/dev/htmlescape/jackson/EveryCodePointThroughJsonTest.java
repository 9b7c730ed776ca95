package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.testing.CodePointSweep.EVERY_CODE_POINT;
import static dev.htmlescape.testing.CodePointSweep.SURROGATE_CODE_POINTS;
import static dev.htmlescape.testing.CodePointSweep.chunks;
import static dev.htmlescape.testing.CodePointSweep.jsonLiteral;
import static dev.htmlescape.testing.CodePointSweep.sequences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.testing.CodePointSweep.Chunk;
import dev.htmlescape.testing.CodePointSweep.Sweep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every code point U+0000..U+10FFFF, and text whose code points belong together (emoji sequences,
 * right-to-left text, zero-width characters, combining marks), in a JSON body read by
 * {@link HtmlEscapeModule}: as a list element, a record component, a map key and a map value. Each
 * must come out exactly as {@code Encode.forHtml} says and decode back, through jsoup, to itself
 * with the encoder's invalid characters replaced (see {@code CodePointSweep}).
 *
 * <p>The body goes as UTF-8 bytes, as a request's does, 4,096 code points a document. Every other
 * document is ASCII with each non-ASCII character as a {@code \\u} escape, the others carry it as
 * UTF-8; lone surrogates are always {@code \\u} escapes, which no UTF-8 byte sequence can carry.
 *
 * <p>Each key is a code point followed by its number, so that keys stay distinct once the invalid
 * characters have become spaces (keys that escape alike fail the read, as they must). Jackson's
 * UTF-8 parser refuses a lone surrogate in a property name before the module sees it, so the
 * surrogate keys are read from text, where its other parser takes them; that refusal is checked too.
 */
class EveryCodePointThroughJsonTest {

    /** Where a code point lands: a list, a list of records, a map. */
    public static class Body {
        public List<String> items;
        public List<Label> records;
        public Map<String, String> byKey;
    }

    public record Label(String text) {
    }

    private static final int CHUNK = 4_096;

    @Test
    void everyCodePointInAJsonBodyComesOutAsForHtmlSaysInEverySlot() {
        Sweep items = new Sweep("a list element of a JSON body");
        Sweep records = new Sweep("a record component of a JSON body");
        Sweep keys = new Sweep("a map key of a JSON body");
        Sweep values = new Sweep("a map value of a JSON body");
        int surrogateKeysReadFromText = 0;
        List<Chunk> chunks = chunks(CHUNK, true);
        for (int i = 0; i < chunks.size(); i++) {
            List<String> texts = chunks.get(i).texts();
            List<String> keyTexts = keys(texts);
            boolean ascii = i % 2 == 0;
            boolean surrogateKeys = keyTexts.stream().anyMatch(EveryCodePointThroughJsonTest::hasLoneSurrogate);
            String json = document(texts, keyTexts, ascii);
            Body body;
            if (surrogateKeys) {
                StreamReadException refused = assertThrows(StreamReadException.class,
                        () -> mapperWithModule().readValue(json.getBytes(StandardCharsets.UTF_8), Body.class),
                        chunks.get(i).toString());
                assertTrue(refused.getMessage().contains("surrogate"), refused.getMessage());
                body = mapperWithModule().readValue(json, Body.class);
                surrogateKeysReadFromText += (int) keyTexts.stream()
                        .filter(EveryCodePointThroughJsonTest::hasLoneSurrogate).count();
            } else {
                body = mapperWithModule().readValue(json.getBytes(StandardCharsets.UTF_8), Body.class);
            }
            check(body, texts, keyTexts, items, records, keys, values);
        }
        List<String> sequences = sequences();
        Body body = mapperWithModule().readValue(
                document(sequences, keys(sequences), false).getBytes(StandardCharsets.UTF_8), Body.class);
        check(body, sequences, keys(sequences), items, records, keys, values);

        int swept = EVERY_CODE_POINT + sequences.size();
        items.assertPassed(swept);
        records.assertPassed(swept);
        keys.assertPassed(swept);
        values.assertPassed(swept);
        assertEquals(SURROGATE_CODE_POINTS, surrogateKeysReadFromText, "keys read from text rather than bytes");
    }

    private static void check(Body body, List<String> texts, List<String> keyTexts, Sweep items, Sweep records,
            Sweep keys, Sweep values) {
        items.check(texts, body.items);
        records.check(texts, body.records.stream().map(Label::text).toList());
        keys.check(keyTexts, List.copyOf(body.byKey.keySet()));
        values.check(texts, List.copyOf(body.byKey.values()));
    }

    /** Each text followed by its position: distinct keys, even where escaping makes the texts alike. */
    private static List<String> keys(List<String> texts) {
        List<String> keys = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            keys.add(texts.get(i) + "#" + i);
        }
        return keys;
    }

    private static String document(List<String> texts, List<String> keys, boolean ascii) {
        StringJoiner items = new StringJoiner(",", "[", "]");
        StringJoiner records = new StringJoiner(",", "[", "]");
        StringJoiner byKey = new StringJoiner(",", "{", "}");
        for (int i = 0; i < texts.size(); i++) {
            String literal = jsonLiteral(texts.get(i), ascii);
            items.add(literal);
            records.add("{\"text\":" + literal + "}");
            byKey.add(jsonLiteral(keys.get(i), ascii) + ":" + literal);
        }
        return "{\"items\":" + items + ",\"records\":" + records + ",\"byKey\":" + byKey + "}";
    }

    private static boolean hasLoneSurrogate(String text) {
        return text.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
}
