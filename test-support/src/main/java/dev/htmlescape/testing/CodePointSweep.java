package dev.htmlescape.testing;

import static dev.htmlescape.testing.XssCheck.injectionIn;
import static dev.htmlescape.testing.XssCheck.visible;
import static dev.htmlescape.testing.XssCheck.withInvalidCharactersReplaced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.owasp.encoder.Encode;

/**
 * What the code point sweeps of every module share: every code point U+0000..U+10FFFF in chunks,
 * text made of several code points that belong together (emoji sequences, right-to-left text,
 * zero-width characters, combining marks), and the check of what a door of the library (a field,
 * a record component, a map key, a JSON body, a form field) made of each input.
 *
 * <p>The check: the output is exactly {@code Encode.forHtml(input)}, the OWASP encoder being the
 * oracle; and, written into HTML text and into double- and single-quoted attributes and parsed with
 * jsoup, it injects nothing and decodes back to the input, except that each character the encoder
 * treats as invalid is a space ({@link XssCheck#withInvalidCharactersReplaced}).
 *
 * <p>Each code point is its own String, so a surrogate code point stays a lone surrogate rather than
 * pairing with its neighbour. Transports that cannot carry lone surrogates (UTF-8 bodies, URL
 * encoding) take the chunks {@link #chunks(int, boolean) without them}.
 *
 * <p>Thread-safe; {@link Sweep} is not.
 */
public final class CodePointSweep {

    /** U+0000..U+10FFFF: 1,114,112 code points. */
    public static final int EVERY_CODE_POINT = Character.MAX_CODE_POINT + 1;

    /** U+D800..U+DFFF, which only a transport with escapes ({@code \\uD800} in JSON) can carry alone. */
    public static final int SURROGATE_CODE_POINTS = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;

    /** Every code point but the surrogates: 1,112,064, what UTF-8 can encode. */
    public static final int SCALAR_VALUES = EVERY_CODE_POINT - SURROGATE_CODE_POINTS;

    private static final int MOST_PROBLEMS_SHOWN = 20;

    /** The inputs and outputs jsoup last decoded without a problem, on this thread. */
    private static final ThreadLocal<List<List<String>>> LAST_DECODED = ThreadLocal.withInitial(List::of);

    private CodePointSweep() {
    }

    /** Consecutive code points, each to be sent as a String of its own. */
    public static final class Chunk {

        private final int[] codePoints;

        private Chunk(int[] codePoints) {
            this.codePoints = codePoints;
        }

        /** Each code point as a String: one char, or a surrogate pair for a supplementary one. */
        public List<String> texts() {
            List<String> texts = new ArrayList<>(codePoints.length);
            for (int codePoint : codePoints) {
                texts.add(new String(Character.toChars(codePoint)));
            }
            return texts;
        }

        /** How many code points the chunk holds. */
        public int size() {
            return codePoints.length;
        }

        @Override
        public String toString() {
            return String.format("U+%04X..U+%04X", codePoints[0], codePoints[codePoints.length - 1]);
        }
    }

