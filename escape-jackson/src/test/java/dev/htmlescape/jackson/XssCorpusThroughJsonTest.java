package dev.htmlescape.jackson;

import static dev.htmlescape.jackson.Mappers.mapperWithModule;
import static dev.htmlescape.jackson.Mappers.plainMapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.type.TypeReference;
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
 * there that {@code EscapeContext.HTML} is OWASP's {@code Encode.forHtml} and that {@link
 * #withInvalidCharactersReplaced} is its replacement, code point by code point. What this test adds
 * is the way in: the documents go as UTF-8 bytes with every non-ASCII character written as a
 * {@code \\u} escape, so that lone surrogates and non-characters, which no UTF-8 byte sequence
 * carries, reach the parser too, and every place the module escapes a String is covered.
 *
 * <p>The decoded text is compared exactly, carriage returns included: jsoup keeps them as they are,
 * which the core's test pins down for the jsoup version both modules use.
 *
 * <p>Only text and quoted attribute positions are used: HTML escaping is not safe in unquoted,
 * URL or event handler attributes, nor in {@code <script>} or {@code <style>}.
 */
class XssCorpusThroughJsonTest {

    private static final String CORPUS = "payloadbox-xss-payload-list.txt";
    private static final String CORPUS_DIR = "shared/corpora/xss";

    /** One row per slot: text, a double-quoted and a single-quoted attribute. */
    private static final String ROW = "<p>%1$s</p><div title=\"%1$s\" data-x='%1$s'></div>";

