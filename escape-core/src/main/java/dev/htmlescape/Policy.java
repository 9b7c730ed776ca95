package dev.htmlescape;

import java.lang.invoke.MethodHandles;
import java.util.List;

/** The settings of one {@link Escaper}, fixed at {@code build()}. */
record Policy(
        EscapeContext defaultContext,
        boolean escapeMapKeys,
        boolean strict,
        int maxDepth,
        int maxNodes,
        List<MethodHandles.Lookup> lookups,
        boolean compileReaders) {
}