    /**
     * Every code point in order, {@code size} a chunk (the last one may be smaller, but never holds
     * fewer than two, so a form field with one value per code point is never a single value).
     *
     * @param withSurrogates whether U+D800..U+DFFF are included, each as a lone surrogate
     */
    public static List<Chunk> chunks(int size, boolean withSurrogates) {
        if (size < 2) {
            throw new IllegalArgumentException("chunks of at least 2 code points, not " + size);
        }
        List<Chunk> chunks = new ArrayList<>();
        int[] pending = new int[size];
        int filled = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (!withSurrogates && codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                continue;
            }
            pending[filled++] = codePoint;
            if (filled == size) {
                chunks.add(new Chunk(pending));
                pending = new int[size];
                filled = 0;
            }
        }
        if (filled == 1) {
            // move the last code point into the chunk before: a lone value would be a single one
            Chunk last = chunks.remove(chunks.size() - 1);
            int[] merged = Arrays.copyOf(last.codePoints, last.codePoints.length + 1);
            merged[merged.length - 1] = pending[0];
            chunks.add(new Chunk(merged));
        } else if (filled > 0) {
            chunks.add(new Chunk(Arrays.copyOf(pending, filled)));
        }
        return chunks;
    }

    /**
     * Text whose code points belong together and must come through as a whole: emoji with
     * zero-width joiners, skin tones, keycaps, flags and tag sequences; Hebrew and Arabic with and
     * without bidirectional controls; zero-width characters; combining marks, stacked ones too;
     * and each of these next to HTML markup. All valid UTF-16: every transport carries them.
     */
    public static List<String> sequences() {
        List<String> plain = List.of(
                "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", // family: woman, woman, girl, boy
                "\uD83D\uDC68\u200D\uD83D\uDCBB",                                     // man technologist
                "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",                               // rainbow flag
                "\uD83D\uDC4B\uD83C\uDFFD",                                           // waving hand, medium skin tone
                "\uD83E\uDDD1\uD83C\uDFFF\u200D\uD83E\uDD1D\u200D\uD83E\uDDD1\uD83C\uDFFB", // people holding hands, tones
                "1\uFE0F\u20E3 #\uFE0F\u20E3",                                        // keycaps
                "\uD83C\uDDE9\uD83C\uDDEA\uD83C\uDDEF\uD83C\uDDF5",                   // flags DE, JP: regional indicators
                "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F", // England: tags
                "\u2764\uFE0F \u2764\uFE0E",                                          // emoji and text presentation
                "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD",                  // Hebrew
                "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 \u0661\u0662\u0663", // Arabic, digits
                "abc \u202Egnp.exe\u202C \u202Dltr\u202C \u202Artl\u202C \u202Bx\u202C", // bidi embeddings, overrides
                "\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069 \u200E\u200F\u061C", // isolates and marks
                "zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFbom\u180Emongolian",
                "e\u0301 a\u0308 n\u0303 \u1E9B\u0323 A\u030A\u0301",                // combining marks
                "Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034D", // stacked
                "\u1100\u1161\u11A8 \uD55C\uAE00",                                    // Hangul jamo and syllables
                "\u0915\u094D\u0937 \u0928\u092E\u0938\u094D\u0924\u0947",            // Devanagari with virama
                "\u8FB9\uDB40\uDD00 \u845B\uFE00",                                    // ideographic variation selectors
                "\uD835\uDC00\uD835\uDD04\uD835\uDFCE \uD840\uDC00\uD869\uDEDF",      // math letters, CJK extension B
                "\u00A0\u2000\u2007\u202F\u3000\u2028\u2029\u0085");                  // other spaces and line separators
        List<String> sequences = new ArrayList<>(plain);
        for (String text : plain) {
            sequences.add("<b title=\"" + text + "\">" + text + "</b>&'" + text);
        }
        return sequences;
    }

    /**
     * The problems of one door over inputs and what it made of them, in order: not exactly
     * {@code Encode.forHtml(input)}, or, rendered and parsed with jsoup, an injected element or
     * attribute, or a decoded text that is not the input with invalid characters replaced.
     *
     * @return the problems found, each naming the input; empty if there are none
     */
    public static List<String> problems(List<String> inputs, List<String> outputs) {
        List<String> problems = new ArrayList<>();
        if (inputs.size() != outputs.size()) {
            problems.add(inputs.size() + " inputs but " + outputs.size() + " outputs");
            return problems;
        }
        for (int i = 0; i < inputs.size(); i++) {
            String expected = Encode.forHtml(inputs.get(i));
            if (!expected.equals(outputs.get(i))) {
                problems.add(name(inputs.get(i)) + " came out as " + visible(String.valueOf(outputs.get(i)))
                        + ", Encode.forHtml says " + visible(expected));
            }
        }
        if (!problems.isEmpty() || LAST_DECODED.get().equals(List.of(inputs, outputs))) {
            // the same outputs of the same inputs decode alike: parse them once (a sweep has several slots)
            return problems;
        }
        Document page = render(outputs);
        String injection = injectionIn(page);
        if (injection != null) {
            problems.add(injection);
            return problems;
        }
        Elements paragraphs = page.select("p");
        Elements divs = page.select("div");
        for (int i = 0; i < inputs.size(); i++) {
            String expected = withInvalidCharactersReplaced(inputs.get(i));
            Element div = divs.get(i);
            String text = paragraphs.get(i).wholeText();
            String title = div.attr("title");
            String dataX = div.attr("data-x");
            if (!text.equals(expected) || !title.equals(expected) || !dataX.equals(expected)) {
                problems.add(name(inputs.get(i)) + " decoded to text " + visible(text) + ", title " + visible(title)
                        + ", data-x " + visible(dataX) + "; expected " + visible(expected));
            }
        }
        if (problems.isEmpty()) {
            LAST_DECODED.set(List.of(List.copyOf(inputs), List.copyOf(outputs)));
        }
        return problems;
    }

    /**
     * {@code text} as a JSON string literal, written by hand because a JSON writer may refuse a lone
     * surrogate: quote, backslash and controls escaped, lone surrogates as {@code \\uXXXX}, the only
     * way JSON can carry them; with {@code asciiOnly} every other non-ASCII character too, as
     * {@code \\uXXXX} (surrogate pairs as two), otherwise as itself, to be sent as UTF-8.
     */
    public static String jsonLiteral(String text, boolean asciiOnly) {
        StringBuilder literal = new StringBuilder(text.length() + 8).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E && asciiOnly || Character.isSurrogate(c) && !paired) {
                literal.append(String.format("\\u%04X", (int) c));
            } else if (paired) {
                literal.append(c).append(text.charAt(++i));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    /** A page with one {@link XssCheck#ROW} per value, built without {@code String.format}: a sweep renders a million. */
    private static Document render(List<String> values) {
        StringBuilder html = new StringBuilder(values.size() * 48 + 100)
                .append("<!DOCTYPE html><html><head><title>t</title></head><body>");
        for (String value : values) {
            html.append("<p>").append(value).append("</p><div title=\"").append(value).append("\" data-x='")
                    .append(value).append("'></div>");
        }
        return Jsoup.parse(html.append("</body></html>").toString());
    }

    private static String name(String input) {
        return input.codePointCount(0, input.length()) == 1 && input.length() <= 2
                ? String.format("U+%04X", input.codePointAt(0)) : visible(input);
    }

    /**
     * One door's sweep: collects the problems of every chunk and counts what was checked, then
     * fails once at the end with the count and the first problems, so that a broken door reports
     * how much of Unicode it breaks.
     */
    public static final class Sweep {

        private final String door;
        private final List<String> problems = new ArrayList<>();
        private int checked;
        private int problemCount;

        /** A sweep of {@code door}, named in the failure message ("a JSON body over HTTP"). */
        public Sweep(String door) {
            this.door = door;
        }

        /** Checks the outputs of one chunk of inputs ({@link CodePointSweep#problems}). */
        public void check(List<String> inputs, List<String> outputs) {
            List<String> found = problems(inputs, outputs);
            checked += inputs.size();
            problemCount += found.size();
            for (String problem : found) {
                if (problems.size() < MOST_PROBLEMS_SHOWN) {
                    problems.add(problem);
                }
            }
        }

        /** Records a problem found by the door's own test, such as a request that failed. */
        public void fail(String problem) {
            problemCount++;
            if (problems.size() < MOST_PROBLEMS_SHOWN) {
                problems.add(problem);
            }
        }

        /** How many inputs were checked so far. */
        public int checked() {
            return checked;
        }

        /**
         * Fails unless every input came out right and exactly {@code expectedInputs} were checked, so
         * a sweep that stops early cannot pass.
         *
         * @throws AssertionError with the count and the first problems
         */
        public void assertPassed(int expectedInputs) {
            if (problemCount > 0) {
                throw new AssertionError(door + ": " + problemCount + " problems in " + checked
                        + " inputs; the first ones:\n" + String.join("\n", problems));
            }
            if (checked != expectedInputs) {
                throw new AssertionError(door + ": checked " + checked + " inputs, expected " + expectedInputs);
            }
        }
    }
}
