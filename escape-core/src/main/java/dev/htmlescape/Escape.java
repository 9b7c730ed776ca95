package dev.htmlescape;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Picks the {@link EscapeContext} for a field, record component or parameter, or for every String
 * field of a type.
 *
 * <pre>{@code
 * @Escape(EscapeContext.HTML_ATTRIBUTE)
 * class Link {
 *     String title;                                       // HTML_ATTRIBUTE, from the type
 *     @Escape(EscapeContext.URI_COMPONENT) String query;  // the field wins over the type
 * }
 * }</pre>
 *
 * <p>On a field that holds an array, collection, map or {@code Optional}, the context applies to
 * the Strings inside that container (and nested containers), but not to the fields of other objects
 * the container holds: those follow their own annotations.
 *
 * <p>On a method, a setter, it counts where values are bound through setters: the Jackson modules
 * and Spring data binding. {@link Escaper} reads fields, so it follows the field's annotations.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD,
        ElementType.TYPE})
public @interface Escape {

    /**
     * The context to escape for.
     *
     * @return the context
     */
    EscapeContext value();
}
