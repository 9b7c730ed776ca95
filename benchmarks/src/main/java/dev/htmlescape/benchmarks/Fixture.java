package dev.htmlescape.benchmarks;

/**
 * One benchmark input: a graph filled by {@link SampleText}, and the means to put it back as it was
 * built.
 *
 * <p>Escaping writes in place and is not idempotent ({@code &} becomes {@code &amp;}, then
 * {@code &amp;amp;}), so a dirty mutable graph is reset before every use: each benchmark operation
 * escapes the same pristine text, and pays for the reset whichever contender it measures. Clean
 * text stays as it is when escaped, so clean graphs are never reset.
 *
 * <p>Not thread-safe: one fixture per benchmark thread.
 *
 * @param <T> the root's type
 */
public abstract class Fixture<T> {

    private final T root;
    private final boolean resetBeforeUse;

    /**
     * Holds a built graph.
     *
     * @param root the graph, as built
     * @param resetBeforeUse whether {@link #input()} resets the graph first
     */
    Fixture(T root, boolean resetBeforeUse) {
        this.root = root;
        this.resetBeforeUse = resetBeforeUse;
    }

    /**
     * The input of one benchmark operation: the graph, reset first if it may have been escaped.
     *
     * @return the root, with its text as built
     */
    public final T input() {
        if (resetBeforeUse) {
            reset();
        }
        return root;
    }

    /**
     * The graph as it is now, without a reset.
     *
     * @return the root
     */
    public final T root() {
        return root;
    }

    /**
     * Puts every String of the graph back as it was built: reference stores from a pristine copy,
     * nothing that escapes or compares text.
     */
    public abstract void reset();
}
