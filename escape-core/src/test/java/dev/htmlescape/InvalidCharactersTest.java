package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each context does with the characters that are invalid in HTML, code point by code point
 * over U+0000..U+10FFFF: the README's "Invalid characters are replaced", which must be exact (no
 * character missing from its list, none listed that is not replaced) and must say truly where the
 * other contexts differ.
 */
class InvalidCharactersTest {

    /** What an encoder does with one code point written alone. */
    enum Treatment {
        /** Written as it is. */
        KEPT,
        /** Replaced by the context's replacement character, as if it had not been there. */
        REPLACED,
        /** Written as an escape or reference that a reader of the context turns back into it. */
        ESCAPED
    }

    /** The groups of characters the README names, each a test of a code point. */
    enum Group {
        /** U+0000..U+0008, U+000B, U+000C, U+000E..U+001F: C0 controls but tab, line feed and carriage return. */
        C0_CONTROLS(cp -> cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'),
        /** U+007F..U+0084, U+0086..U+009F: DEL and the C1 controls but U+0085. */
        DEL_AND_C1_CONTROLS(cp -> cp >= 0x7F && cp <= 0x9F && cp != 0x85),
        /** U+0085, next line: a C1 control HTML allows. */
        NEXT_LINE(cp -> cp == 0x85),
        /** U+D800..U+DFFF, each written alone: lone surrogates. */
        LONE_SURROGATES(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE),
        /** The 66 non-characters: U+FDD0..U+FDEF and the last two code points of each of the 17 planes. */
        NON_CHARACTERS(cp -> cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE),
        /** Every other code point but tab, line feed and carriage return. */
        OTHERS(cp -> false);

        private final IntPredicate test;

        Group(IntPredicate test) {
            this.test = test;
        }

        static Group of(int codePoint) {
            for (Group group : values()) {
                if (group.test.test(codePoint)) {
                    return group;
                }
            }
            return OTHERS;
        }
    }

    /** How the README describes a context: its replacement character and the treatment of each group. */
    private record Described(String replacement, Treatment c0, Treatment delAndC1, Treatment nextLine,
            Treatment loneSurrogates, Treatment nonCharacters) {

        Treatment of(Group group) {
            return switch (group) {
                case C0_CONTROLS -> c0;
                case DEL_AND_C1_CONTROLS -> delAndC1;
                case NEXT_LINE -> nextLine;
                case LONE_SURROGATES -> loneSurrogates;
                case NON_CHARACTERS -> nonCharacters;
                case OTHERS -> null; // never replaced, checked on its own
            };
        }
    }

    private static final Treatment K = Treatment.KEPT;
    private static final Treatment R = Treatment.REPLACED;
    private static final Treatment E = Treatment.ESCAPED;

    /** The README's table, context by context. */
    private static final Map<EscapeContext, Described> README = readme();

    private static Map<EscapeContext, Described> readme() {
        Map<EscapeContext, Described> readme = new EnumMap<>(EscapeContext.class);
        // "In the default HTML context each becomes a space: ...", and the contexts that do the same
        Described space = new Described(" ", R, R, K, R, R);
        for (EscapeContext same : List.of(EscapeContext.HTML, EscapeContext.HTML_CONTENT, EscapeContext.HTML_ATTRIBUTE,
                EscapeContext.XML, EscapeContext.XML_CONTENT, EscapeContext.XML_ATTRIBUTE, EscapeContext.XML_COMMENT,
                EscapeContext.CDATA)) {
            readme.put(same, space);
        }
        // U+000C is written as an entity there, not replaced; see the C0 check below
        readme.put(EscapeContext.HTML_UNQUOTED_ATTRIBUTE, new Described("-", R, R, R, R, R));
        for (EscapeContext xml11 : List.of(EscapeContext.XML11, EscapeContext.XML11_CONTENT,
                EscapeContext.XML11_ATTRIBUTE)) {
            // NUL is the one control replaced; see the C0 check below
            readme.put(xml11, new Described(" ", E, E, E, R, R));
        }
        for (EscapeContext script : List.of(EscapeContext.JAVASCRIPT, EscapeContext.JAVASCRIPT_ATTRIBUTE,
                EscapeContext.JAVASCRIPT_BLOCK, EscapeContext.JAVASCRIPT_SOURCE)) {
            readme.put(script, new Described(null, E, E, E, E, K));
        }
        readme.put(EscapeContext.JSON, new Described(null, E, K, K, E, K));
        readme.put(EscapeContext.URI_COMPONENT, new Described("-", E, E, E, R, E));
        readme.put(EscapeContext.CSS_STRING, new Described("_", E, E, E, R, K));
        readme.put(EscapeContext.CSS_URL, new Described("_", E, E, E, R, K));
        readme.put(EscapeContext.JAVA, new Described(null, E, E, E, E, E));
        return readme;
    }

    @ParameterizedTest
    @EnumSource(EscapeContext.class)
    void eachContextTreatsTheInvalidCharactersAsTheReadmeSays(EscapeContext context) {
        Described described = README.get(context);
        List<String> wrong = new ArrayList<>();
        List<String> replacedOthers = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            Group group = Group.of(cp);
            Treatment treatment = treatment(context, described.replacement(), cp);
            Treatment expected = exception(context, cp, described.of(group));
            if (group == Group.OTHERS) {
                if (treatment == Treatment.REPLACED) {
                    replacedOthers.add(String.format("U+%04X", cp));
                }
            } else if (treatment != expected && wrong.size() < 20) {
                wrong.add(String.format("U+%04X (%s): %s, not %s", cp, group, treatment, expected));
            }
        }

        assertEquals(List.of(), wrong, context + ": the README's groups");
        assertEquals(List.of(), replacedOthers, context + ": replaced, but in no group the README names");
    }

    /** The two single code points the README names as exceptions to their group. */
    private static Treatment exception(EscapeContext context, int cp, Treatment ofGroup) {
        if (context == EscapeContext.HTML_UNQUOTED_ATTRIBUTE && cp == 0x0C) {
            return Treatment.ESCAPED; // "U+000C as an entity"
        }
        if ((context == EscapeContext.XML11 || context == EscapeContext.XML11_CONTENT
                || context == EscapeContext.XML11_ATTRIBUTE) && cp == 0) {
            return Treatment.REPLACED; // "NUL ... a space"
        }
        return ofGroup;
    }

    private static Treatment treatment(EscapeContext context, String replacement, int cp) {
        String text = new String(Character.toChars(cp));
        String encoded = context.encode(text);
        if (encoded.equals(text)) {
            return Treatment.KEPT;
        }
        return encoded.equals(replacement) ? Treatment.REPLACED : Treatment.ESCAPED;
    }
}
