package dev.htmlescape;

/**
 * A value could not be escaped as the policy demands. The message names the path to the value
 * ({@code order.items[2].name}), what went wrong and what to change; {@link #getPath()} gives the
 * path alone.
 *
 * <p>When this is thrown, part of the graph may already be escaped: discard the input (a web
 * application answers 400) rather than use it.
 */
public final class EscapeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * For the value at {@code path}: the library's own failures, never the application's.
     *
     * @param path the path to the value, such as {@code order.items[2].name}; empty where only the
     *     caller knows it, and the message is then the problem alone
     * @param problem what went wrong and what to change
     * @param cause the underlying failure, or {@code null}
     */
    EscapeException(String path, String problem, Throwable cause) {
        super(path.isEmpty() ? problem : path + ": " + problem, cause);
        this.path = path;
    }

    /**
     * The path from the root to the value that could not be escaped.
     *
     * @return the path, such as {@code order.items[2].name}
     */
    public String getPath() {
        return path;
    }
}
