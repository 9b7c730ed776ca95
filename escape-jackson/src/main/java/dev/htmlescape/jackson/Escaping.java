package dev.htmlescape.jackson;

import dev.htmlescape.Escape;
import dev.htmlescape.EscapeContext;
import dev.htmlescape.Escaper;
import dev.htmlescape.NoEscape;
import java.lang.annotation.Annotation;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;

/**
 * The module's policy, and which context a property's Strings get: the annotations of the
 * property (field, setter, creator parameter or record component), then of the class that
 * declares it, then of the class being read, then the policy's default; {@code null} when one of
 * them says {@link NoEscape}. The same order as the core walker's.
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

    /** The context for Strings read into {@code property}; {@code null} if they stay as they are. */
    EscapeContext contextFor(BeanProperty property) {
        if (property == null) {
            return escaper.defaultContext();
        }
        Annotation own = first(property.getAnnotation(NoEscape.class), property.getAnnotation(Escape.class));
        if (own == null) {
            AnnotatedMember member = property.getMember();
            if (member != null) {
                Class<?> declaring = member.getDeclaringClass();
                own = first(declaring.getAnnotation(NoEscape.class), declaring.getAnnotation(Escape.class));
            }
        }
        if (own == null) {
            own = first(property.getContextAnnotation(NoEscape.class), property.getContextAnnotation(Escape.class));
        }
        if (own instanceof NoEscape) {
            return null;
        }
        return own == null ? escaper.defaultContext() : ((Escape) own).value();
    }

    /**
     * The context for the text a class is created from by a single-String creator: the creator
     * parameter's annotations, then the class's; {@code null} if it stays as it is.
     */
    EscapeContext contextFor(Annotated parameter, Class<?> beanClass) {
        Annotation own = parameter == null ? null
                : first(parameter.getAnnotation(NoEscape.class), parameter.getAnnotation(Escape.class));
        if (own == null) {
            own = first(beanClass.getAnnotation(NoEscape.class), beanClass.getAnnotation(Escape.class));
        }
        if (own instanceof NoEscape) {
            return null;
        }
        return own == null ? escaper.defaultContext() : ((Escape) own).value();
    }

    private static Annotation first(Annotation a, Annotation b) {
        return a != null ? a : b;
    }
}
