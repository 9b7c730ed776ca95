package dev.htmlescape.jackson;

import dev.htmlescape.EscapeContext;
import dev.htmlescape.EscapeException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Untyped values ({@code Object}, and the values of {@code Map<String, Object>} or
 * {@code List<Object>}): Jackson reads maps, lists and raw text, then the core walker escapes the
 * whole value once, keys included, failing on keys that escaping makes equal.
 */
final class EscapingUntypedDeserializer extends EscapingDeserializer {

    /** Whether the delegate is Jackson's untyped deserializer, to be kept from resolving. */
    private final boolean unresolved;

    EscapingUntypedDeserializer(ValueDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context, boolean unresolved) {
        super(delegate, type, escaping, context);
        this.unresolved = unresolved;
    }

    @Override
    EscapingDeserializer with(ValueDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingUntypedDeserializer(newDelegate, type, escaping, newContext,
                unresolved && newDelegate == delegate);
    }

    @Override
    public void resolve(DeserializationContext ctxt) {
        if (!unresolved) {
            super.resolve(ctxt);
        }
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) {
        try {
            return escaping.escaper().escapeGraph(value, context);
        } catch (EscapeException e) {
            throw DatabindException.from(p, "cannot escape the untyped value: " + e.getMessage(), e);
        }
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) {
        if (context == null) {
            return deserializeInto(p, ctxt, intoValue);
        }
        // what is already in the value was read or set before: escaping it all would escape it twice
        throw DatabindException.from(p, "HtmlEscapeModule cannot merge JSON into an untyped value"
                + " (" + intoValue.getClass().getName() + "); declare the property with a type, or"
                + " mark it @NoEscape");
    }
}
