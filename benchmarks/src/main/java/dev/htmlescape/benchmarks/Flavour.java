package dev.htmlescape.benchmarks;

import java.util.Locale;

/** The text a fixture is filled with: all clean, or with every fourth String needing escaping. */
public enum Flavour {

    /** No String contains a character that HTML escaping changes. */
    CLEAN,

    /**
     * Every fourth String (the first, the fifth, ...) contains {@code &}, {@code <}, {@code >} or
     * {@code "}, often with {@code '} too; the rest are clean.
     */
    DIRTY;

    /**
     * Reads a JMH parameter value.
     *
     * @param name {@code "clean"} or {@code "dirty"}, in any case
     * @return the flavour of that name
     * @throws IllegalArgumentException for any other name
     */
    public static Flavour of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
