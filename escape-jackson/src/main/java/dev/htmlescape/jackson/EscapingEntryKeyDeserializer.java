package dev.htmlescape.jackson;

import dev.htmlescape.EscapeContext;
import java.util.AbstractMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/** A {@code Map.Entry}: its key is escaped as a map key is; its value by its own deserializer. */
final class EscapingEntryKeyDeserializer extends EscapingDeserializer {

    EscapingEntryKeyDeserializer(ValueDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
    }

    @Override
    EscapingDeserializer with(ValueDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingEntryKeyDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) {
        if (!(value instanceof Map.Entry) || !(((Map.Entry<?, ?>) value).getKey() instanceof String)) {
            return value;
        }
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
        String key = (String) entry.getKey();
        String escaped = context.encode(key);
        return escaped == key ? entry : new AbstractMap.SimpleEntry<>(escaped, entry.getValue());
    }
}
