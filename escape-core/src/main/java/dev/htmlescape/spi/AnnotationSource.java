package dev.htmlescape.spi;

import dev.htmlescape.Escape;
import dev.htmlescape.NoEscape;
import java.lang.annotation.Annotation;

/**
 * Where an adapter finds the {@link NoEscape} and {@link Escape} annotations of a holder that the
 * walk does not reach itself: a property a JSON mapper binds, a controller parameter, the class
 * that declares it. A method reference fits.
 *
 * <pre>{@code
 * EscapeContext context = AdapterSupport.contextFor(escaper, property::getAnnotation, type::getAnnotation);
 * }</pre>
 *
 * <p>Read by {@link AdapterSupport#contextFor}, which decides the context the same way for every
 * adapter. Implementations are called on the adapter's thread and need be no more thread-safe than
 * what they read.
 */
@FunctionalInterface
public interface AnnotationSource {

    /** A holder without annotations: for a level that is missing, such as a property without a member. */
    AnnotationSource NONE = new AnnotationSource() {
        @Override
        public <A extends Annotation> A getAnnotation(Class<A> type) {
            return null;
        }
    };

    /**
     * The holder's annotation of {@code type}.
     *
     * @param type {@code NoEscape.class} or {@code Escape.class}
     * @param <A> the annotation type
     * @return the annotation, or {@code null} if the holder has none of that type
     */
    <A extends Annotation> A getAnnotation(Class<A> type);
}
