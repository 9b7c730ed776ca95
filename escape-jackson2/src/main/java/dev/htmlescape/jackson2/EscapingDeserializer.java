package dev.htmlescape.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.impl.ObjectIdReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.util.Collection;

/**
 * Wraps the deserializer Jackson chose and escapes what it returns; everything else, null and
 * empty values included, is the delegate's. Until Jackson makes it contextual for a property (or
 * the root value) it passes values through unescaped.
 */
abstract class EscapingDeserializer extends StdDeserializer<Object>
        implements ContextualDeserializer, ResolvableDeserializer {

    private static final long serialVersionUID = 1L;

    final transient JsonDeserializer<?> delegate;
    final transient Escaping escaping;
    final JavaType type;
    /** The property's context, or {@code null} before the deserializer is contextual. */
    final EscapeContext context;
    /**
     * The name of the property this deserializer reads, set once when it is made contextual and
     * before Jackson shares it; a value read under another name is a map entry's.
     */
    private String property;

    EscapingDeserializer(JsonDeserializer<?> delegate, JavaType type, Escaping escaping,
            EscapeContext context) {
        super(type);
        this.delegate = delegate;
        this.type = type;
        this.escaping = escaping;
        this.context = context;
    }

    /** The same wrapper around {@code newDelegate}, escaping for {@code newContext}. */
    abstract EscapingDeserializer with(JsonDeserializer<?> newDelegate, EscapeContext newContext);

    /**
     * Whether the value just read is a map entry's (or an any-setter's) under a key named like a
     * credential: it stays as typed.
     */
    final boolean isCredentialsValue(JsonParser p) throws IOException {
        String name = p.currentName();
        return name != null && !name.equals(property) && escaping.isSecretName(name);
    }

    /** Escapes a value the delegate read; {@link #context} is set. */
    abstract Object escape(Object value, JsonParser p, DeserializationContext ctxt) throws IOException;

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        if (delegate instanceof ResolvableDeserializer) {
            ((ResolvableDeserializer) delegate).resolve(ctxt);
        }
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = ctxt.handleSecondaryContextualization(delegate, property, type);
        EscapeContext propertyContext = escaping.contextFor(property);
        if (propertyContext == null) {
            return contextual; // @NoEscape or a credential's name: Jackson's own deserializer, untouched
        }
        EscapingDeserializer made = with(contextual, propertyContext);
        made.property = property == null ? null : property.getName();
        return made;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Object value = delegate.deserialize(p, ctxt);
        return context == null || value == null || isCredentialsValue(p) ? value : escape(value, p, ctxt);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
        Object value = deserializeInto(p, ctxt, intoValue);
        return context == null || value == null || isCredentialsValue(p) ? value : escape(value, p, ctxt);
    }

    /** Lets the delegate read JSON into an existing value, unescaped. */
    final Object deserializeInto(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
        @SuppressWarnings("unchecked")
        JsonDeserializer<Object> into = (JsonDeserializer<Object>) delegate;
        return into.deserialize(p, ctxt, intoValue);
    }

    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt,
            TypeDeserializer typeDeserializer) throws IOException {
        Object value = delegate.deserializeWithType(p, ctxt, typeDeserializer);
        return context == null || value == null || isCredentialsValue(p) ? value : escape(value, p, ctxt);
    }

    @Override
    public JsonDeserializer<?> getDelegatee() {
        return delegate;
    }

    @Override
    public JsonDeserializer<?> replaceDelegatee(JsonDeserializer<?> newDelegate) {
        if (newDelegate == delegate) {
            return this;
        }
        EscapingDeserializer made = with(newDelegate, context);
        made.property = property;
        return made;
    }

    @Override
    public boolean isCachable() {
        return delegate.isCachable();
    }

    @Override
    public LogicalType logicalType() {
        return delegate.logicalType();
    }

    @Override
    public Boolean supportsUpdate(DeserializationConfig config) {
        return delegate.supportsUpdate(config);
    }

    @Override
    public AccessPattern getNullAccessPattern() {
        return delegate.getNullAccessPattern();
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        return delegate.getNullValue(ctxt);
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
        return delegate.getAbsentValue(ctxt);
    }

    @Override
    public AccessPattern getEmptyAccessPattern() {
        return delegate.getEmptyAccessPattern();
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
        return delegate.getEmptyValue(ctxt);
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
        return delegate.getKnownPropertyNames();
    }

    @Override
    public ObjectIdReader getObjectIdReader() {
        return delegate.getObjectIdReader();
    }

    @Override
    public SettableBeanProperty findBackReference(String refName) {
        return delegate.findBackReference(refName);
    }
}
