package dev.htmlescape.testing.jackson;

import static dev.htmlescape.testing.XssCheck.assertEveryPayloadPasses;
import static dev.htmlescape.testing.XssCheck.corpus;
import static dev.htmlescape.testing.XssCheck.decodeHtmlEntities;
import static dev.htmlescape.testing.XssCheck.injectionIn;
import static dev.htmlescape.testing.XssCheck.ownPayloads;
import static dev.htmlescape.testing.XssCheck.problemIn;
import static dev.htmlescape.testing.XssCheck.render;
import static dev.htmlescape.testing.XssCheck.visible;
import static dev.htmlescape.testing.XssCheck.withInvalidCharactersReplaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.owasp.encoder.Encode;

/**
 * XSS payloads sent as JSON string values, as a browser or an attacker's script sends them, and
 * read with the module into a record and a bean (a field, a list element, a map key and value, an
 * untyped value, a {@code JsonNode}): rendered into HTML text and quoted attributes and parsed
 * with jsoup, none may inject an element or an attribute, and the text jsoup decodes must be the
 * payload itself, with the characters that are invalid in HTML replaced by a space.
 *
 * <p>The core's {@code XssCorpusTest} checks the same payloads escaped by the walker, and proves
 * there that {@code EscapeContext.HTML} is OWASP's {@code Encode.forHtml} and that {@code
 * withInvalidCharactersReplaced} is its replacement, code point by code point. What this test adds
 * is the way in: the documents go as UTF-8 bytes with every non-ASCII character written as a
 * {@code \\u} escape, so that lone surrogates and non-characters, which no UTF-8 byte sequence
 * carries, reach the parser too, and every place the module escapes a String is covered.
 *
 * <p>The decoded text is compared exactly, carriage returns included: jsoup keeps them as they are,
 * which the core's test pins down for the jsoup version both modules use.
 *
 * <p>Only text and quoted attribute positions are used: HTML escaping is not safe in unquoted,
 * URL or event handler attributes, nor in {@code <script>} or {@code <style>}.
 *
 * <p>Each Jackson line runs these tests through a subclass that names its {@link JsonBinding}.
 */
public abstract class XssThroughJson {

    /** The Jackson line under test. */
    protected abstract JsonBinding binding();

    public record PayloadRecord(String component) {
    }

    /** A form as user input reaches it: a field, a list, a map, an untyped value and a tree {@code N}. */
    public static class PayloadForm<N> {
        public String field;
        public List<String> items;
        public Map<String, String> byKey;
        public Object untyped;
        public N tree;
    }

    private static final Type FORM = new TypeOf<PayloadForm<JsonTree>>() { }.type();

    /** Where a payload lands, and how to find it in what was read. */
    private static final Map<String, BiFunction<Read, JsonBinding, String>> SLOTS = slots();

    /** The record and the form one payload was read into. */
    private record Read(PayloadRecord record, PayloadForm<?> form) {
    }

    private static Map<String, BiFunction<Read, JsonBinding, String>> slots() {
        Map<String, BiFunction<Read, JsonBinding, String>> slots = new LinkedHashMap<>();
        slots.put("record component", (read, binding) -> read.record().component());
        slots.put("field", (read, binding) -> read.form().field);
        slots.put("list element", (read, binding) -> read.form().items.get(0));
        slots.put("map key", (read, binding) -> read.form().byKey.keySet().iterator().next());
        slots.put("map value", (read, binding) -> read.form().byKey.values().iterator().next());
        slots.put("untyped value", (read, binding) -> (String) ((List<?>) read.form().untyped).get(0));
        slots.put("tree value", (read, binding) -> binding.textOf(read.form().tree, "t"));
        return slots;
    }

    // ---- the corpus ----

    @Test
    void noPayloadOfTheCorpusInjectsAnElementOrAttributeAndEachComesBackAsText() throws IOException {
        List<String> payloads = corpus();
        assertTrue(payloads.size() > 6_000, "the corpus has its 6,613 lines, read " + payloads.size());

        assertEveryPayloadPasses(payloads, this::problemWith);
    }

