package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JsonNode} trees: Jackson builds the tree, then every string value and (unless map keys
 * are left alone) every property name is escaped, level by level without recursion. Names that
 * escaping makes equal are an error naming the object's path in the tree.
 */
final class EscapingTreeDeserializer extends EscapingDeserializer {

    private static final long serialVersionUID = 1L;

    EscapingTreeDeserializer(JsonDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(delegate, type, escaping, context);
    }

    @Override
    EscapingDeserializer with(JsonDeserializer<?> newDelegate, EscapeContext newContext) {
        return new EscapingTreeDeserializer(newDelegate, type, escaping, newContext);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
        if (context == null) {
            return deserializeInto(p, ctxt, intoValue);
        }
        throw JsonMappingException.from(p, "HtmlEscapeModule cannot merge JSON into an existing tree;"
                + " read a new one, or mark the property @NoEscape");
    }

    @Override
    Object escape(Object value, JsonParser p, DeserializationContext ctxt) throws JsonMappingException {
        JsonNode root = (JsonNode) value;
        if (root.isTextual()) {
            return text(root);
        }
        boolean names = escaping.escapesMapKeys();
        Deque<JsonNode> pending = new ArrayDeque<>();
        Deque<String> paths = new ArrayDeque<>();
        pending.push(root);
        paths.push("");
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            String path = paths.pop();
            if (node.isObject()) {
                escapeObject((ObjectNode) node, path, names, pending, paths, p);
            } else if (node.isArray()) {
                ArrayNode array = (ArrayNode) node;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode element = array.get(i);
                    if (element.isTextual()) {
                        array.set(i, text(element));
                    } else if (element.isContainerNode()) {
                        pending.push(element);
                        paths.push(path + "/" + i);
                    }
                }
            }
        }
        return root;
    }

    private void escapeObject(ObjectNode object, String path, boolean names, Deque<JsonNode> pending,
            Deque<String> paths, JsonParser p) throws JsonMappingException {
        boolean changed = false;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            // a credential's value stays as typed, whatever it holds
            boolean secret = escaping.isSecretName(name);
            if (value.isContainerNode() && !secret) {
                pending.push(value);
                paths.push(path + "/" + (names ? context.encode(name) : name));
            }
            changed |= names && context.encode(name) != name || !secret && value.isTextual() && text(value) != value;
        }
        if (!changed) {
            return; // the common, clean case: nothing allocated
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
        Map<String, JsonNode> escaped = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries) {
            String name = names ? context.encode(entry.getKey()) : entry.getKey();
            JsonNode value = entry.getValue().isTextual() && !escaping.isSecretName(entry.getKey())
                    ? text(entry.getValue()) : entry.getValue();
            if (escaped.put(name, value) != null) {
                throw JsonMappingException.from(p, "escaping made two property names of the object at \""
                        + (path.isEmpty() ? "/" : path) + "\" equal: both became \"" + name
                        + "\", and the tree would lose one");
            }
        }
        object.removeAll();
        escaped.forEach(object::set);
    }

    /** The escaped text node, or {@code node} itself when its text needs no escaping. */
    private JsonNode text(JsonNode node) {
        String text = node.textValue();
        String escaped = context.encode(text);
        return escaped == text ? node : TextNode.valueOf(escaped);
    }
}
