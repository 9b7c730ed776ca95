package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.owasp.encoder.Encode;

/**
 * XSS payloads, escaped by {@link Escaper#escape} from every kind of slot (field, list element, map
 * key and value, record component), rendered into HTML text and quoted attribute positions and
 * parsed with jsoup: no element or attribute may be injected, and the text and attribute values
 * jsoup decodes must be the payload itself.
 *
 * <p>Expected values. {@code Encode.forHtml} replaces characters that are invalid in HTML with a
 * space (see {@link #withInvalidCharactersReplaced}); every other character comes back exactly.
 * jsoup 1.24.1 does not apply the HTML input-stream normalisation of CR LF and lone CR to LF
 * (checked in {@link #jsoupKeepsCarriageReturnsAsTheyAre}), so the comparison is exact, with no
 * newline normalisation; if a jsoup upgrade starts normalising, that test fails first and says why.
 *
 * <p>Only text and quoted attribute positions are used: HTML escaping is not safe in unquoted
 * attributes, URL attributes ({@code href="javascript:alert(1)"} stays executable), event handler
 * attributes, {@code <script>} or {@code <style>}, and the test does not pretend otherwise.
 */
class XssCorpusTest {

    private static final String CORPUS = "payloadbox-xss-payload-list.txt";
    private static final String CORPUS_DIR = "shared/corpora/xss";

    /** One row per slot kind: text, a double-quoted and a single-quoted attribute. */
    private static final String ROW = "<p>%1$s</p><div title=\"%1$s\" data-x='%1$s'></div>";
    private static final List<String> SLOTS = List.of("field", "list element", "map key", "map value",
            "record component");

    /** A form as user input reaches it: a field, a list, a map and a record. */
    static final class PayloadForm {
        String field;
        List<String> items = new ArrayList<>();
        Map<String, String> byKey = new HashMap<>();
        PayloadRecord record;
    }

    record PayloadRecord(String component) {
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
    void theCheckerDetectsInjectionWhenTheCorpusIsNotEscaped() throws IOException {
        // the assertions above have teeth: rendered raw, most payloads inject something
        List<String> payloads = readCorpus();
        long injecting = payloads.stream().filter(p -> injectionIn(render(List.of(p))) != null).count();

        assertTrue(injecting > payloads.size() * 9L / 10,
                "raw payloads the checker catches: " + injecting + " of " + payloads.size());
    }

