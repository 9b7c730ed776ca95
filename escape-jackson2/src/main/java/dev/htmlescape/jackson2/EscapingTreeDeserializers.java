package dev.htmlescape.jackson2;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;

/**
 * Supplies the tree deserializers: Jackson applies no {@code BeanDeserializerModifier} to them,
 * so the module wraps Jackson's own here.
 */
final class EscapingTreeDeserializers extends Deserializers.Base {

    private final Escaping escaping;

    EscapingTreeDeserializers(Escaping escaping) {
        this.escaping = escaping;
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return JsonNode.class.isAssignableFrom(valueType);
    }

    @Override
    public JsonDeserializer<?> findTreeNodeDeserializer(Class<? extends JsonNode> nodeType,
            DeserializationConfig config, BeanDescription beanDesc) {
        return new EscapingTreeDeserializer(JsonNodeDeserializer.getDeserializer(nodeType),
                config.constructType(nodeType), escaping, null);
    }
}
