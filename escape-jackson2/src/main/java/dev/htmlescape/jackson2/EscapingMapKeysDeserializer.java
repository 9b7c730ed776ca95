package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a map with String (or untyped) keys: Jackson reads the map with its keys as they
 * are, then they are escaped and the map is refilled in its order. Keys that escaping makes equal
 * are an error, and the map is left as Jackson read it; no entry is ever lost. Values are escaped
 * by their own deserializers.
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

    private Object escapeKeys(Object value, Set<Object> leave, DeserializationContext ctxt)
            throws JsonMappingException {
        if (!(value instanceof Map)) {
            return value;
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) value;
        if (!anyKeyChanges(map, leave)) {
            return map;
        }
        List<Object> keys = new ArrayList<>(map.size());
        List<Object> values = new ArrayList<>(map.size());
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            keys.add(escapedKey(entry.getKey(), leave));
            values.add(entry.getValue());
        }
        Map<Object, Object> seen = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (seen.put(keys.get(i), Boolean.TRUE) != null) {
                return ctxt.reportInputMismatch(this, "escaping made two keys of this map equal: both"
                        + " became \"%s\", and the map would lose an entry", keys.get(i));
            }
        }
        List<Object> originalKeys = new ArrayList<>(map.keySet());
        refill(map, keys, values);
        if (map.size() != keys.size()) {
            // the map judges keys equal that differ (a comparator ignoring case): put it back
            refill(map, originalKeys, values);
            return ctxt.reportInputMismatch(this, "escaping made two keys of this %s equal, and it"
                    + " would lose an entry", map.getClass().getName());
        }
        return map;
    }

    /** Looks for a key that escaping changes, allocating nothing: the common, clean case. */
    private boolean anyKeyChanges(Map<Object, Object> map, Set<Object> leave) {
        for (Object key : map.keySet()) {
            if (escapedKey(key, leave) != key) {
                return true;
            }
        }
        return false;
    }

    private Object escapedKey(Object key, Set<Object> leave) {
        return key instanceof String && !leave.contains(key) ? context.encode((String) key) : key;
    }

    private static void refill(Map<Object, Object> map, List<Object> keys, List<Object> values) {
        map.clear();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
    }
}
