package dev.htmlescape;

import java.util.Optional;

/** An {@code Optional}: immutable, so a changed content yields a new {@code Optional}. */
final class OptionalFrame extends Frame {

    static final int POOL = 3;

    private Object content;

    OptionalFrame(GraphWalker walker) {
        super(walker, POOL);
    }

    @Override
    void begin(ClassPlan plan) {
        content = ((Optional<?>) node).orElse(null);
        result = node;
    }

    @Override
    void clear() {
        super.clear();
        content = null;
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
                replaceContent(escaped);
            }
            return null;
        }
        return content;
    }

    @Override
    void accept(int slot, Object original, Object replacement, boolean childChanged) {
        changed |= childChanged;
        if (replacement != original) {
            replaceContent(replacement);
        }
    }

    @Override
    void finish() {
        // the result was set when the content was accepted
    }

    @Override
    String label(int slot) {
        return ".value";
    }

    @Override
    boolean mayBeRebuilt() {
        return true;
    }

    private void replaceContent(Object replacement) {
        result = Optional.of(replacement);
        changed = true;
    }
}
