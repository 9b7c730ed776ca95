package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.EscapeException;
import dev.htmlescape.spi.AdapterSupport;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a map with String (or untyped) keys: Jackson reads the map with its keys as they
 * are, then {@link EscapeContext#escapeKeys} escapes them and refills the map in its order. Keys
 * that escaping makes equal are an error naming the map's path, and the map is left as Jackson
 * read it; no entry is ever lost. Values are escaped by their own deserializers.
 */
final class EscapingMapKeysDeserializer extends EscapingDeserializer {

    private static final long serialVersionUID = 1L;

    EscapingMapKeysDeserializer(JsonDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
    }

    @Override
    EscapingDeserializer with(JsonDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingMapKeysDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) throws JsonMappingException {
        return escapeKeys(value, Collections.emptySet(), ctxt);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
        if (context == null || !(intoValue instanceof Map)) {
            return deserializeInto(p, ctxt, intoValue);
        }
        // keys already in the map were read or set before: only the new ones are escaped
        Set<Object> earlier = Collections.newSetFromMap(new IdentityHashMap<>());
        earlier.addAll(((Map<?, ?>) intoValue).keySet());
        Object merged = deserializeInto(p, ctxt, intoValue);
        return escapeKeys(merged, earlier, ctxt);
    }

    private Object escapeKeys(Object value, Set<Object> leave, DeserializationContext ctxt) throws JsonMappingException {
        if (!(value instanceof Map)) {
            return value;
        }
        try {
            return AdapterSupport.escapeKeys(context, (Map<?, ?>) value, leave);
        } catch (EscapeException e) {
            return ctxt.reportInputMismatch(this, "%s", e.getMessage());
        }
    }
}
