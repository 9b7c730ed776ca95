package dev.htmlescape.spring;

import java.beans.PropertyEditorSupport;

/**
 * The editor of String fields for the forms Spring renders from a binding result ({@code th:field},
 * Spring's form tags): it shows the text a field holds as it was typed ({@link ShownAsTyped}), and
 * the form encodes it once, so an edit form of stored text shows {@code O'Brien}, not
 * {@code O&#39;Brien}, and sends back what was typed, which is escaped once again, not twice. It
 * binds text unchanged.
 *
 * <p>Not thread-safe, as property editors are not: a binder makes its own.
 */
final class TypedTextEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        setValue(text);
    }

    @Override
    public String getAsText() {
        Object value = getValue();
        return value == null ? "" : ShownAsTyped.decode(value.toString());
    }
}
