package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import dev.htmlescape.EscapeContext;
import java.io.IOException;

/**
 * Every String value: bean and creator properties, records, array and collection elements, map
 * values, {@code Optional} contents, delegating creators and root values, whoever made the
 * underlying deserializer (a String deserializer the application registered included).
 */
final class EscapingStringDeserializer extends EscapingDeserializer {

    private static final long serialVersionUID = 1L;

    /** Whether the delegate is Jackson's own String deserializer, not one of the application's. */
    private final boolean jacksons;

    EscapingStringDeserializer(JsonDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
        this.jacksons = delegate.getClass() == StringDeserializer.class;
    }

    @Override
    EscapingDeserializer with(JsonDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingStringDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (context != null && jacksons && !isCredentialsValue(p) && p.hasToken(JsonToken.VALUE_STRING)) {
            // what Jackson's StringDeserializer returns for a string token, one call less per value
            return context.encode(p.getText());
        }
        return super.deserialize(p, ctxt);
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) {
        return value instanceof String ? context.encode((String) value) : value;
    }
}
