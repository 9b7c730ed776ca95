package dev.htmlescape;

import java.util.Optional;

/** An {@code Optional}: immutable, so a changed content yields a new {@code Optional}. */
final class OptionalFrame extends Frame {

    private final Object content;

    OptionalFrame(GraphWalker walker, Object node, Frame parent, int slotInParent, EscapeContext context) {
        super(walker, node, parent, slotInParent, context);
        this.content = ((Optional<?>) node).orElse(null);
        this.result = node;
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
