package dev.htmlescape;

import java.util.Optional;

/** An {@code Optional}: immutable, so a changed content yields a new {@code Optional}. */
final class OptionalFrame extends Frame {

    static final int POOL = 3;

    private Object content;
    /** The content's escaped replacement, or {@code null} while it is unchanged. */
    private Object replacement;

    OptionalFrame(FullWalk walk) {
        super(walk, POOL);
    }

    @Override
    void read(ClassPlan plan) {
        content = ((Optional<?>) node).orElse(null);
        replacement = null;
    }

    @Override
    void clear() {
        super.clear();
        content = null;
        replacement = null;
    }

    @Override
    Object next() {
        if (++slot > 0 || content == null) {
            return null;
        }
        if (content instanceof String) {
            String text = (String) content;
            String escaped = encode(text, context);
            if (escaped != text) {
                replace(escaped);
            }
            return null;
        }
        return content;
    }

    @Override
    void accept(int slot, Object original, Object replacement, boolean childChanged) {
        changed |= childChanged;
        if (replacement != original) {
            replace(replacement);
        }
    }

    @Override
    Object writeBack() {
        return replacement == null ? node : Optional.of(replacement);
    }

    @Override
    String label(int slot) {
        return ".value";
    }

    @Override
    boolean mayBeRebuilt() {
        return true;
    }

    private void replace(Object escaped) {
        replacement = escaped;
        changed = true;
    }
}