    @Test
    void readWithoutTheModuleMostOfTheCorpusInjects() throws IOException {
        // the check has teeth: the same documents read by a plain mapper inject
        List<String> payloads = corpus();
        long injecting = payloads.stream()
                .filter(p -> injectionIn(render(values(read(false, p)))) != null)
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

    // ---- every code point through JSON ----

    @Test
    void everyCodePointSentAsAJsonEscapeComesBackAsItselfOrASpace() throws Exception {
        // each code point on its own, lone surrogates included, in one JSON array of escapes
        List<String> texts = new ArrayList<>(Character.MAX_CODE_POINT + 1);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            texts.add(new String(Character.toChars(cp)));
        }
        byte[] json = binding().writeAsClient(texts);
        assertTrue(isAscii(json), "the document is sent as ASCII");

        @SuppressWarnings("unchecked")
        List<String> read = (List<String>) binding().readWithModule(json, new TypeOf<List<String>>() { }.type());

        List<String> mismatches = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT && mismatches.size() < 20; cp++) {
            String decoded = decodeHtmlEntities(read.get(cp));
            if (!decoded.equals(withInvalidCharactersReplaced(texts.get(cp)))) {
                mismatches.add(String.format("U+%04X read as %s", cp, visible(read.get(cp))));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    // ---- the check ----

    /**
     * Sends {@code payload} in every slot as JSON, reads it with the module, renders, parses;
     * {@code null} if all is well.
     */
    private String problemWith(String payload) {
        Read plain = read(false, payload);
        for (Map.Entry<String, BiFunction<Read, JsonBinding, String>> slot : SLOTS.entrySet()) {
            String arrived = slot.getValue().apply(plain, binding());
            if (!arrived.equals(payload)) {
                return slot.getKey() + " did not survive the JSON document: " + visible(arrived);
            }
        }

        List<String> values = values(read(true, payload));
        String encoded = Encode.forHtml(payload);
        List<String> slotNames = List.copyOf(SLOTS.keySet());
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).equals(encoded)) {
                return slotNames.get(i) + " was read as " + visible(values.get(i)) + ", not " + visible(encoded);
            }
        }

        return problemIn(slotNames, values, payload);
    }

    /** The payload in every slot, written by a client and read back with or without the module. */
    private Read read(boolean withModule, String payload) {
        JsonBinding binding = binding();
        try {
            PayloadForm<Object> form = new PayloadForm<>();
            form.field = payload;
            form.items = List.of(payload);
            form.byKey = Map.of(payload, payload);
            form.untyped = List.of(payload);
            form.tree = binding.objectNode("t", payload);
            byte[] recordJson = binding.writeAsClient(new PayloadRecord(payload));
            byte[] formJson = binding.writeAsClient(form);
            PayloadRecord record = (PayloadRecord) read(binding, withModule, recordJson, PayloadRecord.class);
            if (!hasLoneSurrogate(payload)) {
                return new Read(record, (PayloadForm<?>) read(binding, withModule, formJson, FORM));
            }
            // Jackson's UTF-8 parser refuses a lone surrogate in a property name, the map key here:
            // such a request fails before anything is escaped. Its parser of text takes it, so the
            // slots are checked through that one.
            // (Jackson 2 wraps the parser's refusal in a mapping exception that names the path)
            Exception thrown = assertThrows(Exception.class, () -> read(binding, withModule, formJson, FORM));
            Throwable refused = thrown;
            while (refused != null && !binding.parseFailure().isInstance(refused)) {
                refused = refused.getCause();
            }
            assertTrue(refused != null, () -> "not refused by the parser: " + thrown);
            assertTrue(refused.getMessage().contains("surrogate"), refused.getMessage());
            String text = new String(formJson, StandardCharsets.US_ASCII);
            Type formType = TypeOf.resolve(FORM, binding.treeType());
            return new Read(record, (PayloadForm<?>) (withModule ? binding.readWithModule(text, formType)
                    : binding.readPlain(text, formType)));
        } catch (Exception e) {
            throw new AssertionError("cannot read " + visible(payload), e);
        }
    }

    private static Object read(JsonBinding binding, boolean withModule, byte[] json, Type type) throws Exception {
        Type resolved = TypeOf.resolve(type, binding.treeType());
        return withModule ? binding.readWithModule(json, resolved) : binding.readPlain(json, resolved);
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

    private List<String> values(Read read) {
        return SLOTS.values().stream().map(slot -> slot.apply(read, binding())).toList();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
