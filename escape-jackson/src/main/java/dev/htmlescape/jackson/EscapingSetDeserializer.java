package dev.htmlescape.jackson;

import dev.htmlescape.EscapeContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Sets: their elements are escaped by their own deserializers before the set holds them, so two
 * different elements that escaping makes equal would become one. The array is read twice from a
 * buffer: once to count its distinct elements as written, once by Jackson's deserializer; a set
 * that ends up smaller than that count is an error, never a silently lost element.
 */
final class EscapingSetDeserializer extends EscapingDeserializer {

    EscapingSetDeserializer(ValueDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
    }

    @Override
    EscapingDeserializer with(ValueDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingSetDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
        if (context == null || !p.isExpectedStartArrayToken()) {
            return delegate.deserialize(p, ctxt);
        }
        TokenBuffer buffer = ctxt.bufferAsCopyOfValue(p);
        int distinct;
        try (JsonParser written = buffer.asParserOnFirstToken(ctxt)) {
            distinct = distinctElements(written);
        }
        Object set;
        try (JsonParser replay = buffer.asParserOnFirstToken(ctxt)) {
            set = delegate.deserialize(replay, ctxt);
        }
        if (set instanceof Collection && ((Collection<?>) set).size() < distinct) {
            return ctxt.reportInputMismatch(this, "escaping made two elements of this set equal, and it"
                    + " would lose one");
        }
        return set;
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) {
        return value; // the elements were escaped by their own deserializers
    }

    /** The number of different elements of the array at {@code p}, compared as written. */
    private static int distinctElements(JsonParser p) {
        Set<String> seen = new HashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            StringBuilder element = new StringBuilder();
            int depth = 0;
            do {
                JsonToken token = p.currentToken();
                element.append(token.id()).append(':').append(token.isScalarValue()
                        || token == JsonToken.PROPERTY_NAME ? p.getString() : "").append('\u0000');
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            } while (depth > 0 && p.nextToken() != null);
            seen.add(element.toString());
        }
        return seen.size();
    }
}
