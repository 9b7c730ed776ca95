package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.htmlescape.EscapeContext;
import java.util.AbstractMap;
import java.util.Map;

/** A {@code Map.Entry}: its key is escaped as a map key is; its value by its own deserializer. */
final class EscapingEntryKeyDeserializer extends EscapingDeserializer {

    private static final long serialVersionUID = 1L;

    EscapingEntryKeyDeserializer(JsonDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
    }

    @Override
    EscapingDeserializer with(JsonDeserializer<?> newDelegate, EscapeContext newContext) {
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
