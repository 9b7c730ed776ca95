package dev.htmlescape;

/**
 * How escaped elements, keys and values go back into a collection or map. A set, queue or map
 * whose elements or keys changed must be refilled so that hashing and ordering see the escaped
 * values. Clearing a view empties what it views, and a view may then refuse the new elements, so
 * only a container known to own its storage is cleared without first checking that it takes them.
 */
enum ContainerMode {

    /** A JDK container that owns its storage: written and refilled (clear, then add) in place. */
    REFILL_IN_PLACE,

    /**
     * A wrapper or a class of the application, whose storage is unknown: written in place, and
     * refilled in place only after it took one escaped element, so that a view that refuses
     * additions is found out before it is cleared.
     */
    REFILL_AFTER_PROBE,

    /**
     * Written element by element, never refilled: {@code Arrays.asList} (fixed size) and
     * {@code Collections.asLifoQueue} (adding reverses it). A needed refill is an
     * {@link EscapeException} raised before anything is changed.
     */
    WRITE_ONLY,

    /** Immutable, or a view: rebuilt as an unmodifiable copy that is put back into its holder. */
    UNMODIFIABLE_COPY
}
