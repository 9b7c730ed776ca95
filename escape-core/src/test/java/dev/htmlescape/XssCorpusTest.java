package dev.htmlescape;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
        List<String> payloads = corpus();
        assertTrue(payloads.size() > 6_000, "the corpus has its 6,613 lines, read " + payloads.size());

        assertEveryPayloadPasses(payloads, XssCorpusTest::problemWith);
    }

    @Test
    void theCheckerDetectsInjectionWhenTheCorpusIsNotEscaped() throws IOException {
        // the assertions above have teeth: rendered raw, most payloads inject something
        List<String> payloads = corpus();
        long injecting = payloads.stream().filter(p -> injectionIn(render(List.of(p))) != null).count();

        assertTrue(injecting > payloads.size() * 9L / 10,
                "raw payloads the checker catches: " + injecting + " of " + payloads.size());
    }

    // ---- our own payloads ----

    @TestFactory
    Stream<DynamicTest> ownPayloadsAreNeutralisedInTextAndQuotedAttributes() {
        return ownPayloads().stream()
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
    void theCorpusIsFoundNextToTheProjectRoot() throws IOException {
        assertEquals(6_613, corpus().size(), "lines of the public payload list");
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

        return problemIn(SLOTS, values, payload);
    }

    }
