package dev.htmlescape.jackson2;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedWithParams;
import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.Escaper;
import dev.htmlescape.spi.AdapterSupport;
import dev.htmlescape.spi.AnnotationSource;

/**
 * The module's policy, and where Jackson keeps the annotations that choose a property's context:
 * the property (field, setter, creator parameter, record component, or the parameter of a
 * delegating creator), then the class that
 * declares it, then the class being read. {@link Escaper#contextFor} decides, as for every
 * adapter; {@code null} means the value stays as it is.
 */
final class Escaping {

    private final Escaper escaper;

    Escaping(Escaper escaper) {
        this.escaper = escaper;
    }

    Escaper escaper() {
        return escaper;
    }

    boolean escapesMapKeys() {
        return escaper.escapesMapKeys();
    }

    /**
     * Whether the value of a JSON property or map key named {@code name} stays as typed: a
     * credential's ({@link Escaper#isSecretName}).
     */
    boolean isSecretName(String name) {
        return escaper.isSecretName(name);
    }

    /**
     * The context for Strings read into {@code property}; {@code null} if they stay as they are:
     * {@code @NoEscape}, or a property named like a credential without an {@code @Escape} of its own.
     */
    EscapeContext contextFor(BeanProperty property) {
        if (property == null) {
            return escaper.defaultContext();
        }
        if (property.getAnnotation(Escape.class) == null && escaper.isSecretName(property.getName())) {
            return null;
        }
        AnnotatedMember member = property.getMember();
        // a delegating creator's value: Jackson's property is the creator, the annotations are its parameter's
        AnnotationSource delegated = member instanceof AnnotatedWithParams creator && creator.getParameterCount() == 1
                ? creator.getParameter(0)::getAnnotation : AnnotationSource.NONE;
        return AdapterSupport.contextFor(escaper, delegated, property::getAnnotation,
                member == null ? AnnotationSource.NONE : member.getDeclaringClass()::getAnnotation,
                property::getContextAnnotation);
    }

    /**
     * The context for the text a class is created from by a single-String creator: the creator
     * parameter's annotations, then the class's; {@code null} if it stays as it is.
     */
    EscapeContext contextFor(Annotated parameter, Class<?> beanClass) {
        return AdapterSupport.contextFor(escaper, parameter == null ? AnnotationSource.NONE : parameter::getAnnotation, beanClass::getAnnotation);
    }
}
