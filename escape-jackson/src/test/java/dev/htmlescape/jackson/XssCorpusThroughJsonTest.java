package dev.htmlescape.jackson;

import static dev.htmlescape.testing.XssCheck.assertEveryPayloadPasses;
import static dev.htmlescape.testing.XssCheck.corpus;
import static dev.htmlescape.testing.XssCheck.injectionIn;
import static dev.htmlescape.testing.XssCheck.ownPayloads;
import static dev.htmlescape.testing.XssCheck.problemIn;
import static dev.htmlescape.testing.XssCheck.render;
import static dev.htmlescape.testing.XssCheck.visible;
import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.jackson.Mappers.plainMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * XSS payloads sent as JSON string values, as a browser or an attacker's script sends them, and
 * read with {@link HtmlEscapeModule} into a record and a bean (a field, a list element, a map key
 * and value, an untyped value, a {@code JsonNode}): rendered into HTML text and quoted attributes
 * and parsed with jsoup, none may inject an element or an attribute, and the text jsoup decodes
 * must be the payload itself, with the characters that are invalid in HTML replaced by a space.
 *
 * <p>The core's {@code XssCorpusTest} checks the same payloads escaped by the walker, and proves
 * there that {@code EscapeContext.HTML} is OWASP's {@code Encode.forHtml} and that {@code
 * XssCheck.withInvalidCharactersReplaced} is its replacement, code point by code point. What this
 * test adds is the way in: the documents go as UTF-8 bytes with every non-ASCII character written
 * as a {@code \\u} escape, so that lone surrogates, which no UTF-8 byte sequence carries, reach the
 * parser too, and every place the module escapes a String is covered. {@link
 * EveryCodePointThroughJsonTest} sends every code point on its own.
 *
 * <p>The decoded text is compared exactly, carriage returns included: jsoup keeps them as they are,
 * which the core's test pins down for the jsoup version both modules use.
 *
 * <p>Only text and quoted attribute positions are used: HTML escaping is not safe in unquoted,
 * URL or event handler attributes, nor in {@code <script>} or {@code <style>}.
 */
class XssCorpusThroughJsonTest {


    /** One row per slot: text, a double-quoted and a single-quoted attribute. */


    /** Writes JSON as a client sends it: ASCII only, anything else as a {@code \\u} escape. */
    private static final JsonMapper CLIENT = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    public record PayloadRecord(String component) {
    }

    /** A form as user input reaches it: a field, a list, a map, an untyped value and a tree. */
    public static class PayloadForm {
        public String field;
        public List<String> items;
        public Map<String, String> byKey;
        public Object untyped;
        public JsonNode tree;
    }

    /** Where a payload lands, and how to find it in what was read. */
    private static final Map<String, Function<Read, String>> SLOTS = slots();

    /** The record and the form one payload was read into. */
    private record Read(PayloadRecord record, PayloadForm form) {
    }

    private static Map<String, Function<Read, String>> slots() {
        Map<String, Function<Read, String>> slots = new LinkedHashMap<>();
        slots.put("record component", read -> read.record().component());
        slots.put("field", read -> read.form().field);
        slots.put("list element", read -> read.form().items.get(0));
        slots.put("map key", read -> read.form().byKey.keySet().iterator().next());
        slots.put("map value", read -> read.form().byKey.values().iterator().next());
        slots.put("untyped value", read -> (String) ((List<?>) read.form().untyped).get(0));
        slots.put("tree value", read -> read.form().tree.get("t").stringValue());
        return slots;
    }

    // ---- the corpus ----

    @Test
    void noPayloadOfTheCorpusInjectsAnElementOrAttributeAndEachComesBackAsText() throws IOException {
        List<String> payloads = corpus();
        assertTrue(payloads.size() > 6_000, "the corpus has its 6,613 lines, read " + payloads.size());

        assertEveryPayloadPasses(payloads, XssCorpusThroughJsonTest::problemWith);
    }

    @Test
    void readWithoutTheModuleMostOfTheCorpusInjects() throws IOException {
        // the check has teeth: the same documents read by a plain mapper inject
        List<String> payloads = corpus();
        long injecting = payloads.stream()
                .filter(p -> injectionIn(render(values(read(plainMapper(), p)))) != null)
                .count();

        assertTrue(injecting > payloads.size() * 9L / 10,
                "raw payloads the check catches: " + injecting + " of " + payloads.size());
    }

    // ---- our own payloads ----

    /** The core test's own payloads, and a few that only JSON can send. */
    @TestFactory
    Stream<DynamicTest> ownPayloadsAreNeutralisedInTextAndQuotedAttributes() {
        return Stream.concat(ownPayloads().stream(), Stream.of(
                // JSON's own escapes and the characters JSON must escape
                "\\u003cscript\\u003e",
                "\\\"><b>",
                "\"}]}<b>",
                "\u00e9\u4e2d\uFEFF<b>"))
                .map(payload -> DynamicTest.dynamicTest(visible(payload), () -> {
                    String problem = problemWith(payload);
                    assertTrue(problem == null, problem);
                }));
    }

    // ---- the check ----

    /**
     * Sends {@code payload} in every slot as JSON, reads it with the module, renders, parses;
     * {@code null} if all is well.
     */
    private static String problemWith(String payload) {
        Read plain = read(plainMapper(), payload);
        for (Map.Entry<String, Function<Read, String>> slot : SLOTS.entrySet()) {
            String arrived = slot.getValue().apply(plain);
            if (!arrived.equals(payload)) {
                return slot.getKey() + " did not survive the JSON document: " + visible(arrived);
            }
        }

        List<String> values = values(read(mapperWithModule(), payload));
        String encoded = EscapeContext.HTML.encode(payload);
        List<String> slotNames = List.copyOf(SLOTS.keySet());
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).equals(encoded)) {
                return slotNames.get(i) + " was read as " + visible(values.get(i)) + ", not " + visible(encoded);
            }
        }

        return problemIn(slotNames, values, payload);
    }

    /** The payload in every slot, written by a client and read back by {@code mapper}. */
    private static Read read(JsonMapper mapper, String payload) {
        PayloadForm form = new PayloadForm();
        form.field = payload;
        form.items = List.of(payload);
        form.byKey = Map.of(payload, payload);
        form.untyped = List.of(payload);
        form.tree = plainMapper().createObjectNode().put("t", payload);
        byte[] recordJson = CLIENT.writeValueAsBytes(new PayloadRecord(payload));
        byte[] formJson = CLIENT.writeValueAsBytes(form);
        PayloadRecord record = mapper.readValue(recordJson, PayloadRecord.class);
        if (!hasLoneSurrogate(payload)) {
            return new Read(record, mapper.readValue(formJson, PayloadForm.class));
        }
        // Jackson's UTF-8 parser refuses a lone surrogate in a property name, the map key here:
        // such a request fails before anything is escaped. Its parser of text takes it, so the
        // slots are checked through that one.
        StreamReadException refused = assertThrows(StreamReadException.class,
                () -> mapper.readValue(formJson, PayloadForm.class));
        assertTrue(refused.getMessage().contains("surrogate"), refused.getMessage());
        return new Read(record, mapper.readValue(new String(formJson, StandardCharsets.US_ASCII), PayloadForm.class));
    }

    /** Whether {@code text} has a surrogate that is not half of a pair. */
    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(Read read) {
        return SLOTS.values().stream().map(slot -> slot.apply(read)).toList();
    }

    private static String prefix(String problem) {
        return problem == null ? null : problem.substring(0, problem.indexOf(':'));
    }


    }