    /** The page with harmless text in each row, by the number of rows: what a rendered page must match. */
    private static final Map<Integer, Document> TEMPLATES = new ConcurrentHashMap<>();

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
        List<String> payloads = readCorpus();
        assertTrue(payloads.size() > 6_000, "the corpus has its 6,613 lines, read " + payloads.size());

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String problem = problemWith(payloads.get(i));
            if (problem != null) {
                failures.add("line " + (i + 1) + " " + visible(payloads.get(i)) + ": " + problem);
            }
        }

        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + payloads.size() + " payloads failed; the first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    @Test
    void readWithoutTheModuleMostOfTheCorpusInjects() throws IOException {
        // the check has teeth: the same documents read by a plain mapper inject
        List<String> payloads = readCorpus();
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
        return Stream.of(
                "\"><svg onload=alert(1)>",
                "'onmouseover='alert(1)",
                "\" autofocus onfocus=\"alert(1)",
                "' autofocus onfocus='alert(1)",
                "</textarea><script>alert(1)</script>",
                "</p><p>",
                "</div><div title=\"x\">",
                "<!--",
                "-->",
                "]]>",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "<img src=x onerror=alert(1)//",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<plaintext>",
                "`onmouseover=alert(1)`",
                // not neutralised where a URL is expected: never rendered into href here
                "javascript:alert(1)",
                "&lt;script&gt; stays literal",
                "&#x3C;script&#x3E; &#60; &amp; &quot;",
                "&",
                "<",
                "",
                "   leading and trailing spaces   ",
                "tab\there, line\nfeed, crlf\r\nand a lone cr\r<b>",
                "nul\u0000<script>",
                "controls \u0001\u0008\u000B\u000C\u001F\u007F",
                "C1 \u0080\u0084\u0085\u0086\u009F",
                "lone high \uD800<b> and low \uDC00<i>",
                "reversed pair \uDE00\uD83D",
                "pair \uD83D\uDE00<b>",
                "non-characters \uFDD0\uFDEF\uFFFE\uFFFF \uD83F\uDFFE \uDBFF\uDFFF",
                "line separators \u2028\u2029",
                // JSON's own escapes and the characters JSON must escape
                "\\u003cscript\\u003e",
                "\\\"><b>",
                "\"}]}<b>",
                "\u00e9\u4e2d\uFEFF<b>")
                .map(payload -> DynamicTest.dynamicTest(visible(payload), () -> {
                    String problem = problemWith(payload);
                    assertTrue(problem == null, problem);
                }));
    }

    @Test
    void aRawPayloadIsReportedAsInjection() {
        assertEquals("injected elements", prefix(injectionIn(render(List.of("\"><svg onload=alert(1)>")))));
        assertEquals("injected attributes", prefix(injectionIn(render(List.of("' onmouseover='alert(1)")))));
        assertEquals("injected attributes", prefix(injectionIn(render(List.of("x\" onclick=\"alert(1)")))));
        assertEquals(null, injectionIn(render(List.of("harmless"))));
    }

    // ---- every code point through JSON ----

    @Test
    void everyCodePointSentAsAJsonEscapeComesBackAsItselfOrASpace() {
        // each code point on its own, lone surrogates included, in one JSON array of escapes
        List<String> texts = new ArrayList<>(Character.MAX_CODE_POINT + 1);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            texts.add(new String(Character.toChars(cp)));
        }
        byte[] json = CLIENT.writeValueAsBytes(texts);
        assertTrue(isAscii(json), "the document is sent as ASCII");

        List<String> read = mapperWithModule().readValue(json, new TypeReference<List<String>>() { });

        List<String> mismatches = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT && mismatches.size() < 20; cp++) {
            String decoded = decodeHtmlEntities(read.get(cp));
            if (!decoded.equals(withInvalidCharactersReplaced(texts.get(cp)))) {
                mismatches.add(String.format("U+%04X read as %s", cp, visible(read.get(cp))));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theCorpusIsFoundNextToTheProjectRoot() {
        Path corpus = corpusPath();

        assertTrue(Files.isRegularFile(corpus), corpus.toString());
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

        Document document = render(values);
        String injection = injectionIn(document);
        if (injection != null) {
            return injection;
        }
        String expected = withInvalidCharactersReplaced(payload);
        List<Element> paragraphs = document.select("p");
        List<Element> divs = document.select("div");
        for (int i = 0; i < values.size(); i++) {
            String text = paragraphs.get(i).wholeText();
            String title = divs.get(i).attr("title");
            String dataX = divs.get(i).attr("data-x");
            if (!text.equals(expected) || !title.equals(expected) || !dataX.equals(expected)) {
                return slotNames.get(i) + " decoded to text " + visible(text) + ", title " + visible(title)
                        + ", data-x " + visible(dataX) + "; expected " + visible(expected);
            }
        }
        return null;
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

    private static Document render(List<String> values) {
        StringBuilder body = new StringBuilder();
        for (String value : values) {
            body.append(String.format(ROW, value));
        }
        return Jsoup.parse(page(body.toString()));
    }

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>";
    }

    /** What differs from the template's elements and attributes, or {@code null}. */
    private static String injectionIn(Document document) {
        int rows = document.select("p").size();
        Document template = TEMPLATES.computeIfAbsent(Math.max(rows, 1), n -> render(Collections.nCopies(n, "x")));
        List<String> expectedElements = tagNames(template);
        List<String> actualElements = tagNames(document);
        if (!expectedElements.equals(actualElements) || rows == 0) {
            return "injected elements: " + actualElements + " instead of " + expectedElements;
        }
        List<String> expectedAttributes = attributes(template);
        List<String> actualAttributes = attributes(document);
        if (!expectedAttributes.equals(actualAttributes)) {
            return "injected attributes: " + actualAttributes + " instead of " + expectedAttributes;
        }
        return null;
    }

    private static String prefix(String problem) {
        return problem == null ? null : problem.substring(0, problem.indexOf(':'));
    }

    private static List<String> tagNames(Document document) {
        List<String> names = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            names.add(element.tagName());
        }
        return names;
    }

    private static List<String> attributes(Document document) {
        List<String> all = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            List<String> keys = new ArrayList<>();
            for (Attribute attribute : element.attributes()) {
                keys.add(attribute.getKey());
            }
            all.add(element.tagName() + keys);
        }
        return all;
    }

    /**
     * {@code text} with each code point that {@code Encode.forHtml} treats as invalid replaced by
     * one space: C0 controls other than tab, LF and CR; DEL and the C1 controls but U+0085; lone
     * surrogates, each on its own; U+FDD0..U+FDEF; and U+xFFFE, U+xFFFF in every plane. The core's
     * {@code XssCorpusTest} checks this against the encoder for every code point.
     */
    static String withInvalidCharactersReplaced(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean invalid = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'
                    || cp >= 0x7F && cp <= 0x9F && cp != 0x85
                    || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE
                    || cp >= 0xFDD0 && cp <= 0xFDEF
                    || (cp & 0xFFFE) == 0xFFFE;
            if (invalid) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Undoes the five entities {@code Encode.forHtml} writes; nothing else. */
    private static String decodeHtmlEntities(String encoded) {
        return encoded.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    // ---- the corpus file ----

    private static List<String> readCorpus() throws IOException {
        Path corpus = corpusPath();
        if (!Files.isRegularFile(corpus)) {
            fail("XSS corpus not found at " + corpus + " (" + CORPUS_DIR + "/" + CORPUS
                    + " beside the project root); it is required, the CI has it");
        }
        return Files.readAllLines(corpus, StandardCharsets.UTF_8);
    }

    /**
     * {@code <project root>/../shared/corpora/xss/<corpus>}: the project root is the nearest
     * directory, from the working directory up, that holds {@code mvnw}. Maven runs this test in the
     * module directory, an IDE may run it in the root.
     */
    private static Path corpusPath() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && dir.getParent() != null) {
                return dir.getParent().resolve(CORPUS_DIR).resolve(CORPUS);
            }
        }
        fail("no project root (a directory with mvnw) above " + start + "; cannot find " + CORPUS_DIR + "/" + CORPUS);
        return null;
    }

    /** The text with invisible and non-ASCII characters written as \\u{...}, for messages and names. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u{%X}", cp));
            }
        });
        return out.append('"').toString();
    }
}