    // ---- our own payloads ----

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
                "line separators \u2028\u2029")
                .map(payload -> DynamicTest.dynamicTest(visible(payload), () -> {
                    String problem = problemWith(payload);
                    assertTrue(problem == null, problem);
                }));
    }

    @Test
    void aRawPayloadIsReportedAsInjection() {
        // the checker itself: unescaped, these inject an element or an attribute
        assertEquals("injected elements", prefix(injectionIn(render(List.of("\"><svg onload=alert(1)>")))));
        assertEquals("injected attributes", prefix(injectionIn(render(List.of("' onmouseover='alert(1)")))));
        assertEquals("injected attributes", prefix(injectionIn(render(List.of("x\" onclick=\"alert(1)")))));
        assertEquals(null, injectionIn(render(List.of("harmless"))));
    }

    private static String prefix(String problem) {
        return problem == null ? null : problem.substring(0, problem.indexOf(':'));
    }

    // ---- the expected replacement of invalid characters ----

    @Test
    void invalidCharactersAreReplacedLikeTheEncoderDoes() {
        assertEquals("a b", withInvalidCharactersReplaced("a\u0000b"), "NUL");
        assertEquals("\t\n\r", withInvalidCharactersReplaced("\t\n\r"), "tab, LF, CR stay");
        assertEquals("   ", withInvalidCharactersReplaced("\u0001\u001F\u007F"), "C0 and DEL");
        assertEquals(" \u0085 ", withInvalidCharactersReplaced("\u0080\u0085\u009F"), "C1 but NEL");
        assertEquals("\uFDCF  \uFDF0", withInvalidCharactersReplaced("\uFDCF\uFDD0\uFDEF\uFDF0"), "U+FDD0..U+FDEF");
        assertEquals("\uFFFD  ", withInvalidCharactersReplaced("\uFFFD\uFFFE\uFFFF"), "U+FFFE, U+FFFF");
        assertEquals("<\uD83D\uDE00>", withInvalidCharactersReplaced("<\uD83D\uDE00>"), "valid text stays");
    }

    @Test
    void surrogatesAndSupplementaryNonCharactersAreReplacedPerCodePoint() {
        assertEquals("a b", withInvalidCharactersReplaced("a\uD800b"), "lone high surrogate");
        assertEquals("a b", withInvalidCharactersReplaced("a\uDC00b"), "lone low surrogate");
        assertEquals("x ", withInvalidCharactersReplaced("x\uD800"), "high surrogate at the end");
        assertEquals("  ", withInvalidCharactersReplaced("\uDE00\uD83D"), "a reversed pair is two lone surrogates");
        assertEquals(" \uD800\uDC00", withInvalidCharactersReplaced("\uD800\uD800\uDC00"),
                "a lone high surrogate, then a valid pair");
        assertEquals(" ", withInvalidCharactersReplaced("\uD83F\uDFFE"), "U+1FFFE: two chars, one space");
        assertEquals(" ", withInvalidCharactersReplaced("\uDBFF\uDFFF"), "U+10FFFF: two chars, one space");
    }

    @Test
    void theExpectedReplacementMatchesTheEncoderForEveryCodePoint() {
        List<String> mismatches = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String text = "a" + new String(Character.toChars(cp)) + "b";
            String decoded = decodeHtmlEntities(Encode.forHtml(text));
            if (!decoded.equals(withInvalidCharactersReplaced(text)) && mismatches.size() < 20) {
                mismatches.add(String.format("U+%04X", cp));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void jsoupKeepsCarriageReturnsAsTheyAre() {
        // the HTML spec turns CR LF and CR into LF before tokenizing; jsoup 1.24.1 does not, so the
        // payload comparison needs no newline normalisation. Should this change, normalise the
        // expected value the same way in problemWith and say so there.
        Document document = Jsoup.parse("<p>a\r\nb\rc</p><div title=\"a\r\nb\rc\"></div>");

        assertEquals("a\r\nb\rc", document.selectFirst("p").wholeText());
        assertEquals("a\r\nb\rc", document.selectFirst("div").attr("title"));
    }

    @Test
    void theCorpusIsFoundNextToTheProjectRoot() {
        Path corpus = corpusPath();

        assertTrue(Files.isRegularFile(corpus), corpus.toString());
    }

    // ---- the check ----

    /** Escapes {@code payload} from every slot kind, renders, parses; {@code null} if all is well. */
    private static String problemWith(String payload) {
        PayloadForm form = new PayloadForm();
        form.field = payload;
        form.items.add(payload);
        form.byKey.put(payload, payload);
        form.record = new PayloadRecord(payload);

        PayloadForm escaped = Escaper.escape(form);

        String key = escaped.byKey.keySet().iterator().next();
        List<String> values = List.of(escaped.field, escaped.items.get(0), key, escaped.byKey.get(key),
                escaped.record.component());
        String encoded = Encode.forHtml(payload);
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).equals(encoded)) {
                return SLOTS.get(i) + " was escaped to " + visible(values.get(i)) + ", not " + visible(encoded);
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
                return SLOTS.get(i) + " decoded to text " + visible(text) + ", title " + visible(title)
                        + ", data-x " + visible(dataX) + "; expected " + visible(expected);
            }
        }
        return null;
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
        StringBuilder templateBody = new StringBuilder();
        for (int i = 0; i < Math.max(rows, 1); i++) {
            templateBody.append(String.format(ROW, "x"));
        }
        Document template = Jsoup.parse(page(templateBody.toString()));
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
     * {@code text} with each code point {@code Encode.forHtml} treats as invalid replaced by one
     * space: C0 controls other than tab, LF and CR; DEL and the C1 controls U+007F..U+009F except
     * U+0085 (NEL, which the encoder keeps; found by the sweep below); lone surrogates, each on its
     * own; the non-characters U+FDD0..U+FDEF; and U+xFFFE, U+xFFFF in every plane (a supplementary
     * one is two chars that become one space).
     */
    static String withInvalidCharactersReplaced(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                i += 2;
            } else {
                cp = c;
                i += 1;
            }
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
