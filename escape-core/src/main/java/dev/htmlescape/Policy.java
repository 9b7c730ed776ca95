package dev.htmlescape;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.function.Function;

/** The settings of one {@link Escaper}, fixed at {@code build()}. */
record Policy(
        EscapeContext defaultContext,
        boolean escapeMapKeys,
        boolean strict,
        int maxDepth,
        int maxNodes,
        List<MethodHandles.Lookup> lookups,
        boolean compileReaders,
        boolean fastWalk,
        List<Policy.ImmutableType> immutableTypes,
        SecretNames secretNames) {

    /** A collection or map class of another library whose instances refuse writes, and how to copy one. */
    record ImmutableType(Class<?> type, Function<Object, Object> copyOf) {
    }

    /** These settings with {@code context} for the Strings without an {@code @Escape} of their own. */
    Policy withDefaultContext(EscapeContext context) {
        return context == defaultContext ? this : new Policy(context, escapeMapKeys, strict, maxDepth, maxNodes, lookups,
                compileReaders, fastWalk, immutableTypes, secretNames);
    }

    /** How the application copies instances of {@code type}, the first it registered that fits; or {@code null}. */
    Function<Object, Object> copyOf(Class<?> type) {
        for (ImmutableType registered : immutableTypes) {
            if (registered.type().isAssignableFrom(type)) {
                return registered.copyOf();
            }
        }
        return null;
    }
}
