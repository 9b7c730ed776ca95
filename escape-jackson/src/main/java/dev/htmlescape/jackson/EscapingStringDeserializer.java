package dev.htmlescape.jackson;

import dev.htmlescape.EscapeContext;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every String value: bean and creator properties, records, array and collection elements, map
 * values, {@code Optional} contents, delegating creators and root values, whoever made the
 * underlying deserializer (a String deserializer the application registered included).
 */
final class EscapingStringDeserializer extends EscapingDeserializer {

    /** Whether the delegate is Jackson's own String deserializer, not one of the application's. */
    private final boolean jacksons;

    EscapingStringDeserializer(ValueDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
        this.jacksons = delegate.getClass() == StringDeserializer.class;
    }

    @Override
    EscapingDeserializer with(ValueDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingStringDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
        if (context != null && jacksons && !isCredentialsValue(p) && p.hasToken(JsonToken.VALUE_STRING)) {
            // what Jackson's StringDeserializer returns for a string token, one call less per value
            return context.encode(p.getString());
        }
        return super.deserialize(p, ctxt);
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) {
        return value instanceof String ? context.encode((String) value) : value;
    }
}
