package dev.htmlescape.internal;

import dev.htmlescape.EscapeContext;
import java.util.Map;
import java.util.Set;

/**
 * How the adapters' SPI ({@code dev.htmlescape.spi}) reaches what the core keeps package-private:
 * the core hands it over here as {@link EscapeContext} is initialized, which happens before any
 * call that passes a context. This package is not exported; on the class path it is only a name.
 */
public final class CoreAccess {

    /** Escapes a map's String keys in place, as {@code AdapterSupport.escapeKeys} describes. */
    @FunctionalInterface
    public interface KeyEscaping {
        <M extends Map<?, ?>> M escapeKeys(M map, EscapeContext context, Set<?> keep);
    }

    private static volatile KeyEscaping keyEscaping;

    private CoreAccess() {
    }

    /**
     * Takes the core's key escaping, once.
     *
     * @param escaping the core's
     * @throws IllegalStateException if it was given already
     */
    public static void provide(KeyEscaping escaping) {
        if (keyEscaping != null) {
            throw new IllegalStateException("the core provided its key escaping already");
        }
        keyEscaping = escaping;
    }

    /**
     * The core's key escaping.
     *
     * @return what {@link #provide} took
     */
    public static KeyEscaping keyEscaping() {
        return keyEscaping;
    }
}
