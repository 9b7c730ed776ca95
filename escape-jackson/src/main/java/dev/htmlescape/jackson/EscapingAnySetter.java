package dev.htmlescape.jackson;

import dev.htmlescape.EscapeContext;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.SettableAnyProperty;

/**
 * A bean's {@code @JsonAnySetter}: the names of the properties it takes are keys of the bean's
 * open-ended map, so they are escaped as map keys are. Two names that escaping makes equal for one
 * bean are an error, never an entry that replaces another. Values are escaped by their own
 * deserializers.
 */
final class EscapingAnySetter extends SettableAnyProperty {

    private final SettableAnyProperty delegate;
    private final EscapeContext context;

    EscapingAnySetter(SettableAnyProperty delegate, EscapeContext context) {
        super(delegate.getProperty(), delegate.getProperty().getMember(), delegate.getType(), null, null, null);
        this.delegate = delegate;
        this.context = context;
    }

    @Override
    public SettableAnyProperty withValueDeserializer(ValueDeserializer<Object> deserializer) {
        return new EscapingAnySetter(delegate.withValueDeserializer(deserializer), context);
    }

    @Override
    public boolean hasValueDeserializer() {
        return delegate.hasValueDeserializer();
    }

    @Override
    public void fixAccess(DeserializationConfig config) {
        delegate.fixAccess(config);
    }

    @Override
    public int getParameterIndex() {
        return delegate.getParameterIndex();
    }

    @Override
    public boolean isFieldType() {
        return delegate.isFieldType();
    }

    @Override
    public boolean isSetterType() {
        return delegate.isSetterType();
    }

    @Override
    public Object createParameterObject() {
        return delegate.createParameterObject();
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
        return delegate.deserialize(p, ctxt);
    }

    @Override
    public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance, String name) {
        delegate.deserializeAndSet(p, ctxt, instance, escapeName(ctxt, instance, name));
    }

    @Override
    public void set(DeserializationContext ctxt, Object instance, Object name, Object value) {
        Object escaped = name instanceof String ? escapeName(ctxt, instance, (String) name) : name;
        delegate.set(ctxt, instance, escaped, value);
    }

    @Override
    protected void _set(DeserializationContext ctxt, Object instance, Object propName, Object value) {
        throw new IllegalStateException("every set goes to the wrapped any-setter");
    }

    /**
     * The escaped name, after checking, in this read's attributes, that no other name of the same
     * bean became it. The same name twice is Jackson's to judge.
     */
    private String escapeName(DeserializationContext ctxt, Object instance, String name) {
        String escaped = context.encode(name);
        @SuppressWarnings("unchecked")
        Map<Object, Map<String, String>> seen = (Map<Object, Map<String, String>>) ctxt.getAttribute(this);
        if (seen == null) {
            seen = new IdentityHashMap<>();
            ctxt.setAttribute(this, seen);
        }
        String earlier = seen.computeIfAbsent(instance, bean -> new HashMap<>()).putIfAbsent(escaped, name);
        if (earlier != null && !earlier.equals(name)) {
            ctxt.reportInputMismatch(getType(), "escaping made two property names equal: both became"
                    + " \"%s\", and the bean would lose one", escaped);
        }
        return escaped;
    }
}
