package dev.htmlescape.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the XSS tests of every module share: the payloads (a public corpus in this module's resources
 * and our own), a page that shows each escaped value in HTML text and in double- and single-quoted
 * attributes, and the check that parsing that page with jsoup finds no injected element or
 * attribute.
 *
 * <p>Only text and quoted attribute positions are used: HTML escaping is not safe in unquoted
 * attributes, URL attributes, event handlers, {@code <script>} or {@code <style>}.
 *
 * <p>Thread-safe.
 */
public final class XssCheck {

    /** One row per value: text, a double-quoted and a single-quoted attribute. */
    public static final String ROW = "<p>%1$s</p><div title=\"%1$s\" data-x='%1$s'></div>";

    /** On the class path beside this class, with its licence and provenance in the same folder. */
    private static final String CORPUS = "xss/payloadbox-xss-payload-list.txt";
    private static final Map<Integer, Document> TEMPLATES = new ConcurrentHashMap<>();

    private XssCheck() {
    }

    /**
     * The corpus, a payload a line, read from this module's resources
     * ({@code dev/htmlescape/testing/xss/}), where it lies with its MIT licence and provenance.
     *
     * @throws AssertionError if the corpus is missing: it is required, never skipped
     */
    public static List<String> corpus() throws IOException {
        try (InputStream in = XssCheck.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new AssertionError("XSS corpus " + CORPUS + " is not on the class path beside "
                        + XssCheck.class.getName() + "; it is required: test-support's resources hold it");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().toList();
        }
    }

    /**
     * Fails with the first twenty problems if {@code problemWith} finds one in any payload.
     *
     * @param problemWith what is wrong with a payload once escaped and rendered, or {@code null}
     * @throws AssertionError naming each failing payload by line and in visible form
     */
    public static void assertEveryPayloadPasses(List<String> payloads, UnaryOperator<String> problemWith) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String problem = problemWith.apply(payloads.get(i));
            if (problem != null) {
                failures.add("line " + (i + 1) + " " + visible(payloads.get(i)) + ": " + problem);
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + payloads.size() + " payloads failed; the first"
                    + " ones:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    /** Payloads of our own: breaking out of attributes and elements, entities, controls, surrogates. */
    public static List<String> ownPayloads() {
        return List.of(
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
                "line separators \u2028\u2029");
    }

    /**
     * Renders the escaped {@code values}, one {@link #ROW} each, parses the page and checks that
     * nothing was injected and that each text and attribute decodes back to {@code payload}, with
     * invalid characters replaced.
     *
     * @param slots the name of each value's slot, for the message
     * @return what is wrong, or {@code null} if all is well
     */
    public static String problemIn(List<String> slots, List<String> values, String payload) {
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
                return slots.get(i) + " decoded to text " + visible(text) + ", title " + visible(title)
                        + ", data-x " + visible(dataX) + "; expected " + visible(expected);
            }
        }
        return null;
    }

    /** A page with one {@link #ROW} per value. */
    public static Document render(List<String> values) {
        StringBuilder body = new StringBuilder();
        for (String value : values) {
            body.append(String.format(ROW, value));
        }
        return Jsoup.parse("<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>");
    }

    /**
     * What differs from a page of harmless values in elements and attributes, starting
     * {@code "injected elements"} or {@code "injected attributes"}; or {@code null}.
     */
    public static String injectionIn(Document document) {
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
     * U+0085; lone surrogates, each on its own; the non-characters U+FDD0..U+FDEF; and U+xFFFE,
     * U+xFFFF in every plane (a supplementary one is two chars that become one space).
     */
    public static String withInvalidCharactersReplaced(String text) {
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
    public static String decodeHtmlEntities(String encoded) {
        return encoded.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The text with invisible and non-ASCII characters written as \\u{...}, for messages and names. */
    public static String visible(String text) {
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
