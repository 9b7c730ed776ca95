package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.EscapeException;
import java.io.IOException;

/**
 * Untyped values ({@code Object}, and the values of {@code Map<String, Object>} or
 * {@code List<Object>}): Jackson reads maps, lists and raw text, then the core walker escapes the
 * whole value once, keys included, failing on keys that escaping makes equal.
 */
final class EscapingUntypedDeserializer extends EscapingDeserializer {

    private static final long serialVersionUID = 1L;

    /** Whether the delegate is Jackson's untyped deserializer, to be kept from resolving. */
    private final boolean unresolved;

    EscapingUntypedDeserializer(JsonDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context, boolean unresolved) {
        super(delegate, type, escaping, context);
        this.unresolved = unresolved;
    }

    @Override
    EscapingDeserializer with(JsonDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingUntypedDeserializer(newDelegate, type, escaping, newContext,
                unresolved && newDelegate == delegate);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        if (!unresolved) {
            super.resolve(ctxt);
        }
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) throws IOException {
        try {
            return escaping.escaper().escapeGraph(value, context);
        } catch (EscapeException e) {
            throw JsonMappingException.from(p, "cannot escape the untyped value: " + e.getMessage(), e);
        }
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
        if (context == null) {
            return deserializeInto(p, ctxt, intoValue);
        }
        // what is already in the value was read or set before: escaping it all would escape it twice
        throw JsonMappingException.from(p, "HtmlEscapeModule cannot merge JSON into an untyped value"
                + " (" + intoValue.getClass().getName() + "); declare the property with a type, or"
                + " mark it @NoEscape");
    }
}
