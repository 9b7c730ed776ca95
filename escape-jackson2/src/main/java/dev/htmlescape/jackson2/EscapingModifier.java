package dev.htmlescape.jackson2;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import dev.htmlescape.EscapeContext;
import java.util.Map;
import java.util.Set;

/**
 * Wraps the deserializers Jackson makes for String, for untyped values, for maps with String keys,
 * map entries and sets, and the any-setters of beans, whose property names become keys.
 * Deserializers for other types, the application's own included, are left as they are: a custom
 * deserializer owns its parsing, and its Strings are escaped only if it reads them through
 * {@code ctxt.readValue(p, String.class)}.
 */
final class EscapingModifier extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    private final transient Escaping escaping;

    EscapingModifier(Escaping escaping) {
        this.escaping = escaping;
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
            JsonDeserializer<?> deserializer) {
        Class<?> type = beanDesc.getBeanClass();
        if (type == String.class || type == CharSequence.class) {
            return new EscapingStringDeserializer(deserializer, beanDesc.getType(), escaping, null);
        }
        if (type == Object.class) {
            // resolved, Jackson's untyped deserializer would read through this module's String and
            // map deserializers; unresolved, it becomes Jackson's plain one, which reads raw values
            // that are escaped once afterwards
            boolean jacksons = deserializer.getClass() == UntypedObjectDeserializer.class;
            return new EscapingUntypedDeserializer(jacksons ? new UntypedObjectDeserializer(null, null)
                    : deserializer, beanDesc.getType(), escaping, null, jacksons);
        }
        if (Map.Entry.class.isAssignableFrom(type) && escaping.escapesMapKeys()) {
            return new EscapingEntryKeyDeserializer(deserializer, beanDesc.getType(), escaping, null);
        }
        return deserializer;
    }

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
            BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return Set.class.isAssignableFrom(type.getRawClass())
                ? new EscapingSetDeserializer(deserializer, type, escaping, null) : deserializer;
    }

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription beanDesc,
            BeanDeserializerBuilder builder) {
        SettableAnyProperty anySetter = builder.getAnySetter();
        if (anySetter != null && escaping.escapesMapKeys()) {
            EscapeContext names = escaping.contextFor(anySetter.getProperty());
            if (names != null) {
                builder.setAnySetter(null); // the builder takes a second any-setter only after a reset
                builder.setAnySetter(new EscapingAnySetter(anySetter, names));
            }
        }
        return builder;
    }

    @Override
    public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
            BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        Class<?> keyType = type.getKeyType().getRawClass();
        boolean textKeys = keyType == String.class || keyType == Object.class || keyType == CharSequence.class;
        return textKeys && escaping.escapesMapKeys()
                ? new EscapingMapKeysDeserializer(deserializer, type, escaping, null) : deserializer;
    }
}
