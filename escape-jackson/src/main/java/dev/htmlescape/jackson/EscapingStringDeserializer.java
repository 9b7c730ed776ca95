package dev.htmlescape.jackson;

import dev.htmlescape.EscapeContext;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Every String value: bean and creator properties, records, array and collection elements, map
 * values, {@code Optional} contents, delegating creators and root values, whoever made the
 * underlying deserializer (a String deserializer the application registered included).
 */
final class EscapingStringDeserializer extends EscapingDeserializer {

    EscapingStringDeserializer(ValueDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
    }

    @Override
    EscapingDeserializer with(ValueDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingStringDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) {
        return value instanceof String ? context.encode((String) value) : value;
    }
}
