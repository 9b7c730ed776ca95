package dev.htmlescape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule that keeps credentials as typed: a name (of a field, record component, JSON property,
 * request parameter, header or map key) is a secret name when, ignoring case and the separators
 * {@code - _ .}, it equals one of the terms or ends with one; a term shorter than five characters
 * ({@code pwd}, {@code pin}, {@code otp}) must be the name's last word (after a separator or at a
 * capital: {@code userPin}, {@code SMS_OTP}, never {@code spin}).
 *
 * <p>Thread-safety: immutable.
 */
final class SecretNames {

    /** After Spring Boot's actuator sanitizer, with {@code key} only in the names of keys. */
    static final List<String> DEFAULT_TERMS = List.of("password", "passwd", "pwd", "secret", "token", "credentials",
            "apikey", "privatekey", "secretkey", "accesskey", "pin", "otp");

    static final SecretNames DEFAULT = new SecretNames(DEFAULT_TERMS);

    private static final int SHORT_TERM = 5;

    private final List<String> terms;
    /** The last letters of the terms, ASCII ones as bits: most names end in none of them. */
    private final long lastLow;
    private final long lastHigh;
    private final boolean lastNonAscii;

    private SecretNames(Collection<String> terms) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String term : terms) {
            normalized.add(normalized(term));
        }
        this.terms = List.copyOf(normalized);
        long low = 0;
        long high = 0;
        boolean nonAscii = false;
        for (String term : this.terms) {
            char last = term.charAt(term.length() - 1);
            if (last < 64) {
                low |= 1L << last;
            } else if (last < 128) {
                high |= 1L << (last - 64);
            } else {
                nonAscii = true;
            }
        }
        this.lastLow = low;
        this.lastHigh = high;
        this.lastNonAscii = nonAscii;
    }

    /** Whether a term may end in {@code c}, a lower-case letter or digit. */
    private boolean mayEndIn(char c) {
        return c < 64 ? (lastLow & 1L << c) != 0 : c < 128 ? (lastHigh & 1L << (c - 64)) != 0 : lastNonAscii;
    }

    /** The rule for {@code terms}, each checked: letters and digits, and the separators. */
    static SecretNames of(Collection<String> terms) {
        for (String term : terms) {
            if (term == null || normalized(term).isEmpty() || !term.chars().allMatch(SecretNames::mayBeInATerm)) {
                throw new IllegalArgumentException("a secret name must be letters and digits, with - _ . between"
                        + " words, such as \"password\" or \"api-key\", but was " + (term == null ? "null" : "\"" + term + "\""));
            }
        }
        return new SecretNames(terms);
    }

    /** These terms and {@code more}. */
    SecretNames with(Collection<String> more) {
        List<String> all = new ArrayList<>(terms);
        all.addAll(of(more).terms);
        return new SecretNames(all);
    }

    List<String> terms() {
        return terms;
    }

    /** Whether {@code name} is a credential's; allocates nothing, as the walk asks it of every map key. */
    boolean matches(String name) {
        if (terms.isEmpty() || name == null || name.isEmpty()) {
            return false;
        }
        int end = lastWordEnd(name);
        if (end == 0 || !mayEndIn(Character.toLowerCase(name.charAt(end - 1)))) {
            return false;
        }
        int wordEnd = -1;
        int wordStart = -1;
        for (String term : terms) {
            if (term.length() >= SHORT_TERM) {
                if (endsWithIgnoringCaseAndSeparators(name, term)) {
                    return true;
                }
            } else {
                if (wordEnd < 0) {
                    wordEnd = lastWordEnd(name);
                    wordStart = lastWordStart(name, wordEnd);
                }
                if (wordEnd - wordStart == term.length() && name.regionMatches(true, wordStart, term, 0, term.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code term} is lower case and without separators. */
    private static boolean endsWithIgnoringCaseAndSeparators(String name, String term) {
        int i = name.length() - 1;
        for (int t = term.length() - 1; t >= 0; t--, i--) {
            while (i >= 0 && isSeparator(name.charAt(i))) {
                i--;
            }
            if (i < 0 || Character.toLowerCase(name.charAt(i)) != term.charAt(t)) {
                return false;
            }
        }
        return true;
    }

    private static int lastWordEnd(String name) {
        int end = name.length();
        while (end > 0 && isSeparator(name.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /**
     * Where the last word starts: after the last separator, or at its last capital ({@code Pin} of
     * {@code userPin}, {@code PIN} of {@code USER_PIN}).
     */
    private static int lastWordStart(String name, int end) {
        int start = end;
        if (start > 0 && Character.isUpperCase(name.charAt(start - 1))) {
            while (start > 0 && (Character.isUpperCase(name.charAt(start - 1)) || Character.isDigit(name.charAt(start - 1)))) {
                start--;
            }
            return start;
        }
        while (start > 0 && !isSeparator(name.charAt(start - 1)) && !Character.isUpperCase(name.charAt(start - 1))) {
            start--;
        }
        return start > 0 && Character.isUpperCase(name.charAt(start - 1)) ? start - 1 : start;
    }

    private static boolean mayBeInATerm(int c) {
        return Character.isLetterOrDigit(c) || isSeparator(c);
    }

    private static boolean isSeparator(int c) {
        return c == '-' || c == '_' || c == '.';
    }

    private static String normalized(String name) {
        StringBuilder plain = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isSeparator(c)) {
                plain.append(c);
            }
        }
        return plain.toString().toLowerCase(Locale.ROOT);
    }
}
