package dev.htmlescape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.owasp.encoder.Encode;

/** OWASP's {@code Encode.forHtml} is the oracle: our encoder must agree with it on every input. */
class HtmlEncoderTest {

    /** Characters where encoders differ if they differ at all, and plain ones between them. */
    private static final char[] INTERESTING = {
        'a', 'Z', '0', ' ', '\t', '\n', '\r', '&', '<', '>', '"', '\'', '`', '=', '/', ';', '#',
        0x00, 0x01, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xE9, 0x2028, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0,
        0xFFFC, 0xFFFD, 0xFFFE, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00, 0xD83F, 0xDFFE,
    };

    private static void assertSameAsOwasp(String input) {
        String expected = Encode.forHtml(input);
        String actual = HtmlEncoder.encode(input);
        if (!expected.equals(actual)) {
            assertEquals(codes(expected), codes(actual), "input " + codes(input));
        }
        if (expected == input) {
            assertSame(input, actual, "clean text comes back as the same instance: " + codes(input));
        }
    }

    private static String codes(String text) {
        List<String> codes = new ArrayList<>();
        text.chars().forEach(c -> codes.add(Integer.toHexString(c)));
        return codes.toString();
    }

    @Test
    void everyCodePointAloneAndAmongOtherTextEncodesLikeOwasp() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            assertSameAsOwasp(alone);
            assertSameAsOwasp("a" + alone + "b");
            assertSameAsOwasp(alone + "<" + alone);
        }
    }

    @Test
    void everySurrogateOutOfPlaceEncodesLikeOwasp() {
        for (char high = Character.MIN_HIGH_SURROGATE; high <= Character.MAX_HIGH_SURROGATE; high++) {
            assertSameAsOwasp("x" + high);
            assertSameAsOwasp(high + "<");
            assertSameAsOwasp("" + high + high);
            assertSameAsOwasp(high + "\uDC00" + high);
            assertSameAsOwasp("\uDC00" + high);
        }
        for (char low = Character.MIN_LOW_SURROGATE; low <= Character.MAX_LOW_SURROGATE; low++) {
            assertSameAsOwasp(low + "x");
            assertSameAsOwasp("&" + low);
            assertSameAsOwasp("" + low + low);
            assertSameAsOwasp("\uD800" + low + low);
        }
    }

    @Test
    void textOfNothingButEntitiesAtEveryLengthUpTo2000EncodesLikeOwasp() {
        // each char may become five, so the output outgrows any buffer sized from the input
        for (String unit : new String[] {"&", "\"", "<a>", "'\uD83D\uDE00", "x\u0000&"}) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 2000) {
                assertSameAsOwasp(text.toString());
                assertSameAsOwasp("clean prefix " + text);
                text.append(unit);
            }
        }
    }

    @Test
    void aMillionSeededRandomStringsEncodeLikeOwasp() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int i = 0; i < 1_000_000; i++) {
            assertSameAsOwasp(randomText(random, random.nextInt(25)));
        }
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 5) {
                text.append(INTERESTING[random.nextInt(INTERESTING.length)]);
            } else if (pick < 8) {
                text.append((char) random.nextInt(0x80));
            } else {
                text.append((char) random.nextInt(0x10000));
            }
        }
        return text.toString();
    }

    @Property(tries = 20_000)
    void randomTextEncodesLikeOwasp(@ForAll("texts") String text) {
        assertSameAsOwasp(text);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> interesting = Arbitraries.of(toObjects(INTERESTING));
        Arbitrary<Character> any = Arbitraries.chars().all();
        Arbitrary<Character> ascii = Arbitraries.chars().range((char) 0, (char) 0x7F);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, interesting),
                        net.jqwik.api.Tuple.of(3, ascii),
                        net.jqwik.api.Tuple.of(2, any))
                .list().ofMaxSize(40)
                .map(chars -> {
                    StringBuilder text = new StringBuilder(chars.size());
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    private static Character[] toObjects(char[] chars) {
        Character[] boxed = new Character[chars.length];
        for (int i = 0; i < chars.length; i++) {
            boxed[i] = chars[i];
        }
        return boxed;
    }
}
