package dev.htmlescape.jackson;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;

/**
 * Supplies the tree deserializers: Jackson applies no {@code ValueDeserializerModifier} to them,
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
    public ValueDeserializer<?> findTreeNodeDeserializer(JavaType nodeType, DeserializationConfig config,
            BeanDescription.Supplier beanDescRef) {
        @SuppressWarnings("unchecked")
        Class<? extends JsonNode> nodeClass = (Class<? extends JsonNode>) nodeType.getRawClass();
        return new EscapingTreeDeserializer(JsonNodeDeserializer.getDeserializer(nodeClass), nodeType,
                escaping, null);
    }
}
