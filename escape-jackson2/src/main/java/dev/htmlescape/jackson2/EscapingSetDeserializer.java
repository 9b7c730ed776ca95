package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Sets: their elements are escaped by their own deserializers before the set holds them, so two
 * different elements that escaping makes equal would become one. The array is read twice from a
 * buffer: once to count its distinct elements as written, once by Jackson's deserializer; a set
 * that ends up smaller than that count is an error, never a silently lost element.
 */
final class EscapingSetDeserializer extends EscapingDeserializer {

    private static final long serialVersionUID = 1L;

    EscapingSetDeserializer(JsonDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
    }

    @Override
    EscapingDeserializer with(JsonDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingSetDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (context == null || !p.isExpectedStartArrayToken()) {
            return delegate.deserialize(p, ctxt);
        }
        TokenBuffer buffer = ctxt.bufferAsCopyOfValue(p);
        int distinct;
        try (JsonParser written = buffer.asParserOnFirstToken()) {
            distinct = distinctElements(written);
        }
        Object set;
        try (JsonParser replay = buffer.asParserOnFirstToken()) {
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
    private static int distinctElements(JsonParser p) throws IOException {
        Set<String> seen = new HashSet<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            StringBuilder element = new StringBuilder();
            int depth = 0;
            do {
                JsonToken token = p.currentToken();
                element.append(token.id()).append(':').append(token.isScalarValue()
                        || token == JsonToken.FIELD_NAME ? p.getText() : "").append('\u0000');
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            } while (depth > 0 && p.nextToken() != null);
            seen.add(element.toString());
        }
        return seen.size();
    }
}
