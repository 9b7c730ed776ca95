package dev.htmlescape.jackson2;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.introspect.AnnotatedWithParams;
import dev.htmlescape.EscapeContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Classes made from a JSON string by a single-String creator ({@code @JsonCreator} delegating, or
 * a String constructor or factory): Jackson hands the creator the text itself, not through a
 * String deserializer, so it is escaped here.
 */
final class EscapingValueInstantiators implements ValueInstantiators {

    private final Escaping escaping;

    EscapingValueInstantiators(Escaping escaping) {
        this.escaping = escaping;
    }

    @Override
    public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription beanDesc,
            ValueInstantiator instantiator) {
        if (!instantiator.canCreateFromString()) {
            return instantiator;
        }
        AnnotatedWithParams creator = instantiator.getDelegateCreator();
        if (!takesText(creator)) {
            creator = onlyTextCreator(beanDesc);
        }
        EscapeContext context = escaping.contextFor(creator == null ? null : creator.getParameter(0),
                beanDesc.getBeanClass());
        return context == null ? instantiator : new FromEscapedString(instantiator, context);
    }

    private static boolean takesText(AnnotatedWithParams creator) {
        return creator != null && creator.getParameterCount() == 1 && creator.getRawParameterType(0) == String.class;
    }

    /**
     * The class's one constructor or factory that takes a single String: the creator Jackson made
     * from a string ({@code JsonCreator.Mode.DELEGATING} with a String, or a String constructor),
     * which it does not name; {@code null} if there is none or more than one.
     */
    private static AnnotatedWithParams onlyTextCreator(BeanDescription beanDesc) {
        List<AnnotatedWithParams> creators = new ArrayList<>(beanDesc.getConstructors());
        creators.addAll(beanDesc.getFactoryMethods());
        creators.removeIf(creator -> !takesText(creator));
        return creators.size() == 1 ? creators.get(0) : null;
    }

    /** Creates the instance from the escaped text; everything else is the wrapped instantiator's. */
    private static final class FromEscapedString extends ValueInstantiator.Delegating {

        private static final long serialVersionUID = 1L;

        private final EscapeContext context;

        FromEscapedString(ValueInstantiator delegate, EscapeContext context) {
            super(delegate);
            this.context = context;
        }

        @Override
        public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription beanDesc)
                throws JsonMappingException {
            ValueInstantiator contextual = delegate().createContextual(ctxt, beanDesc);
            return contextual == delegate() ? this : new FromEscapedString(contextual, context);
        }

        @Override
        public Object createFromString(DeserializationContext ctxt, String value) throws IOException {
            return super.createFromString(ctxt, context.encode(value));
        }
    }
}
