package dev.htmlescape.jackson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * JSON text as an attacker writes it, for the fuzz properties: any Unicode raw or as any escape
 * JSON has ({@code \\"}, {@code \\/}, {@code \\b}, {@code \\uD800} alone, upper- and lower-case
 * hex), duplicate keys, keys that escape alike, numbers at and beyond Jackson's limits (1e400, -0,
 * a thousand digits), nesting deeper than Jackson accepts, odd whitespace, a byte order mark, and
 * broken documents (cut short, a stray character, a trailing comma, a comment, single quotes).
 *
 * <p>{@link #documents()} generates whole documents; {@link #print} writes a given tree in such a
 * hostile way, its meaning unchanged, so that typed documents can be sent hostilely too.
 */
final class HostileJson {

    private HostileJson() {
    }

    // ---- whole documents ----

    /** Any JSON value, mostly well formed, now and then deeply nested or broken. */
    static Arbitrary<String> documents() {
        Arbitrary<String> value = Arbitraries.recursive(HostileJson::scalars, HostileJson::containers, 0, 5);
        Arbitrary<String> deep = Combinators.combine(value, Arbitraries.integers().between(1, 700), Arbitraries.of(true, false))
                .as(HostileJson::nested);
        Arbitrary<String> document = Arbitraries.frequencyOf(Tuple.of(12, value), Tuple.of(1, deep));
        Arbitrary<String> spaced = Combinators.combine(whitespace(), document, whitespace())
                .as((before, json, after) -> before + json + after);
        return Arbitraries.frequencyOf(
                Tuple.of(16, spaced),
                Tuple.of(1, spaced.map(json -> "\uFEFF" + json)),
                Tuple.of(3, Combinators.combine(spaced, Arbitraries.integers().between(0, 10_000), brokenBits())
                        .as(HostileJson::broken)));
    }

    private static Arbitrary<String> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, strings()),
                Tuple.of(3, numbers()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    private static Arbitrary<String> containers(Arbitrary<String> values) {
        Arbitrary<String> arrays = Combinators.combine(values.list().ofMaxSize(5), whitespace())
                .as((elements, ws) -> "[" + ws + String.join(ws + "," + ws, elements) + ws + "]");
        Arbitrary<List<Tuple.Tuple2<String, String>>> members = Combinators.combine(keys(), values)
                .as(Tuple::of).list().ofMaxSize(5);
        Arbitrary<String> objects = Combinators.combine(members, whitespace(), Arbitraries.integers().between(0, 3))
                .as(HostileJson::object);
        return Arbitraries.frequencyOf(Tuple.of(1, arrays), Tuple.of(2, objects));
    }

    /**
     * An object of the given members. {@code twist} 1 repeats the first key at the end (duplicate:
     * the last wins), 2 adds two keys that differ only in an invalid character (escaping makes
     * them alike, which both ways must refuse).
     */
    private static String object(List<Tuple.Tuple2<String, String>> members, String ws, int twist) {
        List<String> written = new ArrayList<>();
        for (Tuple.Tuple2<String, String> member : members) {
            written.add(member.get1() + ws + ":" + ws + member.get2());
        }
        if (twist == 1 && !members.isEmpty()) {
            written.add(members.get(0).get1() + ":" + "\"again <b>\"");
        } else if (twist == 2) {
            written.add("\"k\\u0001<\":1");
            written.add("\"k <\":2");
        }
        return "{" + ws + String.join(ws + "," + ws, written) + ws + "}";
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("\"name\"", "\"<b>\"", "\"a&b\"", "\"\"", "\"\\u003cscript\\u003e\"",
                        "\"\\uD800\"", "\"\\uDBFF\\uDFFF\"", "\"\\u0000\"", "\"\u00e9\"", "\"\uD83D\uDE00\"")),
                Tuple.of(2, strings()));
    }

    /** JSON strings: pieces of raw text and escapes of every kind. */
    static Arbitrary<String> strings() {
        Arbitrary<String> raw = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').withChars(" <>&'=/;#").ofMaxLength(8)),
                Tuple.of(2, Arbitraries.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "&amp;",
                        "&#39;", "</p>", "javascript:alert(1)", "]]>", "<!--")
                        .map(text -> text.replace("\"", "\\\""))),
                // any char but a quote, a backslash, a control (JSON forbids those raw) or a surrogate
                Tuple.of(2, Arbitraries.chars().filter(c -> c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c))
                        .list().ofMaxSize(6).map(HostileJson::join)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)),
                Tuple.of(1, Arbitraries.of("\u007F\u0085\u009F", "\uFDD0\uFFFE\uFFFF", "\u200B\u200D\u202E\u2028")),
                Tuple.of(1, Arbitraries.of("<", "&", "a").map(unit -> unit.repeat(5_000))));
        Arbitrary<String> escape = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t")),
                Tuple.of(4, Combinators.combine(Arbitraries.chars(), Arbitraries.of(true, false))
                        .as((c, upper) -> unicodeEscape(c, upper))),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0x10000, 0x10FFFF), Arbitraries.of(true, false))
                        .as((cp, upper) -> unicodeEscape(Character.highSurrogate(cp), upper)
                                + unicodeEscape(Character.lowSurrogate(cp), upper))),
                Tuple.of(1, Arbitraries.of("\\u003C", "\\u003e", "\\u0026", "\\u0022", "\\u0027", "\\u0000")));
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, raw), Tuple.of(2, escape));
        return piece.list().ofMaxSize(6).map(pieces -> "\"" + String.join("", pieces) + "\"");
    }

    private static String unicodeEscape(char c, boolean upper) {
        String hex = String.format("%04x", (int) c);
        return "\\u" + (upper ? hex.toUpperCase() : hex);
    }

    /** Numbers plain, odd and beyond the limits, and some that are no JSON numbers at all. */
    private static Arbitrary<String> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(2, Arbitraries.doubles().map(String::valueOf)),
                Tuple.of(3, Arbitraries.of("-0", "0.0", "-0.0", "0e0", "-0E-0", "1e400", "-1E+400", "1e-400",
                        "4.9e-324", "1.7976931348623157e308", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "123456789012345678901234567890.123456789e-5", "1E2", "1e+2")),
                Tuple.of(1, Arbitraries.integers().between(1, 1_200).map(digits -> "9".repeat(digits))),
                Tuple.of(1, Arbitraries.integers().between(1, 1_200).map(digits -> "0." + "0".repeat(digits) + "1")),
                Tuple.of(1, Arbitraries.of("01", "1.", ".5", "+1", "NaN", "-Infinity", "0x1F", "1e", "--1", "1_000")));
    }

    private static Arbitrary<String> whitespace() {
        return Arbitraries.of("", "", "", " ", "\n", "\r\n", "\t", " \t\r\n ");
    }

    /** {@code value} inside {@code depth} arrays or single-key objects: Jackson refuses more than 500. */
    private static String nested(String value, int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"k<\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + value + close.repeat(depth);
    }

    private static Arbitrary<String> brokenBits() {
        return Arbitraries.of("", "x", ",", "}", "]", "\"", "'", "/* c */", "//", "\\", ":", "{", "[", "\u0000", "\uD800");
    }

    /** {@code json} cut at {@code at} (modulo its length) with {@code bit} put there: mostly invalid. */
    private static String broken(String json, int at, String bit) {
        int cut = json.isEmpty() ? 0 : at % (json.length() + 1);
        return at % 2 == 0 ? json.substring(0, cut) + bit : json.substring(0, cut) + bit + json.substring(cut);
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }

    // ---- a tree written hostilely ----

    /**
     * {@code tree} written so that it reads back the same: random whitespace, every character of a
     * String as itself or as one of its escapes, and, now and then, a member written twice with a
     * decoy value of the same kind first (the last one wins in every reader).
     */
    static String print(JsonNode tree, long seed) {
        StringBuilder out = new StringBuilder();
        new Printer(new SplittableRandom(seed), out).value(tree);
        return out.toString();
    }

    private record Printer(SplittableRandom random, StringBuilder out) {

        void value(JsonNode node) {
            if (node.isObject()) {
                out.append('{');
                space();
                boolean first = true;
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    if (random.nextInt(6) == 0) {
                        first = member(member.getKey(), decoy(member.getValue()), first);
                    }
                    first = member(member.getKey(), member.getValue(), first);
                }
                space();
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                space();
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                        space();
                    }
                    value(node.get(i));
                }
                space();
                out.append(']');
            } else if (node.isString()) {
                string(node.stringValue());
            } else {
                out.append(node.toString());
            }
        }

        private boolean member(String key, JsonNode value, boolean first) {
            if (!first) {
                out.append(',');
                space();
            }
            string(key);
            space();
            out.append(':');
            space();
            if (value == null) {
                out.append("null");
            } else {
                value(value);
            }
            return false;
        }

        /** A value of the same kind, so that a typed reader takes it before the real one replaces it. */
        private static JsonNode decoy(JsonNode value) {
            if (value.isString()) {
                return JsonNodeFactory.instance.stringNode("decoy <i>" + value.stringValue());
            }
            if (value.isArray()) {
                return JsonNodeFactory.instance.arrayNode();
            }
            if (value.isObject()) {
                return JsonNodeFactory.instance.objectNode();
            }
            return value;
        }

        /**
         * A JSON string of {@code text}. A surrogate pair is written raw or as two escapes; a lone
         * surrogate always as an escape, since the document goes as UTF-8, which cannot carry it.
         */
        private void string(String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                boolean escaped = random.nextInt(8) == 0;
                if (pair) {
                    char low = text.charAt(++i);
                    if (escaped) {
                        escape(c);
                        escape(low);
                    } else {
                        out.append(c).append(low);
                    }
                } else if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c) || escaped) {
                    escape(c);
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }

        private void escape(char c) {
            String shortForm = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '/' -> "\\/";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (shortForm != null && random.nextBoolean()) {
                out.append(shortForm);
            } else {
                out.append(unicodeEscape(c, random.nextBoolean()));
            }
        }

        private void space() {
            switch (random.nextInt(10)) {
                case 0 -> out.append(' ');
                case 1 -> out.append("\n  ");
                case 2 -> out.append("\t");
                case 3 -> out.append("\r\n");
                default -> { }
            }
        }
    }
}
