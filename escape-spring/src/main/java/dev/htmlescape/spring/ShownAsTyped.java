package dev.htmlescape.spring;

/**
 * The text a String escaped for HTML was typed as, read back from the five references the HTML
 * contexts write ({@code &amp;} {@code &lt;} {@code &gt;} {@code &#34;} {@code &#39;}), for a view
 * that encodes its output itself: decoded once and encoded again by the view, escaped text shows as
 * typed and stays inert. Any other reference is left as it is.
 */
final class ShownAsTyped {

    private static final String[] REFERENCES = {"&amp;", "&lt;", "&gt;", "&#34;", "&#39;"};
    private static final char[] CHARACTERS = {'&', '<', '>', '"', '\''};

    private ShownAsTyped() {
    }

    /** {@code text} with each of the five references replaced by its character, in one pass. */
    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder typed = new StringBuilder(text.length());
        typed.append(text, 0, amp);
        int i = amp;
        while (i < text.length()) {
            char c = text.charAt(i);
            int matched = c == '&' ? referenceAt(text, i) : -1;
            if (matched >= 0) {
                typed.append(CHARACTERS[matched]);
                i += REFERENCES[matched].length();
            } else {
                typed.append(c);
                i++;
            }
        }
        return typed.toString();
    }

    private static int referenceAt(String text, int at) {
        for (int r = 0; r < REFERENCES.length; r++) {
            if (text.startsWith(REFERENCES[r], at)) {
                return r;
            }
        }
        return -1;
    }
}
