package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A bean's {@code @JsonAnySetter}: the names of the properties it takes are keys of the bean's
 * open-ended map, so they are escaped as map keys are. Two names that escaping makes equal for one
 * bean are an error, never an entry that replaces another. Values are escaped by their own
 * deserializers.
 *
 * <p>Jackson 2 buffers the values of a bean made by a creator and sets them later through
 * {@link #set(Object, Object, Object)}, which is given no context: the values this any-setter
 * reads for buffering carry their read's context to it, so names are checked per read there too.
 */
final class EscapingAnySetter extends SettableAnyProperty {

    private static final long serialVersionUID = 1L;

    private final SettableAnyProperty delegate;
    private final EscapeContext context;

    EscapingAnySetter(SettableAnyProperty delegate, EscapeContext context) {
        super(delegate.getProperty(), delegate.getProperty().getMember(), delegate.getType(), null, null, null);
        this.delegate = delegate;
        this.context = context;
    }

    /** A value read for buffering, with the read it belongs to. */
    private record Buffered(Object value, DeserializationContext ctxt) {
    }

    @Override
    public SettableAnyProperty withValueDeserializer(JsonDeserializer<Object> deserializer) {
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

    /** Jackson calls this only to buffer the value, which it later hands to {@link #set}. */
    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return new Buffered(delegate.deserialize(p, ctxt), ctxt);
    }

    @Override
    public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance, String name)
            throws IOException {
        delegate.deserializeAndSet(p, ctxt, instance, escapeName(ctxt, instance, name));
    }

    @Override
    public void set(Object instance, Object name, Object value) throws IOException {
        if (!(value instanceof Buffered)) {
            throw new IllegalStateException("a value this any-setter did not read: " + value);
        }
        Buffered buffered = (Buffered) value;
        Object escaped = name instanceof String ? escapeName(buffered.ctxt(), instance, (String) name) : name;
        delegate.set(instance, escaped, buffered.value());
    }

    @Override
    protected void _set(Object instance, Object propName, Object value) {
        throw new IllegalStateException("every set goes to the wrapped any-setter");
    }

    /**
     * The escaped name, after checking, in this read's attributes, that no other name of the same
     * bean became it. The same name twice is Jackson's to judge.
     */
    private String escapeName(DeserializationContext ctxt, Object instance, String name)
            throws JsonMappingException {
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
