package dev.htmlescape;

/**
 * What code of the graph threw, marked as such by {@link GraphCode}: the only failure inside a
 * walk that becomes an {@link EscapeException}. It carries no stack trace of its own; its cause
 * has the one that matters.
 */
final class GraphCodeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GraphCodeFailure(RuntimeException thrown) {
        super(null, thrown, false, false);
    }

    /** What the graph's code threw. */
    RuntimeException thrown() {
        return (RuntimeException) getCause();
    }
}
